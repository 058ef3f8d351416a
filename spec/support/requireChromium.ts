import type { Context } from 'mocha';
import { findChromium } from './chromium.js';

/**
 * Chromium's path for a browser spec's `before` hook. Without Chromium, the
 * suite is skipped with a loud message saying what was not checked, except
 * under `CI=true`, where it fails (`.ci/run` installs it).
 *
 * @param context - The hook's `this`.
 * @param unchecked - What goes unchecked without it, for the message.
 */
export function requireChromium(context: Context, unchecked: string): string {
  const chromium = findChromium();
  if (chromium !== undefined) return chromium;
  if (process.env.CI === 'true') throw new Error('Chromium is not installed, and CI=true: .ci/run installs it (apt-get install chromium)');
  console.warn(`    ⚠ SKIPPED: Chromium is not installed (apt-get install chromium, or set CHROMIUM); ${unchecked}`);
  return context.skip();
}
