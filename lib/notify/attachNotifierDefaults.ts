import { optionDefaults } from '../options/optionDefaults.js';
import { ATTACH_NOTIFIER_SCHEMA, type AttachNotifierOptions } from './AttachNotifierOptions.js';

/**
 * The defaults of {@link AttachNotifierOptions}, read off the options'
 * schema (their one home). The notifications guide's table quotes them; a
 * spec holds it to this table.
 *
 * @example
 * ```ts
 * import { ATTACH_NOTIFIER_DEFAULTS } from 'pulsecheck';
 *
 * const heldAtMostMs: number = ATTACH_NOTIFIER_DEFAULTS.coalesceMs;
 * console.log(`a batch is held at most ${heldAtMostMs} ms`);
 * ```
 */
export const ATTACH_NOTIFIER_DEFAULTS: Readonly<Required<AttachNotifierOptions>> = optionDefaults(ATTACH_NOTIFIER_SCHEMA);
