import { describeValue as describe } from '../core/validateOptions.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { DetailLevel } from './DetailLevel.js';

/** @internal The detail levels, from the most to the least revealing. */
export const detailLevels: readonly DetailLevel[] = ['full', 'status', 'summary'];

/** @internal Returns `value` as a {@link DetailLevel} (`'full'` when undefined), or throws a TypeError naming the owner. */
export function resolveDetail(value: unknown, owner: string): DetailLevel {
  if (value === undefined) return 'full';
  if (typeof value !== 'string' || !(detailLevels as readonly string[]).includes(value)) {
    throw new TypeError(`${owner}: detail must be one of ${detailLevels.map((level) => `'${level}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as DetailLevel;
}

/** @internal Throws a RangeError unless `value` is a positive integer number of seconds. */
export function assertRefreshSeconds(value: unknown, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${owner}: refreshSeconds must be a positive integer number of seconds, got ${describe(value)}`);
  }
}

/** @internal Throws a TypeError unless `value` looks like a {@link HealthReport} (an object with a `checks` array). */
export function assertReport(value: unknown, owner: string): asserts value is HealthReport {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { checks?: unknown }).checks)) {
    throw new TypeError(`${owner}: report must be a HealthReport (an object with a checks array), got ${describe(value)}`);
  }
}
