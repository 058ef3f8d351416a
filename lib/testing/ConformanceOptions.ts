import type { HealthCheck } from '../core/HealthCheck.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import type { Fault } from './Fault.js';

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
   * @defaultValue every fault but `pass`: refuse, hang, stall, slow, reset
   */
  readonly faults?: readonly Exclude<Fault, 'pass'>[];
  /**
   * The error kinds accepted under each fault (one of them must be reported).
   * @defaultValue `unavailable` for refuse and reset, `timeout` for hang, stall and slow
   */
  readonly expect?: Partial<Record<Exclude<Fault, 'pass'>, readonly CheckErrorKind[]>>;
  /**
   * How many runs time out under `hang` before leaks are counted.
   * @defaultValue `100`
   */
  readonly abortedRuns?: number;
  /**
   * How many of those run at once.
   * @defaultValue `10`
   */
  readonly concurrency?: number;
  /**
   * How much later than `timeoutMs` a verdict may arrive (a busy machine).
   * @defaultValue `500`
   */
  readonly graceMs?: number;
  /**
   * The timeout of the healthy run before each fault (a first connection may be slow).
   * @defaultValue `5000`
   */
  readonly passTimeoutMs?: number;
  /**
   * How long sockets and timers may take to go after the aborted runs (a
   * client's own connect timeout included).
   * @defaultValue `3000`
   */
  readonly settleMs?: number;
  /** Strings that must appear in no message and no observation (passwords, tokens). */
  readonly secrets?: readonly string[];
}
