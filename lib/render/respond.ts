import { assertOptionsObject } from '../core/validateOptions.js';
import type { HealthReport } from '../report/HealthReport.js';
import { fallbackFormat, findFormat, offers, type Format } from './formats.js';
import type { HealthResponse } from './HealthResponse.js';
import { negotiate, parseMediaType } from './negotiate.js';
import type { RespondRequest } from './RespondRequest.js';
import type { DetailLevel } from './DetailLevel.js';
import type { Serializer } from './Serializer.js';
import { assertRefreshSeconds, assertReport, resolveDetail } from './validateRenderInput.js';

const requestKeys = ['accept', 'contentType', 'format', 'detail', 'method', 'refreshSeconds', 'title'] as const;

/**
 * Turns a report into an HTTP response for any framework: the status code,
 * the headers and the body, in the format the request asks for.
 *
 * Which format:
 * 1. `format` (`json`, `html`, `health+json`/`healthjson`, `openmetrics`,
 *    `prometheus`; case-insensitive), when it names one; an unknown value is
 *    ignored, never an error.
 * 2. Otherwise the `Accept` header, with q-values and specificity (an exact
 *    type beats `type/*`, which beats `*\/*`; `q=0` excludes):
 *    `application/json` and `application/*` → JSON; `text/html` and `*\/*`
 *    (browsers) → HTML; `application/health+json` → health+json;
 *    `application/openmetrics-text` (Prometheus's scrape header) →
 *    OpenMetrics; `text/plain` → Prometheus text 0.0.4.
 * 3. A request whose `Content-Type` is `application/json` and whose `Accept`
 *    is no more specific than `*\/*` gets JSON.
 * 4. Anything else (no `Accept`, an empty or malformed one, or one that
 *    matches nothing, such as `image/png`) gets JSON: a health endpoint always
 *    answers, never with 406.
 *
 * The status code is the report's `httpStatus` (200, or 503 when a critical
 * check failed) for JSON, health+json and HTML, so that load balancers and
 * uptime monitors that only read the status keep working. OpenMetrics and
 * Prometheus text always answer 200 when a report was produced, failing or
 * not: Prometheus discards the samples of any scrape that is not 2xx, so a
 * 503 would make a failing dependency's own metrics (`health_check_status`
 * and the rest) vanish exactly when they matter, and only `up` would be
 * left. The status lives in the metric values instead. The headers are always
 * `Content-Type`, `Cache-Control: no-store`, `Vary: Accept` and
 * `Content-Length`, under their canonical names, with lower-case
 * non-enumerable aliases (see {@link HealthResponse}). A `HEAD` request gets
 * the same status and headers (`Content-Length` of the body it would have
 * got) and an empty body.
 *
 * @param report - The report to answer with.
 * @param request - What the request asks for; see {@link RespondRequest}.
 * @returns The status code, headers and body; the headers object is a fresh
 *   one, which the caller may add to.
 * @throws TypeError when `report` is not a report, `request` is not an
 *   object or has an unknown key, `detail` is not a {@link DetailLevel}, or
 *   `title` is not a non-empty string.
 * @throws RangeError when `refreshSeconds` is not a positive integer.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { respond, type HealthService } from 'pulsecheck';
 *
 * declare const health: HealthService; // from your container
 *
 * createServer((req, res) => {
 *   void health.run().then((report) => {
 *     const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format') ?? undefined;
 *     const { statusCode, headers, body } = respond(report, { accept: req.headers.accept, contentType: req.headers['content-type'], format, method: req.method });
 *     res.writeHead(statusCode, headers).end(body);
 *   });
 * }).listen(8080);
 * ```
 */
export function respond(report: HealthReport, request: RespondRequest = {}): HealthResponse {
  assertReport(report, 'respond');
  assertOptionsObject(request, 'respond', requestKeys);
  const detail = resolveDetail(request.detail, 'respond');
  const refreshSeconds = request.refreshSeconds;
  if (refreshSeconds !== undefined) assertRefreshSeconds(refreshSeconds, 'respond');
  if (request.title !== undefined && (typeof request.title !== 'string' || request.title.trim() === '')) throw new TypeError('respond: title must be a non-empty string');

  const format = findFormat(request.format) ?? formatFor(request.accept, request.contentType);
  const serializer = serializerFor(format, detail, refreshSeconds, request.title);
  const body = serializer.serialize(report);
  const headers: Record<string, string> = Object.create(lowerCaseAliases) as Record<string, string>;
  headers['Content-Type'] = serializer.contentType;
  headers['Cache-Control'] = 'no-store';
  headers.Vary = 'Accept';
  headers['Content-Length'] = String(Buffer.byteLength(body, 'utf8'));
  const head = typeof request.method === 'string' && request.method.trim().toUpperCase() === 'HEAD';
  return { statusCode: metricsFormats.has(format.name) ? 200 : report.httpStatus, headers, body: head ? '' : body };
}

/** The formats a scraper reads: they answer 200 whenever a report was produced (see {@link respond}). */
const metricsFormats: ReadonlySet<string> = new Set(['openmetrics', 'prometheus']);

/**
 * The formats already negotiated, by Accept and Content-Type: a health
 * endpoint sees the same few header values on every probe. Bounded, so
 * hostile or random headers cannot grow it without limit.
 */
const negotiated = new Map<string, Format>();
/** Serializers are stateless: one per format, detail and refresh interval serves every response. */
const serializers = new Map<string, Serializer>();
const memoLimit = 256;

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= memoLimit) memo.clear();
  memo.set(key, value);
  return value;
}

function formatFor(accept: unknown, contentType: unknown): Format {
  if ((typeof accept !== 'string' && accept !== undefined) || (typeof contentType !== 'string' && contentType !== undefined)) {
    return negotiateFormat(accept, contentType);
  }
  const key = `${accept ?? ''}\u0000${contentType ?? ''}`;
  return negotiated.get(key) ?? remember(negotiated, key, negotiateFormat(accept, contentType));
}

function serializerFor(format: Format, detail: DetailLevel, refreshSeconds: number | undefined, title: string | undefined): Serializer {
  const key = `${format.name}\u0000${detail}\u0000${refreshSeconds ?? ''}\u0000${title ?? ''}`;
  return serializers.get(key) ?? remember(serializers, key, format.create({ detail, refreshSeconds, title }));
}

function negotiateFormat(accept: unknown, contentType: unknown): Format {
  const match = negotiate(accept, offers);
  if ((match === undefined || match.specificity === 0) && isJson(contentType)) return fallbackFormat;
  return match === undefined ? fallbackFormat : (offers[match.index]?.format ?? fallbackFormat);
}

function isJson(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const mediaType = parseMediaType(contentType);
  return mediaType !== undefined && mediaType.type === 'application' && mediaType.subtype === 'json';
}

/**
 * The prototype of every headers object: a non-enumerable, read-write lower-case alias for each header
 * name, defined once (defining accessors on each response's own headers object cost more than the rest
 * of respond() together).
 */
const lowerCaseAliases = Object.create(
  Object.prototype,
  Object.fromEntries(
    ['Content-Type', 'Cache-Control', 'Vary', 'Content-Length'].map((name) => [
      name.toLowerCase(),
      {
        enumerable: false,
        configurable: false,
        get(this: Record<string, string>): string | undefined {
          return this[name];
        },
        set(this: Record<string, string>, value: string): void {
          this[name] = value;
        },
      },
    ]),
  ),
) as object;
