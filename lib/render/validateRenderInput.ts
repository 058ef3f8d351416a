import { describeValue as describe } from '../options/describeValue.js';
import { optionRules } from '../options/optionRules.js';
import type { HealthReport } from '../report/HealthReport.js';
import { DETAIL_LEVELS, type DetailLevel } from './DetailLevel.js';

/** @internal Whether `value` is one of the {@link DETAIL_LEVELS}. */
export function isDetailLevel(value: unknown): value is DetailLevel {
  return typeof value === 'string' && (DETAIL_LEVELS as readonly string[]).includes(value);
}

/** @internal The levels as an error message lists them: `'full', 'status', 'summary'`. */
export const detailLevelList: string = DETAIL_LEVELS.map((level) => `'${level}'`).join(', ');

/** @internal Returns `value` as a {@link DetailLevel} (`'full'` when undefined), or throws a TypeError naming the owner. */
export function resolveDetail(value: unknown, owner: string): DetailLevel {
  if (value === undefined) return 'full';
  if (!isDetailLevel(value)) throw new TypeError(`${owner}: detail must be one of ${detailLevelList}, got ${describe(value)}`);
  return value;
}

/** @internal Throws a RangeError unless `value` is a positive integer number of seconds. */
export function assertRefreshSeconds(value: unknown, owner: string): asserts value is number {
  optionRules.positiveSeconds.check(value, 'refreshSeconds', owner);
}

/** @internal Throws a TypeError unless `value` looks like a {@link HealthReport} (an object with a `checks` array). */
export function assertReport(value: unknown, owner: string): asserts value is HealthReport {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { checks?: unknown }).checks)) {
    throw new TypeError(`${owner}: report must be a HealthReport (an object with a checks array), got ${describe(value)}`);
  }
}
