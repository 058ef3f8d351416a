import { validateOptions } from '../options/validateOptions.js';
import type { HealthNotification } from './HealthNotification.js';
import { optionDefaults } from '../options/optionDefaults.js';
import { WEBHOOK_NOTIFIER_SCHEMA, type WebhookFormat, type WebhookNotifierOptions } from './WebhookNotifierOptions.js';

/** @internal {@link WebhookNotifierOptions} validated, with every default applied. */
export interface ResolvedWebhookOptions {
  readonly url: URL;
  readonly format: WebhookFormat | ((notification: HealthNotification) => unknown);
  readonly service: string | undefined;
  /** The request headers, `content-type: application/json` included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly onlyFailures: boolean;
  readonly sendRecovery: boolean;
  readonly throttleMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly queueSize: number;
}

const defaults = optionDefaults(WEBHOOK_NOTIFIER_SCHEMA);

/**
 * @internal Validates the options of a webhook notifier by
 * {@link WEBHOOK_NOTIFIER_SCHEMA} and applies its defaults
 * (those `WEBHOOK_DEFAULTS` lists); errors name `owner`. Header names are
 * lower-cased, and `content-type: application/json` always wins.
 *
 * @throws TypeError or RangeError naming the option (see {@link WebhookNotifier}'s constructor).
 */
export function resolveWebhookOptions(options: WebhookNotifierOptions, owner: string): ResolvedWebhookOptions {
  const valid = validateOptions(WEBHOOK_NOTIFIER_SCHEMA, options, owner);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(valid.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  return {
    ...defaults,
    ...valid,
    url: new URL(valid.url instanceof URL ? valid.url.href : valid.url),
    service: valid.service,
    headers,
  };
}
