import type { HealthCheckClass } from './CheckDefinition.js';
import { HealthCheck } from './HealthCheck.js';

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
 * @internal The longest delay a Node timer can hold: 2,147,483,647 ms (2^31 - 1,
 * about 24.8 days). Node fires a timer given more after 1 ms, so a larger
 * timeout would expire at once and a larger interval would spin.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * @internal The one limit every millisecond option shares: throws a RangeError
 * naming the option, the owner and the limit when `value` exceeds
 * {@link MAX_TIMER_MS}.
 */
export function assertTimerMs(value: number, option: string, owner: string): void {
  if (value > MAX_TIMER_MS) {
    throw new RangeError(
      `${owner}: ${option} must be at most ${MAX_TIMER_MS} ms (about 24.8 days, the longest delay a timer can hold), got ${String(value)}`,
    );
  }
}

/** @internal Throws a RangeError unless `value` is a positive finite number of milliseconds a timer can hold. */
export function assertPositiveMs(value: unknown, option: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${owner}: ${option} must be a positive finite number of milliseconds, got ${typeof value === 'number' ? String(value) : describeValue(value)}`);
  }
  assertTimerMs(value, option, owner);
}

/** @internal Throws a RangeError unless `value` is a non-negative finite number of milliseconds a timer can hold. */
export function assertNonNegativeMs(value: unknown, option: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${owner}: ${option} must be a non-negative finite number of milliseconds, got ${typeof value === 'number' ? String(value) : describeValue(value)}`);
  }
  assertTimerMs(value, option, owner);
}

/** @internal Throws a RangeError naming the option and the bounds unless `value` is an integer from `min` to `max`. */
export function assertIntegerIn(value: unknown, min: number, max: number, option: string, owner: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${owner}: ${option} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
}

/** @internal Throws a TypeError naming the option and the type it got unless `value` is undefined or a boolean. */
export function assertOptionalBoolean(value: unknown, option: string, owner: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${owner}: ${option} must be a boolean, got ${describeValue(value)}`);
  }
}

/** @internal Throws a TypeError unless `value` is an array of non-empty strings. */
export function assertTags(value: unknown, option: string, owner: string): asserts value is readonly string[] {
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string' || tag === '')) {
    throw new TypeError(`${owner}: ${option} must be an array of non-empty strings`);
  }
}

/** @internal Throws a TypeError naming any key of `options` not in `known` (catches typos like `timout`). */
export function assertKnownKeys(options: object, known: readonly string[], owner: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`${owner}: unknown option '${key}' (expected one of: ${known.join(', ')})`);
    }
  }
}

/** @internal Names a value in an error message: strings quoted, numbers with their type, objects by kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `'${value}'`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return `${String(value)} (${typeof value})`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    default:
      return 'an object';
  }
}

/**
 * @internal Throws a TypeError unless `options` is undefined or a plain
 * object; with `known`, also unless every key is one of them.
 */
export function assertOptionsObject(options: unknown, owner: string, known?: readonly string[]): asserts options is object | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner}: options must be an object, got ${describeValue(options)}`);
  }
  if (known !== undefined) assertKnownKeys(options, known, owner);
}
