import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import { HtmlSerializer, type HealthReport } from 'pulsecheck';
import { axeViolations } from '../support/chromium.js';
import { requireChromium } from '../support/requireChromium.js';
import { historyDemoReport } from './historyDashboard.js';
import { outageDemoReports } from './outageDashboard.js';
import { aReport, hostileReport } from './fixtures.js';

/**
 * html-validate's recommended rules, but for `doctype-style` (it wants
 * `<!DOCTYPE html>` in capitals; the page writes `<!doctype html>`, which
 * HTML treats the same).
 */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off' } });

async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
}

describe('HtmlSerializer: accessibility and validity', function () {
  this.timeout(300_000);
  let pages: Record<string, string> = {};

  before(async () => {
    const { failing, recovered } = await outageDemoReports();
    const serializer = new HtmlSerializer({ title: 'Orders API' });
    const reports: Record<string, HealthReport> = { failing, recovered, history: await historyDemoReport(), hostile: hostileReport(), empty: aReport([]) };
    pages = Object.fromEntries(Object.entries(reports).map(([name, report]) => [name, serializer.serialize(report)]));
  });

  it('has no html-validate error (recommended rules): no aria-label misuse, every landmark named uniquely', async () => {
    for (const [name, html] of Object.entries(pages)) expect(await validationErrors(html), name).to.deep.equal([]);
  });

  describe('axe-core in headless Chromium', () => {
    let chromium = '';
    let axeSource = '';

    before(async function () {
      chromium = requireChromium(this, 'axe-core was not run');
      axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    });

    for (const [name, width, dark] of [['failing', 1280, false], ['failing', 390, true], ['recovered', 1280, true], ['recovered', 390, false]] as const) {
      it(`reports no violation on the ${name} dashboard at ${width} px, ${dark ? 'dark' : 'light'} (landmark-unique, colour contrast and the rest)`, async () => {
        const violations = await axeViolations(chromium, pages[name] ?? '', axeSource, { width, dark });
        expect(violations).to.deep.equal([]);
      });
    }
  });
});
