import type { HealthResponse } from './renderTypes.js';

/**
 * @internal A short text/plain response that is not a health report (404,
 * 405, 500), with the same caching and HEAD rules as the reports.
 */
export function plainResponse(statusCode: number, text: string, method: string, extraHeaders: Readonly<Record<string, string>> = {}): HealthResponse {
  const body = `${text}\n`;
  return {
    statusCode,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
      ...extraHeaders,
    },
    body: method === 'HEAD' ? '' : body,
  };
}
