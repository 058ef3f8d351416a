import type { CheckContext } from '../../core/CheckContext.js';
import type { OptionRule } from '../../options/OptionRule.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
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

const percent: OptionRule<number> = Object.freeze({
  expected: 'a positive finite number, at most 100',
  check(value: unknown, option: string, where: string): void {
    optionRules.positiveNumber.check(value, option, where);
    if ((value as number) > 100) throw new RangeError(`${where}: ${option} is a percentage and must be at most 100, got ${String(value)}`);
  },
});

const amountSchema = { warn: optionRules.positiveNumber, fail: optionRules.positiveNumber } as const satisfies OptionSchema<Threshold>;
const percentSchema = { warn: percent, fail: percent } as const satisfies OptionSchema<Threshold>;

/**
 * @internal The rule of a threshold option, for a check's option schema: an
 * object with only `warn`/`fail`, each a positive finite number (at most 100
 * for a percentage), `defaultValue` when left out. That they are ordered is
 * {@link orderThreshold}'s to check, after validation.
 */
export function thresholdRule(spec: ThresholdSpec, defaultValue: Threshold): OptionRule<Threshold> {
  return optionRules.withDefault(optionRules.object(spec.percent ? percentSchema : amountSchema, 'an object like { warn?: number, fail?: number }'), Object.freeze({ ...defaultValue }));
}

/**
 * @internal Checks that a validated threshold is ordered so that a warning
 * comes before a failure, and returns it.
 *
 * @throws RangeError when `warn` exceeds `fail` (`above`) or `fail` exceeds `warn` (`below`).
 */
export function orderThreshold(threshold: Threshold, spec: ThresholdSpec, owner: string): Threshold {
  const { warn, fail } = threshold;
  const where = `${owner}: ${spec.option}`;
  if (warn !== undefined && fail !== undefined) {
    if (spec.direction === 'above' && warn > fail) {
      throw new RangeError(`${where}.warn (${warn}) must not exceed ${spec.option}.fail (${fail}): the check warns above warn and fails above fail`);
    }
    if (spec.direction === 'below' && fail > warn) {
      throw new RangeError(`${where}.fail (${fail}) must not exceed ${spec.option}.warn (${warn}): the check warns below warn and fails below fail`);
    }
  }
  return threshold;
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

