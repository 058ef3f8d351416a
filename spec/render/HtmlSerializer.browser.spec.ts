import { expect } from 'chai';
import { HtmlSerializer, type HealthReport } from 'pulsecheck';
import { measurePage, type PageMeasures } from '../support/chromium.js';
import { requireChromium } from '../support/requireChromium.js';
import { historyDemoReport } from './historyDashboard.js';

describe('HtmlSerializer in headless Chromium (Debian package chromium)', function () {
  this.timeout(120_000);
  let chromium = '';
  let html = '';

  before(async function () {
    chromium = requireChromium(this, 'the dashboard layout was not checked in a browser');
    const report: HealthReport = await historyDemoReport();
    html = new HtmlSerializer({ title: 'Orders API' }).serialize(report);
  });

  function expectLaidOut(measures: PageMeasures, width: number): void {
    expect(measures.viewportWidth).to.equal(width);
    expect(measures.scrollWidth, 'horizontal overflow').to.be.at.most(width);
    expect(measures.overflowing, 'elements past the right edge').to.deep.equal([]);
    // one strip per check, each bar inside it; the PostgreSQL outage (refused, then timeouts) is one failing bar
    expect(measures.strips).to.have.length(4);
    for (const strip of measures.strips) {
      expect(strip.fits, 'every bar inside its strip').to.equal(true);
      expect(strip.minCellWidth, 'narrowest bar').to.be.at.least(1);
    }
    expect(measures.sparklines).to.have.length(4);
    for (const sparkline of measures.sparklines) expect(sparkline.width).to.be.greaterThan(200);
  }

  it('fits a phone (390 px) without horizontal overflow: each strip and sparkline across its tile', async () => {
    expectLaidOut(await measurePage(chromium, html, { width: 390 }), 390);
  });

  it('follows prefers-color-scheme: dark, still without overflow at 390 px', async () => {
    const light = await measurePage(chromium, html, { width: 390 });
    const dark = await measurePage(chromium, html, { width: 390, dark: true });
    expect([light.darkScheme, dark.darkScheme]).to.deep.equal([false, true]);
    expect(dark.bodyBackground).to.equal('rgb(14, 17, 22)');
    expect(light.bodyBackground).to.equal('rgb(243, 245, 247)');
    expectLaidOut(dark, 390);
  });

  it('lays out at 1280 px', async () => {
    expectLaidOut(await measurePage(chromium, html, { width: 1280 }), 1280);
  });
});
