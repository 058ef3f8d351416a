/**
 * Recipe: health endpoints in an Express 5 application.
 *
 * The health paths are ordinary Express routes: `healthEndpoints` says which
 * paths it owns and turns each request into a status, headers and body.
 * `app.all` lets it answer HEAD (same status and headers, no body) and
 * 405 for other methods. (The one-liner alternative is
 * `app.use(createHealthListener(health))`.)
 *
 *   /health          every check: 200, or 503 when a critical check fails
 *   /health/live     liveness      /health/ready   readiness
 *   /health/startup  startup
 *
 * JSON for `Accept: application/json`, an HTML page for a browser.
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
    const response = await endpoints.handle({ method: req.method, url: req.url, headers: req.headers });
    if (response === undefined) {
      next();
      return;
    }
    // end(), not send(): the headers (Content-Length included, for HEAD) are already right.
    res.status(response.statusCode).set(response.headers).end(response.body);
  });

  // The application's own routes.
  app.get('/', (_req, res) => {
    res.json({ service: 'orders' });
  });
  return app;
}
