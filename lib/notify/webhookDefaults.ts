import { optionDefaults } from '../options/optionDefaults.js';
import { WEBHOOK_NOTIFIER_SCHEMA, type WebhookNotifierOptions } from './WebhookNotifierOptions.js';

/**
 * The defaults of {@link WebhookNotifierOptions}, read off the options'
 * schema (their one home), plus `drainMs`: how long `flush()` and `close()`
 * wait when given no bound, in milliseconds. The options' TSDoc and the
 * notifications guide's table quote them; a spec holds both to this table.
 *
 * @example
 * ```ts
 * import { WEBHOOK_DEFAULTS } from 'pulsecheck';
 *
 * const perRequestMs: number = WEBHOOK_DEFAULTS.timeoutMs;
 * console.log(`each request may take ${perRequestMs} ms`);
 * ```
 */
export const WEBHOOK_DEFAULTS: Readonly<Required<Omit<WebhookNotifierOptions, 'url' | 'service' | 'headers'>>> & {
  /** How long `flush()` and `close()` wait when given no bound, in milliseconds. */
  readonly drainMs: number;
} = Object.freeze({
  ...optionDefaults(WEBHOOK_NOTIFIER_SCHEMA),
  drainMs: 5_000,
});
