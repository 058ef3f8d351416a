import type { CheckError } from './CheckError.js';
import type { CheckHistory } from './CheckHistory.js';
import type { ComponentType } from './ComponentType.js';
import type { HealthStatus } from './HealthStatus.js';
import type { Observation } from './Observation.js';
import type { SuppressedStatus } from './SuppressedStatus.js';

/**
 * The outcome of one check within a {@link HealthReport}. Plain, frozen data:
 * `JSON.parse(JSON.stringify(result))` deep-equals it.
 *
 * @example
 * ```ts
 * import type { CheckResult } from 'pulsecheck';
 *
 * const describe = (result: CheckResult): string =>
 *   `${result.name} ${result.status} in ${result.durationMs.toFixed(1)} ms: ${result.output}`;
 * ```
 */
export interface CheckResult {
  /** The check's registered name (default: its class name). */
  readonly name: string;
  /**
   * `fail` when any error that is not a warning was recorded, `warn` for
   * warnings only, else `pass`; unless flap suppression holds it back (then
   * {@link CheckResult.suppressed} says what the execution found).
   */
  readonly status: HealthStatus;
  /** Whether a failure of this check fails the whole report (HTTP 503). */
  readonly critical: boolean;
  /**
   * The check's description, as registered ({@link RegisterOptions.description}):
   * written by its developer, for people. Present only when one was given.
   */
  readonly description?: string;
  /**
   * The kind of dependency the check watches, as its class declares it in
   * its static `traits` (see `CheckTraits`): `datastore` (PostgreSQL,
   * MySQL, Redis) or `system` (memory, disk, event loop). Absent for any
   * other check, which is a `component`: read it as
   * `result.componentType ?? 'component'`. health+json writes it as each
   * entry's `componentType`.
   */
  readonly componentType?: Exclude<ComponentType, 'component'>;
  /**
   * The endpoints of the service that a failure of this check affects (URI
   * templates, RFC 6570, such as `/orders/{id}`), as registered
   * ({@link RegisterOptions.affectedEndpoints}). Present only when some
   * were given; health+json writes them in the entries of a check that did
   * not pass.
   */
  readonly affectedEndpoints?: readonly string[];
  /** The check's tags, as registered. */
  readonly tags: readonly string[];
  /** How long the execution took, in milliseconds (at most about the timeout). */
  readonly durationMs: number;
  /** `"working"`, or one `"<kind>: <message>"` line per error, joined by `\n`. */
  readonly output: string;
  /** The problems found; empty when working. */
  readonly errors: readonly CheckError[];
  /** Values the check recorded with {@link CheckContext.observe}. */
  readonly observations: Readonly<Record<string, Observation>>;
  /**
   * Present and `true` only when this result was not produced for this run
   * but reused: from the check's result cache (`cacheTtlMs`) or from the
   * background schedule ({@link HealthService.start}).
   */
  readonly cached?: true;
  /** With `cached`: how old the reused result is, in milliseconds. */
  readonly ageMs?: number;
  /**
   * The check's recent executions, oldest first, the one this result comes
   * from included. Present only in reports of `run({ history: true })` on a
   * service that keeps history ({@link HealthServiceOptions.historySize}).
   */
  readonly history?: CheckHistory;
  /**
   * Present only when flap suppression ({@link RegisterOptions.failAfter},
   * {@link RegisterOptions.recoverAfter}) reports another status than the
   * execution found: a failure not yet confirmed (reported `warn`, its
   * errors kept) or a recovery not yet confirmed (reported `fail`).
   */
  readonly suppressed?: SuppressedStatus;
  /**
   * Present only when the check was not judged on its own outcome but
   * blocked by a failed dependency ({@link RegisterOptions.dependsOn}): the
   * name of the root cause, the check that failed on its own at the bottom
   * of the chain. The output then reads `unavailable: blocked by <name>`.
   */
  readonly blockedBy?: string;
}
