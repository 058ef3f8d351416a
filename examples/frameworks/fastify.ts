/**
 * Recipe: health endpoints in a Fastify 5 application.
 *
 * One route per health path; `app.all` lets `healthEndpoints` answer HEAD,
 * and 405 for other methods.
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
  // ignoreTrailingSlash: /health/ready/ is /health/ready, as for healthEndpoints.
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  const endpoints = healthEndpoints(health);

  for (const path of endpoints.paths) {
    app.all(path, async (request, reply) => {
      const { method, url, headers } = request;
      const response = await endpoints.handle({ method, url, headers });
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
