/**
 * Recipe: health endpoints in a Koa 3 application, without a router.
 *
 * A middleware asks `healthEndpoints` first; requests for other paths go on
 * to the rest of the application.
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
    const { method, url, headers } = ctx;
    const response = await endpoints.handle({ method, url, headers });
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
