import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import type { Probe } from '../core/Probe.js';
import type { RunOptions } from '../core/RunOptions.js';
import { assertKnownKeys } from '../core/validateOptions.js';
import { DEFAULT_HEALTH_ROUTES } from '../http/defaultHealthRoutes.js';
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

const probes: readonly Probe[] = ['liveness', 'readiness', 'startup'];
const probeTags = ['live', 'ready', 'startup'] as const;
const routeKeys = ['tags', 'names', 'probe', 'fresh'] as const;

/**
 * @internal Validates the checks, base path and routes of {@link OpenApiOptions}
 * and works out which checks each route's report has, by the selection rules
 * of `HealthService.run` (names, then tags, then the probe).
 *
 * @throws TypeError or RangeError naming the option that is malformed.
 */
export function describeEndpoints(options: Pick<OpenApiOptions, 'service' | 'checks' | 'basePath' | 'routes'>, where: string): DescribedEndpoints {
  const checks = resolveChecks(options, where);
  const basePath = resolveBasePath(options.basePath, where);
  const given = options.routes ?? DEFAULT_HEALTH_ROUTES;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TypeError(`${where}: routes must be an object mapping paths to run options, like DEFAULT_HEALTH_ROUTES`);
  }
  const known = new Set(checks.map((check) => check.name));
  const routes: DescribedRoute[] = [];
  for (const [route, run] of Object.entries(given)) {
    const at = `${where}: route '${route}'`;
    if (!route.startsWith('/')) throw new TypeError(`${at}: a path must start with '/'`);
    assertPlainPath(route, at);
    const normalized = trimSlashes(route) || '/';
    if (routes.some((other) => other.route === normalized)) throw new TypeError(`${at}: the path '${normalized}' is given twice`);
    if (typeof run !== 'object' || run === null || Array.isArray(run)) {
      throw new TypeError(`${at}: expected run options such as { probe: 'readiness' } or {} for every check, got ${run === null ? 'null' : typeof run}`);
    }
    assertKnownKeys(run, routeKeys, at);
    if (run.probe !== undefined && !probes.includes(run.probe)) throw new RangeError(`${at}: probe must be one of ${probes.join(', ')}, got ${String(run.probe)}`);
    for (const key of ['tags', 'names'] as const) {
      const list = run[key];
      if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))) {
        throw new TypeError(`${at}: ${key} must be an array of non-empty strings`);
      }
    }
    const unknown = (run.names ?? []).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new TypeError(`${at}: there is no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${[...known].join(', ') || '(none)'})`);
    }
    const path = normalized === '/' ? basePath || '/' : `${basePath}${normalized}`;
    routes.push({ route: normalized, path, run, checks: selectChecks(checks, run), canShutDown: run.probe === 'readiness' });
  }
  const paths = new Set(routes.map((route) => route.path));
  if (paths.size !== routes.length) throw new TypeError(`${where}: two routes end up at the same path under basePath '${basePath}'`);
  return { checks, routes, basePath };
}

/** @internal The largest effective timeout of these checks (`defaultTimeoutMs` for those without their own), 0 for none. */
export function largestTimeoutMs(checks: readonly DescribedCheck[], defaultTimeoutMs: number = DEFAULT_TIMEOUT_MS): number {
  return Math.max(0, ...checks.map((check) => check.timeoutMs ?? defaultTimeoutMs));
}

/** The checks `HealthService.run(run)` reports, in order (mirrors its selection; a spec holds the two together). */
function selectChecks(all: readonly DescribedCheck[], run: RunOptions): readonly DescribedCheck[] {
  let selected = all;
  if (run.names !== undefined) {
    const wanted = new Set(run.names);
    selected = selected.filter((check) => wanted.has(check.name));
  }
  if (run.tags !== undefined) {
    const wanted = run.tags;
    selected = selected.filter((check) => check.tags.some((tag) => wanted.includes(tag)));
  }
  if (run.probe !== undefined) selected = probeChecks(all, selected, run.probe);
  return selected;
}

function probeChecks(all: readonly DescribedCheck[], selected: readonly DescribedCheck[], probe: Probe): readonly DescribedCheck[] {
  const untagged = (check: DescribedCheck): boolean => !probeTags.some((tag) => check.tags.includes(tag));
  switch (probe) {
    case 'liveness':
      return selected.filter((check) => check.tags.includes('live'));
    case 'readiness':
      return selected.filter((check) => check.tags.includes('ready') || untagged(check));
    case 'startup':
      return all.some((check) => check.tags.includes('startup')) ? selected.filter((check) => check.tags.includes('startup')) : probeChecks(all, selected, 'readiness');
  }
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
  return trimSlashes(basePath);
}

/** A path OpenAPI can hold as it is: no query, fragment, template braces, whitespace or control characters. */
function assertPlainPath(path: string, at: string): void {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  const bad = /[?#{}\s\u0000-\u001f\u007f]/.exec(path);
  if (bad !== null) throw new TypeError(`${at}: a path cannot contain ${JSON.stringify(bad[0])} (no query, fragment, template braces, whitespace or control characters)`);
}

/** Drops trailing slashes, with a loop (a /\/+$/ pattern backtracks quadratically on a long run of slashes). */
function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end -= 1;
  return path.slice(0, end);
}
