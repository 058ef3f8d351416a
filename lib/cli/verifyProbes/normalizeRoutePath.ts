/** @internal As healthEndpoints does: a trailing slash is ignored (`/health/` is `/health`); linear time. */
export function normalizeRoutePath(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end -= 1;
  return end === 0 ? '/' : path.slice(0, end);
}
