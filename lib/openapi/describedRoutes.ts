import { effectiveTimeoutMs } from '../core/effectiveTimeoutMs.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import { CHECK_OPTION_SCHEMA } from '../core/RegisterOptions.js';
import type { RunOptions } from '../core/RunOptions.js';
import { selectChecks } from '../core/selectChecks.js';
import { assertPlainPath } from '../http/assertPlainPath.js';
import { DEFAULT_HEALTH_ROUTES } from '../http/defaultHealthRoutes.js';
import { normalizeRoutePath } from '../http/normalizeRoutePath.js';
import { resolveRouteTable } from '../http/resolveRouteTable.js';
import { ROUTE_TABLE_RULE } from '../http/routeTableRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import type { OpenApiCheck, OpenApiOptions } from './OpenApiOptions.js';

/** The fields of a check the document reads, each by the rule `registerHealthCheck` applies to it (the same words). */
const DESCRIBED_CHECK_SCHEMA = {
  name: optionRules.required(CHECK_OPTION_SCHEMA.name),
  critical: CHECK_OPTION_SCHEMA.critical,
  tags: CHECK_OPTION_SCHEMA.tags,
  description: CHECK_OPTION_SCHEMA.description,
  timeoutMs: CHECK_OPTION_SCHEMA.timeoutMs,
} as const satisfies OptionSchema<OpenApiCheck>;

/**
 * @internal The rules of the options {@link describeEndpoints} reads, part
 * of both the OpenAPI document's schema and the Postman collection's (the
 * same words in both). That exactly one of `service` and `checks` is given,
 * and each check and route, are checked by {@link describeEndpoints}.
 */
export const DESCRIBED_ENDPOINTS_SCHEMA = {
  service: optionRules.custom('a HealthService', (value): value is NonNullable<OpenApiOptions['service']> => typeof value === 'object' && value !== null && typeof (value as { definitions?: unknown }).definitions === 'function'),
  checks: optionRules.custom('an array of check definitions ({ name, critical?, tags?, description?, timeoutMs? })', (value): value is readonly OpenApiCheck[] => Array.isArray(value)),
  basePath: optionRules.custom("a string such as '/api'", (value): value is string => typeof value === 'string'),
  routes: ROUTE_TABLE_RULE,
} as const satisfies OptionSchema<Pick<OpenApiOptions, 'service' | 'checks' | 'basePath' | 'routes'>>;

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
export function describeEndpoints(given: Pick<OpenApiOptions, 'service' | 'checks' | 'basePath' | 'routes'>, where: string): DescribedEndpoints {
  const options = validateOptions(DESCRIBED_ENDPOINTS_SCHEMA, { service: given.service, checks: given.checks, basePath: given.basePath, routes: given.routes }, where);
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
    given = service.definitions();
  } else if (checks !== undefined) {
    given = checks;
  } else {
    throw new TypeError(`${where}: give service (a HealthService) or checks (e.g. defaultRegistry.list()): the checks whose names the document lists`);
  }
  const names = new Set<string>();
  return given.map((check, index) => {
    const at = `${where}: checks[${index}]`;
    if (typeof check !== 'object' || check === null) throw new TypeError(`${at} must be an object with a name, got ${check === null ? 'null' : typeof check}`);
    // Only the fields read are validated: a check definition has more (cacheTtlMs, dependsOn, ...).
    const { name, critical, tags, description, timeoutMs } = validateOptions(
      DESCRIBED_CHECK_SCHEMA,
      { name: check.name, critical: check.critical, tags: check.tags, description: check.description, timeoutMs: check.timeoutMs },
      at,
    );
    if (names.has(name)) throw new TypeError(`${at}: two checks are named '${name}'`);
    names.add(name);
    return { name, critical: critical ?? DESCRIBED_CHECK_SCHEMA.critical.defaultValue, tags: Array.from<string>(tags ?? []), description, timeoutMs };
  });
}

function resolveBasePath(basePath: string | undefined, where: string): string {
  if (basePath === undefined) return '';
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError(`${where}: basePath must start with '/' (or be ''), got '${basePath}'`);
  assertPlainPath(basePath, `${where}: basePath`);
  const normalized = normalizeRoutePath(basePath);
  return normalized === '/' ? '' : normalized;
}
