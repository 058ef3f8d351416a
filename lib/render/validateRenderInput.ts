import { describeValue as describe } from '../options/describeValue.js';
import type { HealthReport } from '../report/HealthReport.js';
import { DETAIL_LEVELS, type DetailLevel } from './DetailLevel.js';

/** @internal Whether `value` is one of the {@link DETAIL_LEVELS}. */
export function isDetailLevel(value: unknown): value is DetailLevel {
  return typeof value === 'string' && (DETAIL_LEVELS as readonly string[]).includes(value);
}

/** @internal The levels as an error message lists them: `'full', 'status', 'summary'`. */
export const detailLevelList: string = DETAIL_LEVELS.map((level) => `'${level}'`).join(', ');

/** @internal Throws a TypeError unless `value` looks like a {@link HealthReport} (an object with a `checks` array). */
export function assertReport(value: unknown, owner: string): asserts value is HealthReport {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { checks?: unknown }).checks)) {
    throw new TypeError(`${owner}: report must be a HealthReport (an object with a checks array), got ${describe(value)}`);
  }
}
