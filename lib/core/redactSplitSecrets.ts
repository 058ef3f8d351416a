import type { CheckError } from '../report/CheckError.js';
import { REDACTED } from './redactedMarker.js';
import { redactSecrets } from './redactSecrets.js';

/** A value long enough to pass for a secret after any key, flag or scheme that expects one. */
const probe = ' Xprobe0123456789';

/** The first word of a message (what a dangling `password=` before it would have named). */
const firstWord = /^\S+/;

/**
 * @internal The errors of one execution, with the start of each message
 * redacted when the message before it ends where a secret should begin
 * (`addError('auth failed: password=')` then `throw 'hunter2 (continued)'`):
 * each message was redacted on its own, so a secret split across two would
 * otherwise survive in the joined `output`, and in the second error. Costs
 * nothing for fewer than two errors; otherwise one redaction per message
 * but the last, each of at most 500 characters.
 *
 * @param errors - The errors, each message already redacted.
 * @returns `errors` itself when no message ends dangling.
 */
export function redactSplitSecrets(errors: readonly CheckError[]): readonly CheckError[] {
  if (errors.length < 2) return errors;
  let result: CheckError[] | undefined;
  for (let index = 1; index < errors.length; index += 1) {
    const previous = errors[index - 1] as CheckError;
    const current = errors[index] as CheckError;
    if (!endsDangling(previous.message) || current.message.startsWith(REDACTED)) continue;
    result ??= [...errors];
    result[index] = Object.freeze({ kind: current.kind, message: current.message.replace(firstWord, REDACTED) });
  }
  return result ?? errors;
}

/** Whether a message ends with a key, flag or scheme whose value would be redacted: a probe value put after it is. */
function endsDangling(message: string): boolean {
  const probed = `${message}${probe}`;
  return redactSecrets(probed) !== probed;
}
