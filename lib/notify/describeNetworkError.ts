/**
 * @internal A failed request in our own words: its error code (`ECONNREFUSED`),
 * never its raw message, which could carry the URL. Never throws.
 */
export function describeNetworkError(error: unknown): string {
  const code = codeOf(error) ?? codeOf(error instanceof Error ? error.cause : undefined);
  return code === undefined ? 'the request failed' : `the request failed (${code.slice(0, 40)})`;
}

function codeOf(value: unknown): string | undefined {
  try {
    const code: unknown = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
