import { describeThrown } from '../../core/describeThrown.js';

const selfSigned = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const unknownIssuer = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
const dns = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const closed = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * @internal Why an HTTP request failed, in one readable line, from the error
 * (or its innermost `cause`; an `AggregateError` of one error per address is
 * named by its first). Refusals keep the system's message (`connect
 * ECONNREFUSED 127.0.0.1:8080`); DNS and TLS failures are named (`TLS
 * certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)`). Never throws.
 */
export function describeRequestError(error: unknown, host: string): string {
  try {
    const reason = rootCause(error);
    const code = codeOf(reason);
    if (code === undefined) return describeThrown(reason);
    if (selfSigned.has(code)) return `TLS certificate is self-signed (${code})`;
    if (unknownIssuer.has(code)) return `TLS certificate is signed by an unknown authority (${code})`;
    if (code === 'CERT_HAS_EXPIRED') return `TLS certificate has expired (${code})`;
    if (code === 'CERT_NOT_YET_VALID') return `TLS certificate is not yet valid (${code})`;
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS certificate is not valid for ${host} (${code})`;
    if (dns.has(code)) return `DNS lookup of ${host} failed (${code})`;
    if (closed.has(code)) {
      const message = describeThrown(reason);
      return `the connection was closed before the response was complete: ${message.includes(code) ? message : `${message} (${code})`}`;
    }
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) return `TLS handshake failed: ${describeThrown(reason)}`;
    return describeThrown(reason);
  } catch {
    return 'the request failed';
  }
}

/** The innermost `cause` of an error (at most a few levels down). */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 4; depth += 1) {
    if (typeof current !== 'object' || current === null) return current;
    const cause = (current as { cause?: unknown }).cause;
    if (cause === undefined || cause === null) return current;
    current = cause;
  }
  return current;
}

/** The `code` of an error, or of the first inner error of an `AggregateError`. */
function codeOf(reason: unknown): string | undefined {
  if (typeof reason !== 'object' || reason === null) return undefined;
  const code = (reason as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const inner = (reason as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0) return codeOf(inner[0]);
  return undefined;
}
