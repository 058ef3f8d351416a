/**
 * Recipe: health endpoints on a plain node:http server.
 *
 * `createHealthListener` answers the health routes and hands every other
 * request to the application. Callers with the operations token see each
 * check's error message; everyone else sees only state words ("working",
 * "unavailable"), which is all a load balancer needs.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createHealthListener, type HealthRequest, type HealthService } from 'pulsecheck';

/** Options of {@link createNodeServer}. */
export interface NodeServerOptions {
  /** Callers sending `Authorization: Bearer <opsToken>` see error messages. */
  readonly opsToken?: string;
}

/**
 * Builds the service's HTTP server (not yet listening).
 *
 * @param health - The health service, from the container.
 * @param options - The operations token.
 * @returns The server; call `listen()`.
 */
export function createNodeServer(health: HealthService, options: NodeServerOptions = {}): Server {
  const listener = createHealthListener(health, {
    detail: (request) => (isOperator(request, options.opsToken) ? 'full' : 'status'),
    fallback: (req, res) => {
      // The application's own routes.
      if (req.url === '/') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ service: 'orders' }));
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('not found\n');
      }
    },
  });
  return createServer(listener);
}

function isOperator(request: HealthRequest, opsToken: string | undefined): boolean {
  const given = request.headers?.authorization;
  if (opsToken === undefined || typeof given !== 'string') return false;
  const expected = Buffer.from(`Bearer ${opsToken}`);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
