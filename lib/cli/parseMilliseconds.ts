import { MAX_TIMER_MS } from '../options/maxTimerMs.js';
import { CliError } from './CliError.js';

/**
 * @internal A millisecond flag's value (`--timeout-ms 800`): a whole number
 * from 1 to {@link MAX_TIMER_MS} (beyond that, Node fires a timer after
 * 1 ms), or `undefined` when the flag was not given. The one parser of every
 * subcommand's millisecond flags.
 *
 * @param given - The flag's value as typed, or `undefined`.
 * @param flag - The flag, for the message (`--timeout-ms`).
 * @throws CliError (usage, exit 2) naming the flag and the range.
 */
export function parseMilliseconds(given: string | undefined, flag: string): number | undefined {
  if (given === undefined) return undefined;
  const value = /^\d+$/.test(given.trim()) ? Number(given.trim()) : Number.NaN;
  if (!(value >= 1 && value <= MAX_TIMER_MS)) throw new CliError(`${flag} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, got '${given}'`, 2, true);
  return value;
}
