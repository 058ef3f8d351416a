import { HealthCheckError } from '../errors/HealthCheckError.js';
import type { CheckError } from '../report/CheckError.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import { describeThrown } from './describeThrown.js';
import { redactSecrets } from './redactSecrets.js';

/**
 * @internal Turns anything a check threw or recorded into a frozen
 * {@link CheckError}: a HealthCheckError keeps its kind and message; a string
 * passed to `addError` is `unavailable` (`fallbackForString`); anything else
 * is `unknown error`. Messages are single-line and secret-redacted.
 */
export function toCheckError(value: unknown, fallbackForString: CheckErrorKind = 'unknown error'): CheckError {
  if (HealthCheckError.is(value)) {
    const message = value.message.trim() === '' ? value.kind : value.message;
    return makeCheckError(value.kind, message);
  }
  const kind = typeof value === 'string' ? fallbackForString : 'unknown error';
  return makeCheckError(kind, describeThrown(value));
}

/** @internal A frozen CheckError with a single-line, redacted message. */
export function makeCheckError(kind: CheckErrorKind, message: string): CheckError {
  return Object.freeze({ kind, message: redactSecrets(describeThrown(message)) });
}
