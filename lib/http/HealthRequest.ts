/**
 * The parts of an HTTP request that {@link HealthEndpoints.handle} reads,
 * in the shape every Node framework already has: pass `req.method`,
 * `req.url` and `req.headers` (node:http, Express, Fastify's `request`,
 * Koa's `ctx`) as they are.
 *
 * @example
 * ```ts
 * import { HealthService, healthEndpoints, type HealthRequest } from 'pulsecheck';
 *
 * const request: HealthRequest = {
 *   method: 'GET',
 *   url: '/health/ready?format=html',
 *   headers: { accept: 'application/json' },
 * };
 * const response = await healthEndpoints(new HealthService([])).handle(request);
 * console.log(response?.statusCode);
 * ```
 */
export interface HealthRequest {
  /**
   * The HTTP method; `GET` and `HEAD` are served, anything else gets 405.
   * @defaultValue `'GET'`
   */
  readonly method?: string | undefined;
  /**
   * The request target: a path with an optional query string
   * (`/health?format=json`), as in `req.url`. An absolute URL
   * (`https://host/health`) also works. The `format` query parameter
   * chooses the response format and beats `Accept`.
   */
  readonly url: string;
  /**
   * The request headers. `accept` and `content-type` are read
   * (node:http lowercases header names; other casings are found too).
   * @defaultValue `{}`
   */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>> | undefined;
}
