import type { HealthService } from '../core/HealthService.js';
import { HISTORY_QUERY_REFUSAL, parseHistoryQuery } from './historyQuery.js';
import { callerOf } from '../options/callerOf.js';
import { validateOptions } from '../options/validateOptions.js';
import type { DetailLevel } from '../render/DetailLevel.js';
import type { HealthResponse } from '../render/HealthResponse.js';
import { plainResponse } from '../render/plainResponse.js';
import { unknownFormatResponse } from '../render/formats.js';
import { respond } from '../render/respond.js';
import { detailLevelList, isDetailLevel } from '../render/validateRenderInput.js';
import { DEFAULT_HEALTH_ROUTES } from './defaultHealthRoutes.js';
import { HEALTH_ENDPOINTS_SCHEMA, type HealthEndpointsOptions } from './HealthEndpointsOptions.js';
import type { HealthRequest } from './HealthRequest.js';
import { normalizeRoutePath } from './normalizeRoutePath.js';
import { resolveRouteTable } from './resolveRouteTable.js';
import { reportError } from './reportError.js';

/** Stands for a detail() that did not settle in time. */
const LATE: unique symbol = Symbol('late');

/** The level a response falls back to when the `detail` function fails (throws, rejects, is late or returns no level): it fails closed. */
const FAIL_CLOSED_LEVEL: DetailLevel = 'summary';

/**
 * The health routes of one {@link HealthService}, made by
 * {@link healthEndpoints}: the paths it owns and a framework-agnostic
 * handler that turns a request into the status, headers and body to send.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { HealthService, healthEndpoints } from 'pulsecheck';
 *
 * const endpoints = healthEndpoints(new HealthService([]));
 * createServer((req, res) => {
 *   void endpoints.handle({ method: req.method, url: req.url ?? '/', headers: req.headers }).then((response) => {
 *     if (response === undefined) res.writeHead(404).end();
 *     else res.writeHead(response.statusCode, response.headers).end(response.body);
 *   });
 * });
 * ```
 */
export interface HealthEndpoints {
  /** The paths served, normalised (no trailing slash), in the order given. */
  readonly paths: readonly string[];
  /**
   * Serves one request, or declines it.
   *
   * - A path it does not own: resolves `undefined` (hand the request on, or 404).
   * - `GET` or `HEAD` on an owned path: runs the route's checks and resolves
   *   the negotiated response (`respond()`): `report.httpStatus` (200 or
   *   503; always 200 for OpenMetrics and Prometheus text, whose scrapes
   *   Prometheus drops unless 2xx), `Content-Type` by `?format=`, then `Accept`, then
   *   `Content-Type` of the request; `Cache-Control: no-store`; `Vary`; for `HEAD`
   *   the same status and headers with an empty body.
   * - An unknown `?format=` value on an owned path (`GET` or `HEAD`): 400,
   *   `text/plain`, listing the formats; no check runs.
   * - Runs with `{ history: true }` unless the route says `history: false`,
   *   so that the HTML dashboard draws each check's recent executions (at
   *   detail `full`; the other formats do not write them). `?history=0` (or
   *   `false`) leaves them out for one request, `?history=1` (or `true`, or
   *   a bare `?history`) asks for them on a route that says `false`, and
   *   makes JSON answer the detailed report (`JsonSerializer({ detailed:
   *   true })`, each check with its `history`) instead of the flat map,
   *   which is what JSON answers otherwise; any other value is a 400 and no
   *   check runs.
   * - Any other method on an owned path: 405 with `Allow: GET, HEAD`.
   *
   * Never rejects: a `detail` function that throws anything answers at the
   * `summary` level; an unexpected error (say `run()` rejecting) becomes a
   * 500 response; both go to `onError`, which may throw too.
   *
   * @param request - The method, URL and headers of the request.
   * @returns The response to send, or `undefined` for a path it does not own.
   */
  handle(request: HealthRequest): Promise<HealthResponse | undefined>;
}

/** The HTML page's title on a probe's route, so that each page says which probe it is. */
const probeTitles: Readonly<Record<string, string>> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };
const servedMethods = ['GET', 'HEAD'];

/**
 * Builds the health routes of a {@link HealthService} for any HTTP
 * framework: a table of paths, each running a selection of checks, and a
 * `handle(request)` that answers a request to one of them with the
 * negotiated report (see {@link HealthEndpoints.handle}) or declines it.
 * Everything is validated here, once, so that `handle` never throws.
 *
 * @param service - The service whose checks the routes run.
 * @param options - Routes, detail level, HTML refresh and error hook; see
 *   {@link HealthEndpointsOptions}.
 * @returns The endpoints.
 * @throws TypeError when `service` is not a HealthService, an option is
 *   unknown or has the wrong type, or a path does not start with `/`, holds a
 *   `?`, `#`, brace, whitespace or control character, or appears twice.
 * @throws RangeError for a route with an unknown probe or a check name the
 *   service does not have (as `run()` does), or a `refreshSeconds` that is
 *   not a positive whole number.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HealthService, healthEndpoints, healthModule } from 'pulsecheck';
 *
 * const container = new Container();
 * container.load(healthModule());
 * const endpoints = healthEndpoints(container.get(HealthService), {
 *   // Only callers that present the operations token see error messages.
 *   detail: (request) => (request.headers?.authorization === `Bearer ${process.env.OPS_TOKEN ?? ''}` ? 'full' : 'status'),
 * });
 *
 * const response = await endpoints.handle({ method: 'GET', url: '/health/ready', headers: { accept: 'application/json' } });
 * console.log(response?.statusCode, response?.headers['Content-Type'], response?.body);
 * ```
 */
