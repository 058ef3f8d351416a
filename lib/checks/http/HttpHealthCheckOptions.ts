/**
 * What an {@link HttpHealthCheck} requests and what it accepts. Only `url` is
 * required; leave any other field out for its default. Options are validated
 * when the check is constructed.
 *
 * @example
 * ```ts
 * import type { HttpHealthCheckOptions } from 'pulsecheck';
 *
 * const options: HttpHealthCheckOptions = {
 *   url: 'https://payments.internal/health',
 *   method: 'GET',
 *   expectedStatus: [200, 204],
 *   headers: { accept: 'application/json' },
 *   expectBody: (body) => body.includes('"status":"ok"'),
 *   maxBodyBytes: 16 * 1024,
 *   redirect: 'follow',
 *   maxRedirects: 3,
 * };
 * ```
 */
export interface HttpHealthCheckOptions {
  /**
   * The absolute `http:` or `https:` URL to request. Credentials in it
   * (`https://user:password@host/`) are sent as a `Basic` `Authorization`
   * header and, like secret query
   * parameters (`?token=…`, `?api_key=…`), never appear in a message or an
   * observation.
   */
  readonly url: string | URL;
  /**
   * The request method. `CONNECT`, `TRACE` and `TRACK` are refused.
   * @defaultValue `'GET'`
   */
  readonly method?: string;
  /**
   * The status codes that mean healthy: a list (`[200, 204]`), or a
   * predicate (`(status) => status < 500`).
   * @defaultValue any 2xx status (200–299)
   */
  readonly expectedStatus?: HttpStatusExpectation;
  /**
   * Request headers (`{ authorization: 'Bearer …', accept: 'application/json' }`).
   * Their values never appear in a message. On a redirect to another origin,
   * `Authorization` and `Cookie` are dropped, as browsers do.
   * @defaultValue none
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * A predicate on the response body (decoded as UTF-8); the check fails with
   * `unexpected result` when it returns `false` (or a promise of `false`), or
   * throws. The body is read only when this is set, and at most
   * {@link HttpHealthCheckOptions.maxBodyBytes} of it.
   * @defaultValue none: the body is not read
   */
  readonly expectBody?: (body: string) => boolean | Promise<boolean>;
  /**
   * The largest body, in bytes, read for {@link HttpHealthCheckOptions.expectBody};
   * a longer body is an `unexpected result`, and the rest is not downloaded.
   * @defaultValue `65536` (64 KiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * What a redirect (301, 302, 303, 307, 308 with a `Location`) does:
   * `'follow'` follows up to {@link HttpHealthCheckOptions.maxRedirects} of
   * them; `'manual'` takes the redirect itself as the answer (so
   * `expectedStatus` may list 301); `'error'` fails with `unexpected result`.
   * @defaultValue `'follow'`
   */
  readonly redirect?: HttpRedirectPolicy;
  /**
   * How many redirects `'follow'` follows; one more (a redirect loop) is an
   * `unexpected result`.
   * @defaultValue `5`
   */
  readonly maxRedirects?: number;
}

/**
 * The status codes an {@link HttpHealthCheck} accepts: a list of codes, or a
 * predicate.
 *
 * @example
 * ```ts
 * import type { HttpStatusExpectation } from 'pulsecheck';
 *
 * const listed: HttpStatusExpectation = [200, 204];
 * const notServerError: HttpStatusExpectation = (status) => status < 500;
 * ```
 */
export type HttpStatusExpectation = readonly number[] | ((status: number) => boolean);

/**
 * What an {@link HttpHealthCheck} does with a redirect.
 *
 * @example
 * ```ts
 * import type { HttpRedirectPolicy } from 'pulsecheck';
 *
 * const policy: HttpRedirectPolicy = 'error';
 * ```
 */
export type HttpRedirectPolicy = 'follow' | 'manual' | 'error';
