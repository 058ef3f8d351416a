/** The conformance specs' budget: a short timeout and the 100 aborted runs the issue asks for. */
export const conformance = { timeoutMs: 250, abortedRuns: 100, concurrency: 20 } as const;

/** The host and port of a service URL. */
export function hostAndPort(url: string, fallbackPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port === '' ? fallbackPort : Number(parsed.port) };
}