export function healthEndpoints(service: HealthService, options: HealthEndpointsOptions = {}): HealthEndpoints {
  if (typeof service !== 'object' || service === null || typeof (service as { run?: unknown }).run !== 'function') {
    throw new TypeError(`healthEndpoints: service must be a HealthService, got ${service === null ? 'null' : typeof service}`);
  }
  const where = callerOf(options, 'healthEndpoints');
  const valid = validateOptions(HEALTH_ENDPOINTS_SCHEMA, options, where);
  const known = typeof service.definitions === 'function' ? new Set(service.definitions().map((definition) => definition.name)) : undefined;
  const routes = resolveRouteTable(valid.routes ?? DEFAULT_HEALTH_ROUTES, where, known);
  const detail = valid.detail ?? HEALTH_ENDPOINTS_SCHEMA.detail.defaultValue;
  const { refreshSeconds, onError } = valid;
  const detailTimeoutMs = valid.detailTimeoutMs ?? HEALTH_ENDPOINTS_SCHEMA.detailTimeoutMs.defaultValue;

  const detailFor = async (request: HealthRequest): Promise<DetailLevel> => {
    if (typeof detail !== 'function') return detail;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(resolve, detailTimeoutMs, LATE);
      timer.unref();
    });
    try {
      const level: unknown = await Promise.race([Promise.resolve().then(() => detail(request)), late]);
      if (level === LATE) {
        reportError(onError, new Error(`${where}: detail() did not settle within ${detailTimeoutMs} ms (answering with '${FAIL_CLOSED_LEVEL}')`));
      } else if (isDetailLevel(level)) {
        return level;
      } else {
        reportError(onError, new TypeError(`${where}: detail() returned ${describeLevel(level)}; expected one of ${detailLevelList} (answering with '${FAIL_CLOSED_LEVEL}')`));
      }
    } catch (error) {
      reportError(onError, error);
    } finally {
      clearTimeout(timer);
    }
    return FAIL_CLOSED_LEVEL;
  };

  return {
    paths: Object.freeze([...routes.keys()]),
    async handle(request: HealthRequest): Promise<HealthResponse | undefined> {
      if (typeof request !== 'object' || request === null || typeof request.url !== 'string') return undefined;
      const { path, query } = splitTarget(request.url);
      const run = routes.get(normalizeRoutePath(path));
      if (run === undefined) return undefined;
      const method = typeof request.method === 'string' && request.method !== '' ? request.method.toUpperCase() : 'GET';
      if (!servedMethods.includes(method)) {
        return plainResponse(405, `method ${method} not allowed; use GET or HEAD`, method, { Allow: servedMethods.join(', ') });
      }
      const params = query === '' ? undefined : new URLSearchParams(query);
      const format = params?.get('format');
      const refusal = unknownFormatResponse(format, method);
      if (refusal !== undefined) return refusal;
      const history = parseHistoryQuery(params?.get('history'));
      if (history === 'invalid') return plainResponse(400, HISTORY_QUERY_REFUSAL, method);
      try {
        // Both at once: the detail function (a token lookup, say) is bounded by
        // detailTimeoutMs and never delays the run, nor the run it.
        const [level, report] = await Promise.all([detailFor(request), service.run({ ...run, history: history ?? run.history ?? true })]);
        const headers = request.headers ?? {};
        const accept = header(headers, 'accept');
        const contentType = header(headers, 'content-type');
        return respond(report, {
          accept: typeof accept === 'string' || accept === undefined ? accept : [...accept],
          contentType: typeof contentType === 'string' || contentType === undefined ? contentType : contentType.join(', '),
          format,
          detail: level,
          method,
          ...(refreshSeconds === undefined ? {} : { refreshSeconds }),
          ...(run.probe === undefined ? {} : { title: probeTitles[run.probe] }),
          // history asked for in the request: JSON answers the detailed report, which carries it
          ...(history === true ? { detailed: true } : {}),
        });
      } catch (error) {
        reportError(onError, error);
        return plainResponse(500, 'health endpoint error', method);
      }
    },
  };
}

/** What detail() returned, without touching it beyond `typeof` (it may be a Proxy that throws on every trap). */
function describeLevel(level: unknown): string {
  if (typeof level === 'string') return `'${level.length > 40 ? `${level.slice(0, 40)}…` : level}'`;
  if (level === null) return 'null';
  if (typeof level === 'number' || typeof level === 'boolean' || typeof level === 'bigint' || typeof level === 'undefined') return String(level);
  return typeof level === 'symbol' ? 'a symbol' : `a${typeof level === 'object' ? 'n object' : ' function'}`;
}

/** Splits a request target (origin form, or an absolute URL) into its path and query string. */
function splitTarget(url: string): { path: string; query: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      return { path: parsed.pathname, query: parsed.search.slice(1) };
    } catch {
      return { path: '', query: '' };
    }
  }
  const hash = url.indexOf('#');
  const target = hash === -1 ? url : url.slice(0, hash);
  const mark = target.indexOf('?');
  return mark === -1 ? { path: target, query: '' } : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/** A header by name: the lowercase key first (node:http), then any casing. */
function header(headers: NonNullable<HealthRequest['headers']>, name: string): string | readonly string[] | undefined {
  const exact = headers[name];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
