import type { HealthResponse } from './HealthResponse.js';

/**
 * @internal A short `text/plain` response that is not a health report (400
 * for an unknown `format`; 404, 405 and 500 from the HTTP helpers), with the
 * caching and HEAD rules of the reports and the same header shape as every
 * {@link HealthResponse}: a plain object, each header once under its
 * canonical name.
 */
export function plainResponse(statusCode: number, text: string, method: unknown, extraHeaders: Readonly<Record<string, string>> = {}): HealthResponse {
  const body = `${text}\n`;
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extraHeaders,
    'Content-Length': String(Buffer.byteLength(body, 'utf8')),
  };
  return { statusCode, headers, body: isHead(method) ? '' : body };
}

/** @internal Whether a request method is `HEAD`, in any case. */
export function isHead(method: unknown): boolean {
  return typeof method === 'string' && method.trim().toUpperCase() === 'HEAD';
}
