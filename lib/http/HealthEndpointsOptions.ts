import type { RunOptions } from '../core/RunOptions.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import type { DetailLevel } from '../render/DetailLevel.js';
import { detailLevelList, isDetailLevel } from '../render/validateRenderInput.js';
import type { HealthRequest } from './HealthRequest.js';
import { ROUTE_TABLE_RULE } from './routeTableRule.js';

/**
 * Options of {@link healthEndpoints} (and of {@link createHealthListener}).
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_ROUTES, HealthService, healthEndpoints, type HealthEndpointsOptions } from 'pulsecheck';
 *
 * const options: HealthEndpointsOptions = {
 *   routes: { ...DEFAULT_HEALTH_ROUTES, '/health/db': { tags: ['db'] } },
 *   detail: (request) => (request.headers?.['x-internal'] === '1' ? 'full' : 'status'),
 *   refreshSeconds: 10,
 * };
 * console.log(healthEndpoints(new HealthService([]), options).paths);
 * ```
 */
export interface HealthEndpointsOptions {
  /**
   * Which paths are served, and which checks each one runs (the options
   * given to {@link HealthService.run}). Paths must start with `/`; a
   * trailing slash is ignored, on routes and on requests alike.
   * @defaultValue {@link DEFAULT_HEALTH_ROUTES}: `/health` (every check),
   * `/health/live`, `/health/ready`, `/health/startup` (the probes)
   */
  readonly routes?: Readonly<Record<string, RunOptions>>;
  /**
   * How much each response shows: a level for everyone, or a function that
   * picks one per request (sync or async), e.g. `full` for callers that
   * present a valid token and `status` for the rest. If the function throws
   * or rejects (whatever the value: an object without prototype, a Proxy
   * that throws on every trap, a thenable whose `then` throws) or returns
   * something else than a level, the response shows `summary` with its
   * usual status code (it fails closed, never a 500) and the error goes to
   * `onError`. So does a function whose promise has not settled within
   * `detailTimeoutMs`: a hung token store never hangs the probe.
   * @defaultValue {@link HEALTH_ENDPOINTS_DEFAULTS}`.detail`: check names and
   * their redacted error messages, which existing monitors parse
   */
  readonly detail?: DetailLevel | ((request: HealthRequest) => DetailLevel | Promise<DetailLevel>);
  /**
   * How long a `detail` function may take to settle, in milliseconds,
   * counted from the request (it runs while the checks run). Past it the
   * response shows `summary`, and an error naming the limit goes to
   * `onError`. A positive number, at most 2,147,483,647.
   * @defaultValue {@link HEALTH_ENDPOINTS_DEFAULTS}`.detailTimeoutMs`
   */
  readonly detailTimeoutMs?: number;
  /**
   * Makes the HTML page reload itself every this many seconds (a positive
   * whole number).
   * @defaultValue no auto-refresh
   */
  readonly refreshSeconds?: number;
  /**
   * Receives the unexpected errors that a request survives: a `detail`
   * function that throws, a `run()` that rejects (a route naming an unknown
   * check), a fallback that throws. Never called for unhealthy checks, which
   * are data. If `onError` itself throws, or returns a promise that rejects,
   * that becomes a process warning (`PulsecheckHttpWarning`); the response
   * is not affected.
   * @defaultValue a `process.emitWarning`
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * @internal The schema of {@link HealthEndpointsOptions}, read by
 * {@link healthEndpoints} and by `PulsecheckModule.forRoot` (the same rules,
 * so the same words), and the one home of its defaults
 * ({@link HEALTH_ENDPOINTS_DEFAULTS} is read off it). The route table's shape is checked here; each route
 * is checked when the endpoints are built, against the service's checks.
 */
export const HEALTH_ENDPOINTS_SCHEMA = {
  routes: ROUTE_TABLE_RULE,
  detail: optionRules.withDefault(
    optionRules.custom(`one of ${detailLevelList} or a function`, (value): value is NonNullable<HealthEndpointsOptions['detail']> => typeof value === 'function' || isDetailLevel(value)),
    'full',
  ),
  detailTimeoutMs: optionRules.withDefault(optionRules.positiveMs, 1000),
  refreshSeconds: optionRules.positiveSeconds,
  onError: optionRules.function,
} as const satisfies OptionSchema<HealthEndpointsOptions>;
