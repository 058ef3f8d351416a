import type { DetailLevel } from './DetailLevel.js';

/**
 * What {@link respond} needs to know about the request. Every field is
 * optional and may be `undefined`, so that a framework's values can be passed
 * as they are (`req.headers.accept` is `string | undefined`).
 *
 * @example
 * ```ts
 * import type { IncomingMessage } from 'node:http';
 * import type { RespondRequest } from 'pulsecheck';
 *
 * const toRespondRequest = (req: IncomingMessage): RespondRequest => ({
 *   accept: req.headers.accept,
 *   contentType: req.headers['content-type'],
 *   format: new URL(req.url ?? '/', 'http://localhost').searchParams.get('format'),
 *   method: req.method,
 *   detail: 'status',
 * });
 * ```
 */
export interface RespondRequest {
  /**
   * The `Accept` header (or the values of repeated ones). Missing, empty,
   * malformed or matching no format means JSON with the report's status code
   * (never a 406), unless it refuses JSON with `q=0`.
   * @defaultValue `undefined`: JSON
   */
  readonly accept?: string | readonly string[] | undefined;
  /**
   * The request's `Content-Type` header. `application/json` (with any
   * parameters) selects JSON unless `Accept` names something more specific
   * than `*\/*` or refuses JSON, as monitors and API clients send it with
   * `Accept: *\/*`. Then the response's `Vary` names `Content-Type` too.
   * @defaultValue `undefined`
   */
  readonly contentType?: string | undefined;
  /**
   * An explicit format, usually from a query string, which beats `Accept`:
   * `json`, `html`, `health+json` (or `healthjson`), `openmetrics` or
   * `prometheus`, case-insensitive. Any other value, a string or not, gets a
   * `400` response that lists the formats; `null` (what
   * `URLSearchParams.get()` returns for a missing parameter) and `''` mean
   * none was given.
   * @defaultValue `undefined`: negotiate on `Accept`
   */
  readonly format?: string | null | undefined;
  /**
   * How much of the report the body reveals; see {@link DetailLevel}.
   * @defaultValue `'full'`
   */
  readonly detail?: DetailLevel;
  /**
   * The request method; `HEAD` gets the same status and headers with an
   * empty body.
   * @defaultValue `undefined`: a body is written
   */
  readonly method?: string | undefined;
  /**
   * For the HTML page: reload every so many seconds (a positive integer).
   * @defaultValue none: the page does not reload
   */
  readonly refreshSeconds?: number;
  /**
   * For the HTML page: its heading and `<title>`, such as `Liveness` (see
   * {@link HtmlSerializerOptions.title}). A non-empty string.
   * @defaultValue `'Health'`
   */
  readonly title?: string;
  /**
   * For JSON: write the detailed report (`JsonSerializer({ detailed: true })`,
   * with each check's `history` when the report carries it) instead of the
   * flat map. `healthEndpoints` sets it when a request asks for history
   * (`?history`). Other formats ignore it.
   * @defaultValue `false`: the flat map
   */
  readonly detailed?: boolean;
}
