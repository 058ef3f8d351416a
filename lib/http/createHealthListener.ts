import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthService } from '../core/HealthService.js';
import { healthEndpoints } from './healthEndpoints.js';
import type { HealthListenerOptions } from './HealthListenerOptions.js';
import { plainResponse } from '../render/plainResponse.js';
import { reportError } from './reportError.js';

/**
 * A node:http request listener that serves the health routes of a
 * {@link HealthService} (see {@link healthEndpoints}) and hands every other
 * request to `next` (when called as Express/Connect middleware), to
 * `options.fallback`, or answers 404.
 *
 * The listener never lets a rejection escape: an unexpected error becomes a
 * 500 (or a destroyed response, if headers were already sent) and goes to
 * `options.onError`.
 *
 * @param service - The service whose checks the routes run.
 * @param options - The {@link HealthEndpointsOptions} and a `fallback`.
 * @returns A `(req, res, next?) => void` listener for `http.createServer`,
 *   `https.createServer` or `app.use`.
 * @throws TypeError or RangeError for bad options, as {@link healthEndpoints} does,
 *   or a `fallback` that is not a function.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createHealthListener, HealthService } from 'pulsecheck';
 *
 * const health = new HealthService([]);
 * const server = createServer(
 *   createHealthListener(health, {
 *     fallback: (_req, res) => {
 *       res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('my service\n');
 *     },
 *   }),
 * );
 * server.listen(8080);
 * process.once('SIGTERM', () => {
 *   health.beginShutdown(); // /health/ready now answers 503
 *   setTimeout(() => server.close(), 5_000).unref();
 * });
 * ```
 */
export function createHealthListener(
  service: HealthService,
  options: HealthListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void {
  if (typeof options !== 'object' || options === null) throw new TypeError('createHealthListener: options must be an object');
  const { fallback, ...endpointOptions } = options;
  if (fallback !== undefined && typeof fallback !== 'function') throw new TypeError('createHealthListener: fallback must be a function');
  const endpoints = healthEndpoints(service, endpointOptions);
  const { onError } = endpointOptions;

  const serve = async (req: IncomingMessage, res: ServerResponse, next: ((error?: unknown) => void) | undefined): Promise<void> => {
    const response = await endpoints.handle({ method: req.method, url: req.url ?? '/', headers: req.headers });
    if (response !== undefined) {
      res.writeHead(response.statusCode, response.headers).end(response.body);
    } else if (next !== undefined) {
      next();
    } else if (fallback !== undefined) {
      await fallback(req, res);
    } else {
      const method = (req.method ?? 'GET').toUpperCase();
      const notFound = plainResponse(404, 'not found', method);
      res.writeHead(notFound.statusCode, notFound.headers).end(notFound.body);
    }
  };

  return (req, res, next) => {
    serve(req, res, typeof next === 'function' ? next : undefined).catch((error: unknown) => {
      reportError(onError, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const failure = plainResponse(500, 'internal server error', (req.method ?? 'GET').toUpperCase());
      res.writeHead(failure.statusCode, failure.headers).end(failure.body);
    });
  };
}
