import type { FailAfter } from './FailAfter.js';
import { assertKnownKeys, assertNonNegativeMs, describeValue } from './validateOptions.js';

/**
 * @internal A check's flap-suppression thresholds, resolved: a failure counts
 * after `failCount` failed executions in a row spanning at least `failMs`,
 * a recovery after `recoverCount` non-failed executions in a row.
 */
export interface FlapRule {
  readonly failCount: number;
  readonly failMs: number;
  readonly recoverCount: number;
}

const FAIL_AFTER_KEYS = ['count', 'durationMs'] as const;

/** @internal Throws a RangeError naming `option` and `owner` unless `value` is a positive integer. */
export function assertCount(value: unknown, option: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${owner}: ${option} must be a positive integer (a number of executions), got ${describeValue(value)}`);
  }
}

/**
 * @internal Throws unless `value` is a {@link FailAfter}: a TypeError for the
 * wrong type or an unknown key, a RangeError for a malformed count or duration.
 */
export function assertFailAfter(value: unknown, option: string, owner: string): asserts value is FailAfter {
  if (typeof value === 'number') {
    assertCount(value, option, owner);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${owner}: ${option} must be a count or an object { count?, durationMs? }, got ${describeValue(value)}`);
  }
  assertKnownKeys(value, FAIL_AFTER_KEYS, `${owner}: ${option}`);
  const { count, durationMs } = value as { count?: unknown; durationMs?: unknown };
  if (count === undefined && durationMs === undefined) {
    throw new TypeError(`${owner}: ${option} must give count, durationMs or both`);
  }
  if (count !== undefined) assertCount(count, `${option}.count`, owner);
  if (durationMs !== undefined) assertNonNegativeMs(durationMs, `${option}.durationMs`, owner);
}

/** @internal A frozen copy of a valid {@link FailAfter} (a number stays a number). */
export function freezeFailAfter(value: FailAfter): FailAfter {
  return typeof value === 'number' ? value : Object.freeze({ ...value });
}

/**
 * @internal The rule from the (valid) options; `undefined` when it
 * suppresses nothing (one failure fails, one pass recovers), so that
 * unused flap suppression costs nothing.
 */
export function flapRule(failAfter: FailAfter | undefined, recoverAfter: number | undefined): FlapRule | undefined {
  const failCount = failAfter === undefined ? 1 : typeof failAfter === 'number' ? failAfter : (failAfter.count ?? 1);
  const failMs = typeof failAfter === 'object' ? (failAfter.durationMs ?? 0) : 0;
  const recoverCount = recoverAfter ?? 1;
  if (failCount <= 1 && failMs <= 0 && recoverCount <= 1) return undefined;
  return Object.freeze({ failCount, failMs, recoverCount });
}
