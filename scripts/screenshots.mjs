#!/usr/bin/env node
// `npm run screenshots`: renders the dashboards of spec/render/outageDashboard.ts (a real HealthService in
// background mode on a fake clock: Redis down, two checks blocked by it, a pending failure, an overdue result),
// during the outage and after the recovery, and of spec/render/historyDashboard.ts (PostgreSQL down for a while),
// with headless Chromium at 1280 and 390 px, light and dark, into docs/screenshots/:
// dashboard-outage-<width>-<scheme>.png, dashboard-recovered-<width>-<scheme>.png and
// dashboard-history-<width>-<scheme>.png. Needs Chromium (`apt-get install chromium`, or CHROMIUM=/path/to/chrome)
// and the test build (the npm script builds it).
import { fileURLToPath } from 'node:url';
import { HtmlSerializer } from '../dist/index.js';
import { historyDemoReport } from '../build/spec/render/historyDashboard.js';
import { outageDemoReports } from '../build/spec/render/outageDashboard.js';
import { findChromium, measurePage, screenshot } from '../build/spec/support/chromium.js';

const chromium = findChromium();
if (chromium === undefined) {
  console.error('screenshots: Chromium not found (apt-get install chromium, or set CHROMIUM)');
  process.exit(1);
}
const { failing, recovered } = await outageDemoReports();
const pages = {
  outage: new HtmlSerializer({ title: 'Orders API' }).serialize(failing),
  recovered: new HtmlSerializer({ title: 'Orders API' }).serialize(recovered),
  history: new HtmlSerializer({ title: 'Orders API' }).serialize(await historyDemoReport()),
};
for (const [name, html] of Object.entries(pages)) {
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark']) {
      const file = fileURLToPath(new URL(`../docs/screenshots/dashboard-${name}-${width}-${scheme}.png`, import.meta.url));
      const options = { width, dark: scheme === 'dark' };
      const measures = await measurePage(chromium, html, options);
      await screenshot(chromium, html, file, options);
      console.log(`${file}: ${width}x${measures.scrollHeight}, scrollWidth ${measures.scrollWidth}, dark ${measures.darkScheme}, strips ${measures.strips.length}`);
    }
  }
}
