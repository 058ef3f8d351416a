import { effectiveTimeoutMs } from '../core/effectiveTimeoutMs.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import type { RunOptions } from '../core/RunOptions.js';
import { selectChecks } from '../core/selectChecks.js';
import { assertPlainPath } from '../http/assertPlainPath.js';
import { DEFAULT_HEALTH_ROUTES } from '../http/defaultHealthRoutes.js';
import { normalizeRoutePath } from '../http/normalizeRoutePath.js';
import { resolveRouteTable } from '../http/resolveRouteTable.js';
import type { OpenApiCheck, OpenApiOptions } from './OpenApiOptions.js';

/** @internal A check with every field resolved. */
export interface DescribedCheck {
  readonly name: string;
  readonly critical: boolean;
  readonly tags: readonly string[];
  readonly description: string | undefined;
  readonly timeoutMs: number | undefined;
}

/** @internal One route as the document and the collection describe it. */
export interface DescribedRoute {
  /** The route as given to healthEndpoints, normalised (`/health`). */
  readonly route: string;
  /** The path under the base path (`/api/health`). */
  readonly path: string;
  readonly run: RunOptions;
  /** The checks its report has, in registration order. */
  readonly checks: readonly DescribedCheck[];
  /** Whether its report can be the `shutdown` one (readiness after beginShutdown()). */
  readonly canShutDown: boolean;
}

/** @internal What both the OpenAPI document and the Postman collection are made from. */
export interface DescribedEndpoints {
  readonly checks: readonly DescribedCheck[];
  readonly routes: readonly DescribedRoute[];
  readonly basePath: string;
}

/**
 * @internal Validates the checks, base path and routes of {@link OpenApiOptions}
 * (by {@link resolveRouteTable}, as `healthEndpoints` does) and works out
 * which checks each route's report has (by {@link selectChecks}, as
 * `HealthService.run` does).
 *
 * @throws TypeError or RangeError naming the option that is malformed.
 */
export function describeEndpoints(options: Pick<OpenApiOptions, 'service' | 'checks' | 'basePath' | 'routes'>, where: string): DescribedEndpoints {
  const checks = resolveChecks(options, where);
  const basePath = resolveBasePath(options.basePath, where);
  const table = resolveRouteTable(options.routes ?? DEFAULT_HEALTH_ROUTES, where, new Set(checks.map((check) => check.name)));
  const routes: DescribedRoute[] = [];
  for (const [route, run] of table) {
    const path = route === '/' ? basePath || '/' : `${basePath}${route}`;
    routes.push({ route, path, run, checks: selectChecks(checks, run, (check) => check), canShutDown: run.probe === 'readiness' });
  }
  const paths = new Set(routes.map((route) => route.path));
  if (paths.size !== routes.length) throw new TypeError(`${where}: two routes end up at the same path under basePath '${basePath}'`);
  return { checks, routes, basePath };
}

/** @internal The largest effective timeout of these checks (`defaultTimeoutMs` for those without their own), 0 for none. */
export function largestTimeoutMs(checks: readonly DescribedCheck[], defaultTimeoutMs: number = DEFAULT_TIMEOUT_MS): number {
  return Math.max(0, ...checks.map((check) => effectiveTimeoutMs(check, defaultTimeoutMs)));
}

function resolveChecks(options: Pick<OpenApiOptions, 'service' | 'checks'>, where: string): readonly DescribedCheck[] {
  const { service, checks } = options;
  if (service !== undefined && checks !== undefined) throw new TypeError(`${where}: give either service or checks, not both`);
  let given: readonly OpenApiCheck[];
  if (service !== undefined) {
    if (typeof service !== 'object' || service === null || typeof (service as { definitions?: unknown }).definitions !== 'function') {
      throw new TypeError(`${where}: service must be a HealthService, got ${service === null ? 'null' : typeof service}`);
    }
    given = service.definitions();
  } else if (checks !== undefined) {
    if (!Array.isArray(checks)) throw new TypeError(`${where}: checks must be an array of check definitions ({ name, critical?, tags?, description?, timeoutMs? })`);
    given = checks;
  } else {
    throw new TypeError(`${where}: give service (a HealthService) or checks (e.g. defaultRegistry.list()): the checks whose names the document lists`);
  }
  const names = new Set<string>();
  return given.map((check, index) => {
    const at = `${where}: checks[${index}]`;
    if (typeof check !== 'object' || check === null) throw new TypeError(`${at} must be an object with a name, got ${check === null ? 'null' : typeof check}`);
    const { name, critical, tags, description, timeoutMs } = check;
    if (typeof name !== 'string' || name === '') throw new TypeError(`${at}: name must be a non-empty string`);
    if (names.has(name)) throw new TypeError(`${at}: two checks are named '${name}'`);
    names.add(name);
    if (critical !== undefined && typeof critical !== 'boolean') throw new TypeError(`${at} ('${name}'): critical must be a boolean`);
    if (tags !== undefined && (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))) throw new TypeError(`${at} ('${name}'): tags must be an array of strings`);
    if (description !== undefined && typeof description !== 'string') throw new TypeError(`${at} ('${name}'): description must be a string`);
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
      throw new RangeError(`${at} ('${name}'): timeoutMs must be a positive finite number of milliseconds, got ${String(timeoutMs)}`);
    }
    return { name, critical: critical ?? true, tags: Array.from<string>(tags ?? []), description, timeoutMs };
  });
}

function resolveBasePath(basePath: unknown, where: string): string {
  if (basePath === undefined) return '';
  if (typeof basePath !== 'string') throw new TypeError(`${where}: basePath must be a string such as '/api', got ${basePath === null ? 'null' : typeof basePath}`);
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError(`${where}: basePath must start with '/' (or be ''), got '${basePath}'`);
  assertPlainPath(basePath, `${where}: basePath`);
  const normalized = normalizeRoutePath(basePath);
  return normalized === '/' ? '' : normalized;
}
