import type { RunOptions } from '../core/RunOptions.js';

/**
 * The routes {@link healthEndpoints} serves by default, one prefix for all
 * so that a proxy, an auth middleware or an access log can treat them alike:
 *
 * | path | runs | for |
 * | --- | --- | --- |
 * | `/health` | every check | people, dashboards, monitors |
 * | `/health/live` | `probe: 'liveness'` (checks tagged `live`) | Kubernetes `livenessProbe` |
 * | `/health/ready` | `probe: 'readiness'` (fails once shutting down) | `readinessProbe`, load balancers |
 * | `/health/startup` | `probe: 'startup'` (latched once it passes) | `startupProbe` |
 *
 * Spread it to add or rename routes.
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_ROUTES, healthEndpoints, HealthService } from 'pulsecheck';
 *
 * // Kubernetes-style names as well as the defaults:
 * const endpoints = healthEndpoints(new HealthService([]), {
 *   routes: { ...DEFAULT_HEALTH_ROUTES, '/livez': { probe: 'liveness' }, '/readyz': { probe: 'readiness' } },
 * });
 * console.log(endpoints.paths);
 * ```
 */
export const DEFAULT_HEALTH_ROUTES: Readonly<Record<string, RunOptions>> = Object.freeze({
  '/health': Object.freeze({}),
  '/health/live': Object.freeze({ probe: 'liveness' }),
  '/health/ready': Object.freeze({ probe: 'readiness' }),
  '/health/startup': Object.freeze({ probe: 'startup' }),
});
