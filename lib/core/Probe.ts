/**
 * The Kubernetes probes, selectable with `run({ probe })`: the one list the
 * service, the HTTP routes and the CLI validate against.
 *
 * @example
 * ```ts
 * import { PROBES } from 'pulsecheck';
 *
 * console.log(PROBES.join(', ')); // "liveness, readiness, startup"
 * ```
 */
export const PROBES = Object.freeze(['liveness', 'readiness', 'startup'] as const);

/**
 * A Kubernetes probe, selectable with `run({ probe })`. Each selects by tag
 * (see {@link PROBE_TAGS}):
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
export type Probe = (typeof PROBES)[number];

/**
 * The tag that places a check in each probe (`live`, `ready`, `startup`).
 *
 * @example
 * ```ts
 * import { PROBE_TAGS, registerHealthCheck, HealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ tags: [PROBE_TAGS.liveness] })
 * class EventLoopAlive extends HealthCheck { check(): void {} }
 * ```
 */
export const PROBE_TAGS = Object.freeze({
  /** Checks of the process itself (event loop, memory). */
  liveness: 'live',
  /** Checks that decide whether to send traffic (and untagged ones). */
  readiness: 'ready',
  /** Checks that must pass once, at start. */
  startup: 'startup',
} as const satisfies Record<Probe, string>);

/** @internal Whether `value` is one of the {@link PROBES}. */
export function isProbe(value: unknown): value is Probe {
  return (PROBES as readonly unknown[]).includes(value);
}
