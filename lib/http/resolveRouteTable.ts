import { PROBES, isProbe } from '../core/Probe.js';
import { RUN_OPTION_KEYS, type RunOptions } from '../core/RunOptions.js';
import { assertKnownKeys, assertTags } from '../core/validateOptions.js';
import { assertPlainPath } from './assertPlainPath.js';
import { normalizeRoutePath } from './normalizeRoutePath.js';
import { ROUTE_TABLE_RULE } from './routeTableRule.js';

/**
 * @internal The one route-table rule, shared by {@link healthEndpoints}, the
 * OpenAPI description, the Postman collection and `verify-probes`, so that a
 * table one of them accepts the others accept and describe alike:
 *
 * - `given` is an object mapping paths to run options;
 * - a path starts with `/` and holds no query, fragment, template brace,
 *   whitespace or control character (a request could never reach it);
 * - paths are normalised by {@link normalizeRoutePath}, and no two routes
 *   end up the same;
 * - each route's run options are an object with only the keys of
 *   {@link RunOptions}: `probe` one of {@link PROBES}, `tags` and `names`
 *   arrays of non-empty strings, `fresh` and `history` booleans;
 * - every name in `names` is a check the service has, when `known` is given.
 *
 * @param given - The route table, as given by the user.
 * @param where - The function the user called, for the messages (`healthEndpoints`).
 * @param known - The names of the service's checks, or `undefined` to skip that rule.
 * @returns The normalised paths, in the order given, each with its frozen run options.
 * @throws TypeError for a malformed table, path or run option.
 * @throws RangeError for an unknown probe or check name (as `run()` does).
 */
export function resolveRouteTable(given: unknown, where: string, known: ReadonlySet<string> | undefined): ReadonlyMap<string, RunOptions> {
  ROUTE_TABLE_RULE.check(given, 'routes', where);
  const routes = new Map<string, RunOptions>();
  for (const [path, run] of Object.entries(given as Record<string, unknown>)) {
    const at = `${where}: route '${path}'`;
    if (!path.startsWith('/')) throw new TypeError(`${at}: a path must start with '/'`);
    assertPlainPath(path, at);
    const normalized = normalizeRoutePath(path);
    if (routes.has(normalized)) throw new TypeError(`${at}: the path '${normalized}' is given twice`);
    if (typeof run !== 'object' || run === null || Array.isArray(run)) {
      throw new TypeError(`${at}: expected run options such as { probe: 'readiness' } or {} for every check, got ${run === null ? 'null' : Array.isArray(run) ? 'an array' : typeof run}`);
    }
    assertKnownKeys(run, RUN_OPTION_KEYS, at);
    const options = run as RunOptions;
    if (options.probe !== undefined && !isProbe(options.probe)) {
      throw new RangeError(`${at}: probe must be one of ${PROBES.join(', ')}, got ${String(options.probe)}`);
    }
    if (options.tags !== undefined) assertTags(options.tags, 'tags', at);
    if (options.names !== undefined) assertTags(options.names, 'names', at);
    const unknown = known === undefined ? [] : (options.names ?? []).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new RangeError(`${at}: the service has no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${[...(known ?? [])].join(', ') || '(none)'})`);
    }
    if (options.fresh !== undefined && typeof options.fresh !== 'boolean') throw new TypeError(`${at}: fresh must be a boolean`);
    if (options.history !== undefined && typeof options.history !== 'boolean') throw new TypeError(`${at}: history must be a boolean`);
    routes.set(normalized, Object.freeze({ ...options, ...(options.tags === undefined ? {} : { tags: Object.freeze([...options.tags]) }), ...(options.names === undefined ? {} : { names: Object.freeze([...options.names]) }) }));
  }
  return routes;
}
