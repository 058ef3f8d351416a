#!/usr/bin/env node
// `npm run screenshots`: renders the dashboard of spec/render/historyDashboard.ts (a real HealthService:
// PostgreSQL went down for a while and came back) with headless Chromium, at 1200 and 390 px, light and dark,
// into docs/screenshots/dashboard-history-<width>-<scheme>.png. Needs Chromium (`apt-get install chromium`,
// or CHROMIUM=/path/to/chrome) and the test build (the npm script builds it).
import { fileURLToPath } from 'node:url';
import { HtmlSerializer } from '../dist/index.js';
import { historyDemoReport } from '../build/spec/render/historyDashboard.js';
import { findChromium, measurePage, screenshot } from '../build/spec/support/chromium.js';

const chromium = findChromium();
if (chromium === undefined) {
  console.error('screenshots: Chromium not found (apt-get install chromium, or set CHROMIUM)');
  process.exit(1);
}
const report = await historyDemoReport();
const html = new HtmlSerializer({ title: 'Orders API' }).serialize(report);
for (const width of [1200, 390]) {
  for (const scheme of ['light', 'dark']) {
    const file = fileURLToPath(new URL(`../docs/screenshots/dashboard-history-${width}-${scheme}.png`, import.meta.url));
    const options = { width, dark: scheme === 'dark' };
    const measures = await measurePage(chromium, html, options);
    await screenshot(chromium, html, file, options);
    console.log(`${file}: ${width}x${measures.scrollHeight}, scrollWidth ${measures.scrollWidth}, dark ${measures.darkScheme}, strips ${measures.strips.map((strip) => strip.cells).join('/')}`);
  }
}
