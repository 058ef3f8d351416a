import type { HealthCheckClass } from './CheckDefinition.js';
import { HealthCheck } from './HealthCheck.js';
import { MAX_TIMER_MS } from '../options/maxTimerMs.js';
import { optionRules } from '../options/optionRules.js';
import { describeValue } from '../options/describeValue.js';

/** @internal Names the check in error messages, before its name is known. */
export function describeClass(target: unknown): string {
  if (typeof target === 'function' && target.name !== '') return `class ${target.name}`;
  if (typeof target === 'function') return 'an anonymous class';
  return `${String(target)} (${typeof target})`;
}

/** @internal Throws a TypeError unless `target` is a class extending HealthCheck. */
export function assertHealthCheckClass(target: unknown, where: string): asserts target is HealthCheckClass {
  const prototype: unknown = typeof target === 'function' ? (target as { prototype?: unknown }).prototype : undefined;
  if (!(prototype instanceof HealthCheck)) {
    throw new TypeError(`${where}: ${describeClass(target)} does not extend HealthCheck`);
  }
}

/**
 * @internal The timer limit, from its home in `lib/options` (re-exported for
 * the modules that import it from here).
 */
export { describeValue } from '../options/describeValue.js';

/**
 * @internal The one limit every millisecond option shares: throws a RangeError
 * naming the option, the owner and the limit when `value` exceeds
 * {@link MAX_TIMER_MS}.
 */
export function assertTimerMs(value: number, option: string, owner: string): void {
  if (value > MAX_TIMER_MS) optionRules.positiveMs.check(value, option, owner);
}

/** @internal {@link optionRules}`.positiveMs` as an assertion, for owners not yet on a schema. */
export function assertPositiveMs(value: unknown, option: string, owner: string): asserts value is number {
  optionRules.positiveMs.check(value, option, owner);
}

/** @internal {@link optionRules}`.nonNegativeMs` as an assertion, for owners not yet on a schema. */
export function assertNonNegativeMs(value: unknown, option: string, owner: string): asserts value is number {
  optionRules.nonNegativeMs.check(value, option, owner);
}

/** @internal Throws a RangeError naming the option and the bounds unless `value` is an integer from `min` to `max`. */
export function assertIntegerIn(value: unknown, min: number, max: number, option: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${owner}: ${option} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
}

/** @internal {@link optionRules}`.boolean` as an assertion (`undefined` allowed), for owners not yet on a schema. */
export function assertOptionalBoolean(value: unknown, option: string, owner: string): asserts value is boolean | undefined {
  if (value !== undefined) optionRules.boolean.check(value, option, owner);
}

/** @internal {@link optionRules}`.nonEmptyStrings` as an assertion, for owners not yet on a schema. */
export function assertTags(value: unknown, option: string, owner: string): asserts value is readonly string[] {
  optionRules.nonEmptyStrings.check(value, option, owner);
}

export { assertKnownKeys } from '../options/assertKnownKeys.js';
export { assertOptionsObject } from '../options/assertOptionsObject.js';
