import { assertKnownKeys } from '../../core/validateOptions.js';
import type { CheckContext } from '../../core/CheckContext.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import type { Threshold } from './Threshold.js';

/** @internal Which way a measurement goes bad. */
export type Direction = 'above' | 'below';

/** @internal How a threshold option is validated and reported. */
export interface ThresholdSpec {
  /** The option's name, for messages (`heapUsedPercent`). */
  readonly option: string;
  /** `above`: more is worse (warn ≤ fail); `below`: less is worse (fail ≤ warn). */
  readonly direction: Direction;
  /** A percentage: at most 100. */
  readonly percent: boolean;
}

/**
 * @internal Validates a threshold option: an object with only `warn`/`fail`,
 * each a positive finite number (at most 100 for a percentage), ordered so
 * that a warning comes before a failure. Returns a frozen copy.
 */
export function validateThreshold(value: unknown, spec: ThresholdSpec, owner: string): Threshold {
  const where = `${owner}: ${spec.option}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object like { warn?: number, fail?: number }, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  assertKnownKeys(value, ['warn', 'fail'], where);
  const { warn, fail } = value as { warn?: unknown; fail?: unknown };
  for (const [name, limit] of [['warn', warn], ['fail', fail]] as const) {
    if (limit === undefined) continue;
    if (typeof limit !== 'number') {
      throw new TypeError(`${where}.${name} must be a positive finite number, got ${limit === null ? 'null' : typeof limit}`);
    }
    if (!Number.isFinite(limit) || limit <= 0) {
      throw new RangeError(`${where}.${name} must be a positive finite number, got ${limit}`);
    }
    if (spec.percent && limit > 100) throw new RangeError(`${where}.${name} is a percentage and must be at most 100, got ${limit}`);
  }
  if (typeof warn === 'number' && typeof fail === 'number') {
    if (spec.direction === 'above' && warn > fail) {
      throw new RangeError(`${where}.warn (${warn}) must not exceed ${spec.option}.fail (${fail}): the check warns above warn and fails above fail`);
    }
    if (spec.direction === 'below' && fail > warn) {
      throw new RangeError(`${where}.fail (${fail}) must not exceed ${spec.option}.warn (${warn}): the check warns below warn and fails below fail`);
    }
  }
  const copy: { warn?: number; fail?: number } = {};
  if (typeof warn === 'number') copy.warn = warn;
  if (typeof fail === 'number') copy.fail = fail;
  return Object.freeze(copy);
}

/**
 * @internal Compares a measurement with its threshold: past `fail` records
 * an `unavailable` error, else past `warn` a warning, each reading like
 * `heap used: 96.1% of the 4.00 GiB heap limit, above the fail threshold of 95%`.
 *
 * @param label - What was measured (`"heap used"`).
 * @param format - Renders a value in the measurement's unit (`"1.2 GiB"`, `"87.5%"`).
 * @param detail - Appended to the measured value (`" of the 4.00 GiB heap limit"`).
 */
export function applyThreshold(
  context: CheckContext,
  label: string,
  value: number,
  threshold: Threshold,
  direction: Direction,
  format: (value: number) => string,
  detail = '',
): void {
  const crossed = (limit: number | undefined): limit is number => limit !== undefined && (direction === 'above' ? value > limit : value < limit);
  const measured = `${label}: ${format(value)}${detail}, ${direction}`;
  if (crossed(threshold.fail)) {
    context.addError(new ServiceUnavailable(`${measured} the fail threshold of ${format(threshold.fail)}`));
  } else if (crossed(threshold.warn)) {
    context.addWarning(`${measured} the warn threshold of ${format(threshold.warn)}`);
  }
}

/** @internal A percentage for people, to three significant digits: `87.5%`, `0.05%`. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toPrecision(3))}%`;
}

/** @internal Rounds to two decimals, for observations. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

