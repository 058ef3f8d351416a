/**
 * Recipe: health endpoints in an Express 5 application.
 *
 * The health paths are ordinary Express routes; `healthEndpoints` turns
 * each request into a status, headers and a body. `app.all` lets it answer
 * HEAD, and 405 for other methods. (The one-line alternative:
 * `app.use(createHealthListener(health))`.)
 */
import express, { type Express } from 'express';
import { healthEndpoints, type HealthService } from 'pulsecheck';

/**
 * Builds the Express application.
 *
 * @param health - The health service, from the container.
 * @returns The app; call `app.listen()`.
 */
export function createExpressApp(health: HealthService): Express {
  const app = express();
  const endpoints = healthEndpoints(health);

  app.all([...endpoints.paths], async (req, res, next) => {
    const { method, url, headers } = req;
    const response = await endpoints.handle({ method, url, headers });
    if (response === undefined) {
      next();
      return;
    }
    // end(), not send(): the headers are right already (Content-Length too, for HEAD).
    res.status(response.statusCode).set(response.headers).end(response.body);
  });

  // The application's own routes.
  app.get('/', (_req, res) => {
    res.json({ service: 'orders' });
  });
  return app;
}
