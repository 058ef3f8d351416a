import type { HealthCheck } from '../core/HealthCheck.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import { FAULTS, type Fault } from './Fault.js';

/**
 * A check built for {@link assertCheckConforms}, with what releases its
 * client afterwards.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { RedisHealthCheck } from 'pulsecheck/redis';
 * import type { ConformanceSubject } from 'pulsecheck/testing';
 *
 * const redis = new Redis({ port: 6379 });
 * const subject: ConformanceSubject = { check: new RedisHealthCheck(redis), dispose: () => redis.disconnect() };
 * ```
 */
export interface ConformanceSubject {
  /** The check under test, its client pointed at the proxy. */
  readonly check: HealthCheck;
  /** Closes the client (called once the proxy passes traffic again; bounded to 2 s). */
  readonly dispose?: () => void | Promise<void>;
}

/**
 * What {@link assertCheckConforms} tests and how.
 *
 * @example
 * ```ts
 * import { HttpHealthCheck } from 'pulsecheck';
 * import type { ConformanceOptions } from 'pulsecheck/testing';
 *
 * const options: ConformanceOptions = {
 *   target: { host: '127.0.0.1', port: 8080 },
 *   create: ({ host, port }) => new HttpHealthCheck({ url: `http://${host}:${port}/health?token=s3cr3t` }),
 *   timeoutMs: 300,
 *   secrets: ['s3cr3t'],
 * };
 * ```
 */
export interface ConformanceOptions {
  /** The real dependency the proxy forwards to. */
  readonly target: {
    /** The host name or address to connect to. */
    readonly host: string;
    /** The TCP port to connect to. */
    readonly port: number;
  };
  /**
   * Builds the check with its client pointed at `endpoint` (the proxy);
   * called once per fault.
   */
  readonly create: (endpoint: { readonly host: string; readonly port: number }) => HealthCheck | ConformanceSubject | Promise<HealthCheck | ConformanceSubject>;
  /** The check's timeout under a fault, in ms. */
  readonly timeoutMs: number;
  /**
   * The faults to test.
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.faults`: every fault of {@link FAULTS} but `pass`
   */
  readonly faults?: readonly Exclude<Fault, 'pass'>[];
  /**
   * The error kinds accepted under each fault (one of them must be reported).
   * A fault left out of the object keeps its default.
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.expect`
   */
  readonly expect?: Partial<Record<Exclude<Fault, 'pass'>, readonly CheckErrorKind[]>>;
  /**
   * How many runs time out under `hang` before leaks are counted.
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.abortedRuns`
   */
  readonly abortedRuns?: number;
  /**
   * How many of those run at once.
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.concurrency`
   */
  readonly concurrency?: number;
  /**
   * How much later than `timeoutMs` a verdict may arrive (a busy machine).
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.graceMs`
   */
  readonly graceMs?: number;
  /**
   * The timeout of the healthy run before each fault (a first connection may be slow).
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.passTimeoutMs`
   */
  readonly passTimeoutMs?: number;
  /**
   * How long sockets and timers may take to go after the aborted runs (a
   * client's own connect timeout included).
   * @defaultValue {@link CONFORMANCE_DEFAULTS}`.settleMs`
   */
  readonly settleMs?: number;
  /** Strings that must appear in no message and no observation (passwords, tokens). */
  readonly secrets?: readonly string[];
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
const kinds = (...list: CheckErrorKind[]): readonly CheckErrorKind[] => Object.freeze(list);

/**
 * @internal The schema of {@link ConformanceOptions}: each option's rule,
 * error text and default, the one home of the defaults
 * ({@link CONFORMANCE_DEFAULTS} is read off it). The target is checked by
 * {@link FaultProxy}, each fault when it is run.
 */
export const CONFORMANCE_SCHEMA = {
  target: optionRules.required(optionRules.custom('{ host, port }', (value): value is ConformanceOptions['target'] => isObject(value))),
  create: optionRules.required(optionRules.custom('a function ({ host, port }) => HealthCheck', (value): value is ConformanceOptions['create'] => typeof value === 'function')),
  timeoutMs: optionRules.required(optionRules.positiveMs),
  faults: optionRules.withDefault(
    optionRules.custom('an array of faults', (value): value is NonNullable<ConformanceOptions['faults']> => Array.isArray(value)),
    Object.freeze(FAULTS.filter((fault): fault is Exclude<Fault, 'pass'> => fault !== 'pass')),
  ),
  expect: optionRules.withDefault(
    optionRules.custom('an object of error kinds by fault', (value): value is NonNullable<ConformanceOptions['expect']> => isObject(value)),
    Object.freeze({ refuse: kinds('unavailable'), hang: kinds('timeout'), stall: kinds('timeout'), slow: kinds('timeout'), reset: kinds('unavailable') }) satisfies Readonly<
      Record<Exclude<Fault, 'pass'>, readonly CheckErrorKind[]>
    >,
  ),
  abortedRuns: optionRules.withDefault(optionRules.custom('a non-negative integer', (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0, RangeError), 100),
  concurrency: optionRules.withDefault(optionRules.custom('a positive integer', (value): value is number => Number.isSafeInteger(value) && (value as number) >= 1, RangeError), 10),
  graceMs: optionRules.withDefault(optionRules.nonNegativeMs, 500),
  passTimeoutMs: optionRules.withDefault(optionRules.positiveMs, 5000),
  settleMs: optionRules.withDefault(optionRules.nonNegativeMs, 3000),
  secrets: optionRules.custom('an array of strings', (value): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')),
} as const satisfies OptionSchema<ConformanceOptions>;
