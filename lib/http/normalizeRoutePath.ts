/**
 * @internal The one route-path rule: a trailing slash is ignored (`/health/`
 * is `/health`, `///` is `/`), on the routes of a table and on requests
 * alike. {@link healthEndpoints}, the OpenAPI description, the Postman
 * collection and `verify-probes` all normalise with it. A loop, not
 * `/\/+$/`: that pattern retries at every slash of a long run and takes
 * quadratic time.
 *
 * @param path - A path starting with `/` (not checked).
 * @returns The path without its trailing slashes, or `/` when nothing else is left.
 */
export function normalizeRoutePath(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end -= 1;
  return end === 0 ? '/' : path.slice(0, end);
}
