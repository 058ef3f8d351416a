import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthEndpointsOptions } from './HealthEndpointsOptions.js';

/**
 * Options of {@link createHealthListener}: those of {@link healthEndpoints},
 * plus what to do with requests for other paths.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createHealthListener, HealthService, type HealthListenerOptions } from 'pulsecheck';
 *
 * const options: HealthListenerOptions = {
 *   detail: 'status',
 *   fallback: (_req, res) => {
 *     res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello\n');
 *   },
 * };
 * createServer(createHealthListener(new HealthService([]), options)).listen(8080);
 * ```
 */
export interface HealthListenerOptions extends HealthEndpointsOptions {
  /**
   * Serves requests for paths that are not health routes (your
   * application). May be async; if it throws or rejects, the error goes to
   * `onError` and the client gets a 500 (if nothing was sent yet).
   * Ignored when the listener is called with a `next` function (as
   * Express/Connect middleware), which is then called instead.
   * @defaultValue a plain-text 404
   */
  readonly fallback?: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
