import type { FailAfter } from './FailAfter.js';
import type { OptionRule } from '../options/OptionRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { describeValue } from '../options/describeValue.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';

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

/** @internal The keys of a {@link FailAfter} object and their rules. */
const FAIL_AFTER_SCHEMA = { count: optionRules.count, durationMs: optionRules.nonNegativeMs } as const satisfies OptionSchema<Exclude<FailAfter, number>>;

/** @internal Throws a RangeError naming `option` and `owner` unless `value` is a positive integer. */
export function assertCount(value: unknown, option: string, owner: string): asserts value is number {
  optionRules.count.check(value, option, owner);
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
  const { count, durationMs } = validateOptions(FAIL_AFTER_SCHEMA, value, owner, `${option}.`);
  if (count === undefined && durationMs === undefined) throw new TypeError(`${owner}: ${option} must give count, durationMs or both`);
}

/**
 * @internal The option rule of `failAfter` and `defaultFailAfter`: a count,
 * or `{ count?, durationMs? }` with at least one of them.
 */
export const FAIL_AFTER_RULE: OptionRule<FailAfter> = Object.freeze({ expected: 'a count or an object { count?, durationMs? }', check: assertFailAfter });

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
