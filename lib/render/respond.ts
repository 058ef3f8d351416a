import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import type { HealthReport } from '../report/HealthReport.js';
import { fallbackFormat, findFormat, formats, offers, unknownFormatResponse, type Format } from './formats.js';
import type { HealthResponse } from './HealthResponse.js';
import { best, parseMediaType, rate } from './negotiate.js';
import { isHead } from './plainResponse.js';
import type { RespondRequest } from './RespondRequest.js';
import { assertReport } from './validateRenderInput.js';

/** The keys of a {@link RespondRequest}: one missing here, or one the interface lacks, does not compile. */

/**
 * Turns a report into an HTTP response for any framework: the status code,
 * the headers and the body, in the format the request asks for.
 *
 * Which format:
 * 1. `format` (`json`, `html`, `health+json`/`healthjson`, `openmetrics`,
 *    `prometheus`; case-insensitive), when it names one. An unknown value
 *    (`?format=xml`) gets a `400` whose `text/plain` body lists the formats;
 *    `undefined`, `null` and `''` mean "no `format`".
 * 2. Otherwise the `Accept` header (RFC 9110), with q-values and specificity:
 *    for each format, the most specific range that matches it decides (an
 *    exact type beats `type/*`, which beats `*\/*`; then the range with more
 *    of the format's parameters, such as `version=0.0.4`; then, between
 *    equally specific ranges like `text/html;q=0.2, text/html;q=0.9`, the
 *    higher q). The format with the highest q above 0 wins; ties go to the
 *    more specific match, then to the order html, json, health+json,
 *    openmetrics, prometheus. `application/json` and `application/*` → JSON;
 *    `text/html` and `*\/*` (browsers) → HTML; `application/health+json` →
 *    health+json; `application/openmetrics-text` (Prometheus's scrape
 *    header) → OpenMetrics; `text/plain` → Prometheus text 0.0.4.
 * 3. A request whose `Content-Type` is `application/json` and whose `Accept`
 *    is no more specific than `*\/*` (or matches nothing) gets JSON, unless
 *    `Accept` refuses JSON with `q=0`.
 * 4. Anything else (no `Accept`, an empty or malformed one, or one that
 *    matches nothing, such as `image/png`) gets JSON, with the report's
 *    status code: a health endpoint never answers 406, because a monitor
 *    must always see its 200 or 503. A format the header refuses with `q=0`
 *    is never chosen this way: `Accept: application/json;q=0` gets the first
 *    format it does not refuse (HTML, as for `*\/*`). Only when it refuses
 *    every format (`*\/*;q=0`) does it get JSON all the same.
 *
 * The status code is the report's `httpStatus` (200, or 503 when a critical
 * check failed) for JSON, health+json and HTML, so that load balancers and
 * uptime monitors that only read the status keep working. OpenMetrics and
 * Prometheus text always answer 200 when a report was produced, failing or
 * not: Prometheus discards the samples of any scrape that is not 2xx, so a
 * 503 would make a failing dependency's own metrics (`pulsecheck_check_status`
 * and the rest) vanish exactly when they matter, and only `up` would be
 * left. The status lives in the metric values instead.
 *
 * The headers are a plain object (see {@link HealthResponse}):
 * `Content-Type`, `Cache-Control: no-store`, `Vary` and `Content-Length`.
 * `Vary` names the request headers that decided the format: `Accept` when no
 * `format` was given, plus `Content-Type` when it was consulted (rule 3); it
 * is left out when `format` decided. A `HEAD` request gets the same status
 * and headers (`Content-Length` of the body it would have got) and an empty
 * body. respond() keeps no state between calls.
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
 *     const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
 *     const { statusCode, headers, body } = respond(report, { accept: req.headers.accept, contentType: req.headers['content-type'], format, method: req.method });
 *     res.writeHead(statusCode, headers).end(body); // 400 for ?format=xml
 *   });
 * }).listen(8080);
 * ```
 */
export function respond(report: HealthReport, request: RespondRequest = {}): HealthResponse {
  assertReport(report, 'respond');
  validateOptions(RENDER_OPTION_SCHEMAS.respond, request, 'respond');
  const detail = request.detail ?? RENDER_OPTION_SCHEMAS.respond.detail.defaultValue;
  const refreshSeconds = request.refreshSeconds;

  const refusal = unknownFormatResponse(request.format, request.method);
  if (refusal !== undefined) return refusal;
  const named = findFormat(request.format);
  const { format, vary } = named === undefined ? choose(request.accept, request.contentType) : { format: named, vary: undefined };
  const serializer = format.create({ detail, refreshSeconds, title: request.title, detailed: request.detailed });
  const body = serializer.serialize(report);
  const headers: Record<string, string> = { 'Content-Type': serializer.contentType, 'Cache-Control': 'no-store' };
  if (vary !== undefined) headers.Vary = vary;
  headers['Content-Length'] = String(Buffer.byteLength(body, 'utf8'));
  return { statusCode: format.metrics ? 200 : report.httpStatus, headers, body: isHead(request.method) ? '' : body };
}

/** A negotiated format, and the request headers that decided it (the `Vary` value). */
interface Choice {
  readonly format: Format;
  readonly vary: string | undefined;
}

function choose(accept: unknown, contentType: unknown): Choice {
  const ratings = rate(accept, offers);
  const match = best(ratings);
  const offered = match === undefined ? undefined : offers[match.index]?.format;
  const refused = (format: Format): boolean => ratings.some((rating, index) => rating?.q === 0 && offers[index]?.format === format);
  if (offered !== undefined && match !== undefined && match.specificity === 0 && !refused(fallbackFormat)) {
    // Accept is no more specific than */* (monitors and API clients): a JSON request body asks for JSON.
    return { format: isJson(contentType) ? fallbackFormat : offered, vary: 'Accept, Content-Type' };
  }
  if (offered !== undefined) return { format: offered, vary: 'Accept' };
  // Nothing acceptable: JSON, unless refused; then the first format not refused; JSON if all are.
  return { format: refused(fallbackFormat) ? (formats.find((format) => !refused(format)) ?? fallbackFormat) : fallbackFormat, vary: 'Accept' };
}

function isJson(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const mediaType = parseMediaType(contentType);
  return mediaType !== undefined && mediaType.type === 'application' && mediaType.subtype === 'json';
}
