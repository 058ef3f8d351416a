import { HealthCheckError } from '../errors/HealthCheckError.js';
import { isCheckErrorKind } from '../errors/isCheckErrorKind.js';
import type { CheckError } from '../report/CheckError.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import { describeRaw } from './describeThrown.js';
import { displayText } from './displayText.js';

/**
 * @internal Turns anything a check threw or recorded into a frozen
 * {@link CheckError}: a HealthCheckError keeps its kind and message; a string
 * passed to `addError` is `unavailable` (`fallbackForString`); anything else
 * is `unknown error`, and so is a HealthCheckError look-alike whose `kind` is
 * not one of the five. Messages are single-line, secret-redacted, then cut
 * to the display limit. Never throws.
 */
export function toCheckError(value: unknown, fallbackForString: CheckErrorKind = 'unknown error'): CheckError {
  if (HealthCheckError.is(value)) {
    return makeCheckError(readKind(value), readMessage(value));
  }
  const kind = typeof value === 'string' ? fallbackForString : 'unknown error';
  return makeCheckError(kind, describeRaw(value));
}

/**
 * @internal A frozen CheckError with a single-line, redacted message
 * (redacted first, then cut); an empty or blank message becomes the kind
 * itself (`addWarning('')` reads `warning: warning`), as for a
 * HealthCheckError thrown without a message.
 */
export function makeCheckError(kind: CheckErrorKind, message: string): CheckError {
  const text = displayText(message); // trimmed: blank is ''
  return Object.freeze({ kind, message: text === '' ? kind : text });
}

function readKind(error: HealthCheckError): CheckErrorKind {
  try {
    const kind: unknown = error.kind;
    return isCheckErrorKind(kind) ? kind : 'unknown error';
  } catch {
    return 'unknown error';
  }
}

/** The message of a HealthCheckError (or look-alike) as written, or its description when it is not a string. */
function readMessage(error: HealthCheckError): string {
  try {
    const message: unknown = error.message;
    if (typeof message === 'string') return message; // displayText looks at its first 8 KiB only
    if (typeof message === 'number' || typeof message === 'bigint' || typeof message === 'boolean') return String(message);
  } catch {
    // a getter that throws: describe the value instead
  }
  return describeRaw(error);
}
