import { BACKSTOP_GRACE_MS } from './backstopGraceMs.js';

/**
 * The longest a probe's response can take: the largest timeout of the checks
 * it runs plus the run's backstop (`BACKSTOP_GRACE_MS`, 250 ms), which also
 * covers rendering and the HTTP round trip on loopback. A probe fits when
 * this is at most its `timeoutSeconds × 1000`: the rule `pulsecheck
 * verify-probes` applies and the docs' numbers come from. With the default
 * timeout (`DEFAULT_TIMEOUT_MS`, 700 ms) it is 950 ms, inside Kubernetes'
 * default `timeoutSeconds: 1`.
 *
 * @param largestTimeoutMs - The largest effective timeout of the checks the probe runs.
 * @returns The budget in milliseconds.
 *
 * @example
 * ```ts
 * import { probeResponseBudgetMs } from 'pulsecheck';
 *
 * const fits = probeResponseBudgetMs(700) <= 1 * 1000; // true: 950 ms
 * ```
 */
export function probeResponseBudgetMs(largestTimeoutMs: number): number {
  return largestTimeoutMs + BACKSTOP_GRACE_MS;
}
