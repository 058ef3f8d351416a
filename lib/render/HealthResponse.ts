/**
 * What {@link respond} returns: everything an HTTP framework needs to answer.
 *
 * `headers` holds each header once under its canonical name
 * (`Content-Type`, `Cache-Control`, `Vary`, `Content-Length`), which is what
 * `Object.keys`, `Object.entries`, `for...in` and spreading see. Each is also
 * reachable under its lower-case name (`headers['content-type']`) through a
 * non-enumerable alias, so code written for Node's lower-cased header objects
 * works too, without any framework setting a header twice.
 *
 * @example
 * ```ts
 * import type { ServerResponse } from 'node:http';
 * import type { HealthResponse } from 'pulsecheck';
 *
 * const send = (res: ServerResponse, { statusCode, headers, body }: HealthResponse): void => {
 *   res.writeHead(statusCode, headers).end(body);
 * };
 * ```
 */
export interface HealthResponse {
  /** The report's `httpStatus`: 503 when it failed, else 200. */
  readonly statusCode: number;
  /** `Content-Type`, `Cache-Control: no-store`, `Vary: Accept`, `Content-Length` (bytes of the UTF-8 body, also for HEAD). */
  readonly headers: Record<string, string>;
  /** The serialized report; empty for a HEAD request. */
  readonly body: string;
}
