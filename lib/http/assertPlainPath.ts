/**
 * @internal Throws a TypeError unless `path` is a path a request can reach
 * and OpenAPI can hold as it is: no query, fragment, template braces,
 * whitespace or control characters. Used for route paths and the OpenAPI
 * base path.
 *
 * @param path - The path.
 * @param at - Where the path was given, for the message (`healthEndpoints: route '/h'`).
 */
export function assertPlainPath(path: string, at: string): void {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  const bad = /[?#{}\s\u0000-\u001f\u007f]/.exec(path);
  if (bad !== null) throw new TypeError(`${at}: a path cannot contain ${JSON.stringify(bad[0])} (no query, fragment, template braces, whitespace or control characters)`);
}
