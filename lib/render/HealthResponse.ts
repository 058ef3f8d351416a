/**
 * What {@link respond} returns: everything an HTTP framework needs to answer.
 *
 * `headers` is a plain object holding each header once under its canonical
 * name (`Content-Type`, `Cache-Control`, `Vary`, `Content-Length`, and
 * `Allow` on a 405): the same shape for every status pulsecheck answers
 * (200, 503, 400, 404, 405, 500). Read it by those names
 * (`headers['Content-Type']`); every framework accepts it as it is
 * (`res.writeHead`, Express `res.set`, Fastify `reply.headers`, Koa
 * `ctx.set`, `new Response(body, { headers })`), since header names are
 * case-insensitive on the wire.
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
  /**
   * The report's `httpStatus` (503 when it failed, else 200); 200 for the
   * metrics formats; 400 for an unknown `format`.
   */
  readonly statusCode: number;
  /**
   * `Content-Type`, `Cache-Control: no-store`, `Vary` (the request headers
   * that decided the format, when any did), `Content-Length` (bytes of the
   * UTF-8 body, also for HEAD); a fresh plain object, which the caller may
   * add to.
   */
  readonly headers: Record<string, string>;
  /** The serialized report; empty for a HEAD request. */
  readonly body: string;
}
