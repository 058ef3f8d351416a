import { assertRunOptions } from '../core/assertRunOptions.js';
import { RUN_OPTIONS_SCHEMA, type RunOptions } from '../core/RunOptions.js';
import { freezeValidated } from '../options/freezeValidated.js';
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
 * - each route's run options pass {@link assertRunOptions}, the rule
 *   `HealthService.run` applies (the same checks, order and words, after
 *   the route's name): {@link RUN_OPTIONS_SCHEMA}, and every name in
 *   `names` a check the service has, when `known` is given.
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
    assertRunOptions(run, at, known);
    // Checked once, above. Frozen, arrays too, and recorded as valid: run() given these options does not check them again.
    const frozen = { ...run, ...(run.tags === undefined ? {} : { tags: Object.freeze([...run.tags]) }), ...(run.names === undefined ? {} : { names: Object.freeze([...run.names]) }) };
    routes.set(normalized, freezeValidated(RUN_OPTIONS_SCHEMA, frozen, at));
  }
  return routes;
}
