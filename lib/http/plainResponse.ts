import type { HealthResponse } from '../render/HealthResponse.js';

/**
 * @internal A short text/plain response that is not a health report (404,
 * 405, 500), with the same caching and HEAD rules as the reports, and the
 * same header shape as `respond()`'s: canonical names, plus non-enumerable
 * lower-case aliases.
 */
export function plainResponse(statusCode: number, text: string, method: string, extraHeaders: Readonly<Record<string, string>> = {}): HealthResponse {
  const body = `${text}\n`;
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extraHeaders,
  };
  for (const [name, value] of Object.entries(headers)) {
    const alias = name.toLowerCase();
    if (alias !== name) Object.defineProperty(headers, alias, { value, enumerable: false, writable: true, configurable: true });
  }
  return { statusCode, headers, body: method === 'HEAD' ? '' : body };
}
