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
 *   format: new URL(req.url ?? '/', 'http://localhost').searchParams.get('format') ?? undefined,
 *   method: req.method,
 *   detail: 'status',
 * });
 * ```
 */
export interface RespondRequest {
  /**
   * The `Accept` header (or the values of repeated ones). Missing, empty or
   * malformed means JSON.
   * @defaultValue `undefined`: JSON
   */
  readonly accept?: string | readonly string[] | undefined;
  /**
   * The request's `Content-Type` header. `application/json` (with any
   * parameters) selects JSON unless `Accept` names something more specific
   * than `*\/*`, as monitors and API clients send it with `Accept: *\/*`.
   * @defaultValue `undefined`
   */
  readonly contentType?: string | undefined;
  /**
   * An explicit format, usually from a query string, which beats `Accept`:
   * `json`, `html`, `health+json` (or `healthjson`), `openmetrics` or
   * `prometheus`, case-insensitive. An unknown value is ignored.
   * @defaultValue `undefined`: negotiate on `Accept`
   */
  readonly format?: string | undefined;
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
}
