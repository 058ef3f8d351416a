import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import type { HealthNotification } from './HealthNotification.js';
import { WEBHOOK_URL_RULE } from './webhookUrlRule.js';

/**
 * The payload shapes {@link WebhookNotifier} can post: `json` (its own
 * format, documented in the notifications guide), `slack` (an incoming
 * webhook message: `text` plus `blocks`) or `teams` (a Microsoft Teams
 * incoming webhook or Workflows message carrying an Adaptive Card).
 *
 * @example
 * ```ts
 * import type { WebhookFormat } from 'pulsecheck';
 *
 * const format: WebhookFormat = 'slack';
 * ```
 */
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/**
 * The payload formats a {@link WebhookNotifier} can post, in the order error
 * messages list them: the one home of that vocabulary ({@link WebhookFormat}
 * derives from it).
 *
 * @example
 * ```ts
 * import { WEBHOOK_FORMATS } from 'pulsecheck';
 *
 * console.log(WEBHOOK_FORMATS.join(', ')); // json, slack, teams
 * ```
 */
export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;

/**
 * Options of a {@link WebhookNotifier}. Only `url` is required. The
 * defaults are those of {@link WEBHOOK_DEFAULTS}, quoted below.
 *
 * @example
 * ```ts
 * import type { WebhookNotifierOptions } from 'pulsecheck';
 *
 * const options: WebhookNotifierOptions = {
 *   url: 'https://hooks.slack.com/services/T000/B000/XXXX',
 *   format: 'slack',
 *   service: 'orders-api',
 *   onlyFailures: true,
 * };
 * ```
 */
export interface WebhookNotifierOptions {
  /**
   * Where to POST: an `http:` or `https:` URL without credentials (put
   * those in `headers`). Treated as a secret: it never appears in a
   * warning or an error, only its origin (scheme, host and port).
   */
  readonly url: string | URL;
  /**
   * The payload shape, or a function that builds your own JSON body from
   * the (already filtered and throttled) notification.
   * @defaultValue `'json'`
   */
  readonly format?: WebhookFormat | ((notification: HealthNotification) => unknown);
  /**
   * A name for the service, shown in every message (`orders-api: …`).
   * @defaultValue none
   */
  readonly service?: string;
  /**
   * Extra request headers, such as `Authorization` (never logged).
   * @defaultValue none (`content-type: application/json` is always sent)
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Only failures: a change into `fail`, and the recovery of a check that
   * had failed. Changes into or out of `warn` alone send nothing.
   * @defaultValue `false`
   */
  readonly onlyFailures?: boolean;
  /**
   * Whether a check that passes again after a failure or a warning sends a
   * recovery message.
   * @defaultValue `true`
   */
  readonly sendRecovery?: boolean;
  /**
   * The throttle window, in milliseconds: a check that changes to a status
   * it was already notified of within this window (it flaps) sends nothing
   * the second time. `0` turns throttling off.
   * @defaultValue `300_000` (5 minutes)
   */
  readonly throttleMs?: number;
  /**
   * How long one request may take, in milliseconds, before it is aborted
   * (and retried).
   * @defaultValue `5_000`
   */
  readonly timeoutMs?: number;
  /**
   * How many times a message is retried after a network error, a timeout,
   * a 5xx or a 429 (other 4xx answers are not retried). An integer from 0 to 10.
   * @defaultValue `3`
   */
  readonly retries?: number;
  /**
   * The first retry's delay, in milliseconds; each next one doubles, with
   * jitter (a random delay between half and all of it). A 429's or 503's
   * `Retry-After` is obeyed instead, capped at `maxRetryDelayMs`.
   * @defaultValue `1_000`
   */
  readonly retryDelayMs?: number;
  /**
   * The longest delay between two attempts, in milliseconds.
   * @defaultValue `30_000`
   */
  readonly maxRetryDelayMs?: number;
  /**
   * How many messages may wait to be sent (an integer from 1 to 10,000).
   * When the queue is full, the oldest waiting message is dropped (the
   * newest says more about the present): {@link WebhookNotifier.stats}
   * counts it, and a `PulsecheckNotifierWarning` says so (once until the
   * queue drains again).
   * @defaultValue `100`
   */
  readonly queueSize?: number;
}

/**
 * @internal The schema of {@link WebhookNotifierOptions}: each option's
 * rule, error text and default, the one home of the defaults
 * ({@link WEBHOOK_DEFAULTS} is read off it; a spec holds the TSDoc above and
 * the notifications guide to it).
 */
export const WEBHOOK_NOTIFIER_SCHEMA = {
  url: WEBHOOK_URL_RULE,
  format: optionRules.withDefault(
    optionRules.custom(`one of ${WEBHOOK_FORMATS.join(', ')} or a function`, (value): value is NonNullable<WebhookNotifierOptions['format']> => typeof value === 'function' || (WEBHOOK_FORMATS as readonly unknown[]).includes(value)),
    'json',
  ),
  service: optionRules.string,
  headers: optionRules.headers,
  onlyFailures: optionRules.withDefault(optionRules.boolean, false),
  sendRecovery: optionRules.withDefault(optionRules.boolean, true),
  throttleMs: optionRules.withDefault(optionRules.nonNegativeMs, 300_000),
  timeoutMs: optionRules.withDefault(optionRules.positiveMs, 5_000),
  retries: optionRules.withDefault(optionRules.wholeNumber(0, 10), 3),
  retryDelayMs: optionRules.withDefault(optionRules.positiveMs, 1_000),
  maxRetryDelayMs: optionRules.withDefault(optionRules.positiveMs, 30_000),
  queueSize: optionRules.withDefault(optionRules.wholeNumber(1, 10_000), 100),
} as const satisfies OptionSchema<WebhookNotifierOptions>;
