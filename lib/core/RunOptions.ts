/**
 * A Kubernetes probe, selectable with `run({ probe })`. Each selects by tag:
 *
 * - `liveness`: checks tagged `live` only. None by default, so a dead
 *   database never gets every pod restarted; tag only checks of the process
 *   itself (event loop, memory) `live`.
 * - `readiness`: checks tagged `ready`, plus every check with none of the
 *   tags `live`, `ready`, `startup` (dependency checks are readiness checks
 *   unless told otherwise). Fails with `shutting down` after
 *   {@link HealthService.beginShutdown}.
 * - `startup`: checks tagged `startup`, or the readiness checks when no
 *   check is tagged `startup`. Latched once it passes (see
 *   {@link HealthServiceOptions.latchStartup}).
 *
 * @example
 * ```ts
 * import type { Probe } from 'pulsecheck';
 *
 * const paths: Record<string, Probe> = { '/livez': 'liveness', '/readyz': 'readiness', '/startupz': 'startup' };
 * ```
 */
export type Probe = 'liveness' | 'readiness' | 'startup';

/**
 * Which checks {@link HealthService.run} runs, and how. With several
 * selectors, a check must match all of them.
 *
 * @example
 * ```ts
 * import type { RunOptions } from 'pulsecheck';
 *
 * const readiness: RunOptions = { probe: 'readiness' };
 * const databaseOnly: RunOptions = { names: ['DatabaseHealthCheck'], fresh: true };
 * const tagged: RunOptions = { tags: ['db', 'cache'] };
 * ```
 */
export interface RunOptions {
  /** Only checks that have at least one of these tags. */
  readonly tags?: readonly string[];
  /**
   * Only the checks with these names.
   * @throws RangeError (as a rejection of `run()`) for a name no check has.
   */
  readonly names?: readonly string[];
  /** Only the checks of this Kubernetes probe (see {@link Probe}). */
  readonly probe?: Probe;
  /**
   * Execute every selected check now: skip the result cache, background
   * results and any in-flight execution (which it replaces for later joiners).
   * @defaultValue `false`
   */
  readonly fresh?: boolean;
}
