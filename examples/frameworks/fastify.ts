/**
 * Recipe: health endpoints in a Fastify 5 application.
 *
 * One route per health path; `app.all` lets `healthEndpoints` answer HEAD
 * (same status and headers, no body) and 405 for other methods.
 *
 *   /health          every check: 200, or 503 when a critical check fails
 *   /health/live     liveness      /health/ready   readiness
 *   /health/startup  startup
 *
 * JSON for `Accept: application/json`, an HTML page for a browser.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { healthEndpoints, type HealthService } from 'pulsecheck';

/**
 * Builds the Fastify application.
 *
 * @param health - The health service, from the container.
 * @returns The app; call `await app.listen({ port })`.
 */
export function createFastifyApp(health: HealthService): FastifyInstance {
  // ignoreTrailingSlash: /health/ready/ is /health/ready, as healthEndpoints sees it.
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  const endpoints = healthEndpoints(health);

  for (const path of endpoints.paths) {
    app.all(path, async (request, reply) => {
      const response = await endpoints.handle({ method: request.method, url: request.url, headers: request.headers });
      if (response === undefined) {
        reply.callNotFound();
        return reply;
      }
      return reply.code(response.statusCode).headers(response.headers).send(response.body);
    });
  }

  // The application's own routes.
  app.get('/', () => ({ service: 'orders' }));
  return app;
}
