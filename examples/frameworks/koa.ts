/**
 * Recipe: health endpoints in a Koa 3 application (no router needed).
 *
 * A middleware asks `healthEndpoints` first; requests for other paths go on
 * to the rest of the application. HEAD gets the same status and headers
 * with no body; other methods on a health path get 405.
 *
 *   /health          every check: 200, or 503 when a critical check fails
 *   /health/live     liveness      /health/ready   readiness
 *   /health/startup  startup
 *
 * JSON for `Accept: application/json`, an HTML page for a browser.
 */
import Koa from 'koa';
import { healthEndpoints, type HealthService } from 'pulsecheck';

/**
 * Builds the Koa application.
 *
 * @param health - The health service, from the container.
 * @returns The app; call `app.listen()`.
 */
export function createKoaApp(health: HealthService): Koa {
  const app = new Koa();
  const endpoints = healthEndpoints(health);

  app.use(async (ctx, next) => {
    const response = await endpoints.handle({ method: ctx.method, url: ctx.url, headers: ctx.headers });
    if (response === undefined) {
      await next();
      return;
    }
    ctx.status = response.statusCode;
    ctx.body = response.body;
    // After the body: Koa derives Content-Type and Content-Length from it; ours win.
    ctx.set(response.headers);
  });

  // The application's own routes.
  app.use((ctx) => {
    if (ctx.path === '/') ctx.body = { service: 'orders' };
  });
  return app;
}
