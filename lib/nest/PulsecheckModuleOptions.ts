import { BACKGROUND_OPTION_SCHEMA, type BackgroundOptions } from '../core/BackgroundOptions.js';
import type { HealthModuleOptions } from '../core/healthModule.js';
import type { RunOptions } from '../core/RunOptions.js';
import { HEALTH_MODULE_SCHEMA } from '../core/validateHealthModuleOptions.js';
import { HEALTH_ENDPOINTS_SCHEMA, type HealthEndpointsOptions } from '../http/HealthEndpointsOptions.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';

/**
 * Options of {@link PulsecheckModule.forRoot} (and what the factory of
 * {@link PulsecheckModule.forRootAsync} returns): which checks, the
 * {@link pulsecheck!HealthServiceOptions | HealthServiceOptions} of the service, the routes and how much they
 * show, and how the module takes part in Nest's shutdown.
 *
 * Every dependency a check asks for (`PG_POOL`, `REDIS_CLIENT`, a token or
 * class of your own) is taken from Nest's container: provide it in any
 * module of the application.
 *
 * @example
 * ```ts
 * import type { PulsecheckModuleOptions } from 'pulsecheck/nest';
 * import { PostgresHealthCheck } from 'pulsecheck/postgres';
 *
 * const options: PulsecheckModuleOptions = {
 *   checks: [PostgresHealthCheck],
 *   path: '/ops/health',
 *   detail: 'status',
 *   defaultTimeoutMs: 500,
 *   drainDelayMs: 5_000,
 * };
 * console.log(options.path);
 * ```
 */
export interface PulsecheckModuleOptions extends HealthModuleOptions {
  /**
   * The registry whose checks to build.
   * @defaultValue `defaultRegistry` (when `checks` is not given either)
   */
  readonly registry?: NonNullable<HealthModuleOptions['registry']>;
  /**
   * An explicit list of check classes instead of a registry's, in this
   * order; see {@link pulsecheck!HealthModuleOptions.checks | HealthModuleOptions.checks}.
   */
  readonly checks?: NonNullable<HealthModuleOptions['checks']>;
  /**
   * Where the routes are served, relative to Nest's global prefix: this
   * path runs every check, and `<path>/live`, `<path>/ready` and
   * `<path>/startup` run the probes (as {@link pulsecheck!DEFAULT_HEALTH_ROUTES | DEFAULT_HEALTH_ROUTES} does for
   * `/health`). Ignored when `routes` is given (giving both is an error).
   * `false` serves no route: inject {@link pulsecheck!HealthService | HealthService} and serve it yourself.
   * @defaultValue `'/health'`
   */
  readonly path?: string | false;
  /**
   * The whole route table instead of `path` (see
   * {@link pulsecheck!HealthEndpointsOptions.routes | HealthEndpointsOptions.routes}); paths are relative to Nest's
   * global prefix.
   * @defaultValue the four routes under `path`
   */
  readonly routes?: Readonly<Record<string, RunOptions>>;
  /**
   * How much each response shows; see {@link pulsecheck!HealthEndpointsOptions.detail | HealthEndpointsOptions.detail}.
   * @defaultValue `'full'`
   */
  readonly detail?: HealthEndpointsOptions['detail'];
  /**
   * How long a `detail` function may take; see {@link pulsecheck!HealthEndpointsOptions.detailTimeoutMs | HealthEndpointsOptions.detailTimeoutMs}.
   * @defaultValue `1000`
   */
  readonly detailTimeoutMs?: number;
  /**
   * Makes the HTML page reload itself; see {@link pulsecheck!HealthEndpointsOptions.refreshSeconds | HealthEndpointsOptions.refreshSeconds}.
   * @defaultValue no auto-refresh
   */
  readonly refreshSeconds?: number;
  /**
   * Receives the unexpected errors a request survives; see {@link pulsecheck!HealthEndpointsOptions.onError | HealthEndpointsOptions.onError}.
   * @defaultValue a `process.emitWarning`
   */
  readonly onError?: (error: unknown) => void;
  /**
   * On Nest's shutdown (`app.close()`, or a signal with
   * `app.enableShutdownHooks()`), readiness turns 503 in
   * `beforeApplicationShutdown`, then the module waits this many
   * milliseconds before Nest closes the HTTP server, so that load
   * balancers see the 503 and move traffic away while the server still
   * answers. The timer is `unref`ed.
   * @defaultValue `0` (no wait)
   */
  readonly drainDelayMs?: number;
  /**
   * Runs the checks in the background (see {@link pulsecheck!HealthService.start | HealthService.start}):
   * started when the application has bootstrapped, stopped on shutdown.
   * @defaultValue not started (every request runs its checks, subject to caching)
   */
  readonly background?: BackgroundOptions;
  /**
   * Registers the module as global, so that {@link pulsecheck!HealthService | HealthService} can be
   * injected in every module without importing this one.
   * @defaultValue `true`
   */
  readonly global?: boolean;
}

/** Whether `value` is a path Nest can mount the routes under, or `false`. */
function isMountPath(value: unknown): value is string | false {
  return value === false || (typeof value === 'string' && value.startsWith('/'));
}

/**
 * @internal The schema of {@link PulsecheckModuleOptions}: the same rules
 * as `healthModule()`'s and `healthEndpoints()`'s own (shared rule objects,
 * so the same words), plus the module's. {@link PulsecheckModule.forRoot}
 * validates every option by it when it is called, and names itself.
 */
export const PULSECHECK_MODULE_SCHEMA = {
  ...HEALTH_MODULE_SCHEMA,
  path: optionRules.withDefault(optionRules.custom("a string that starts with '/' (or false)", isMountPath), '/health'),
  routes: HEALTH_ENDPOINTS_SCHEMA.routes,
  detail: HEALTH_ENDPOINTS_SCHEMA.detail,
  detailTimeoutMs: HEALTH_ENDPOINTS_SCHEMA.detailTimeoutMs,
  refreshSeconds: HEALTH_ENDPOINTS_SCHEMA.refreshSeconds,
  onError: HEALTH_ENDPOINTS_SCHEMA.onError,
  drainDelayMs: optionRules.withDefault(optionRules.nonNegativeMs, 0),
  background: optionRules.object(BACKGROUND_OPTION_SCHEMA, 'an object such as { intervalMs: 10_000 }'),
  global: optionRules.withDefault(optionRules.boolean, true),
} as const satisfies OptionSchema<PulsecheckModuleOptions>;
