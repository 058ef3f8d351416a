import { assertNonNegativeMs, assertOptionalBoolean, assertOptionsObject, assertPositiveMs, describeValue } from '../core/validateOptions.js';
import type { HealthNotification } from './HealthNotification.js';
import { parseWebhookHeaders } from './parseWebhookHeaders.js';
import { parseWebhookUrl } from './parseWebhookUrl.js';
import { WEBHOOK_DEFAULTS, WEBHOOK_INTEGER_RANGES } from './webhookDefaults.js';
import { WEBHOOK_FORMATS, type WebhookFormat, type WebhookNotifierOptions } from './WebhookNotifierOptions.js';

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

const optionKeys: readonly (keyof WebhookNotifierOptions)[] = [
  'url',
  'format',
  'service',
  'headers',
  'onlyFailures',
  'sendRecovery',
  'throttleMs',
  'timeoutMs',
  'retries',
  'retryDelayMs',
  'maxRetryDelayMs',
  'queueSize',
] satisfies readonly (keyof WebhookNotifierOptions)[];

/**
 * @internal Validates the options of a webhook notifier and applies the
 * defaults of {@link WEBHOOK_DEFAULTS}; errors name `owner`.
 *
 * @throws TypeError or RangeError naming the option (see {@link WebhookNotifier}'s constructor).
 */
export function resolveWebhookOptions(options: WebhookNotifierOptions, owner: string): ResolvedWebhookOptions {
  if ((options as WebhookNotifierOptions | undefined) === undefined) throw new TypeError(`${owner}: options with a url are required`);
  assertOptionsObject(options, owner, optionKeys);
  const url = parseWebhookUrl(options.url, owner);
  const format = options.format ?? WEBHOOK_DEFAULTS.format;
  if (typeof format !== 'function' && !WEBHOOK_FORMATS.includes(format)) {
    throw new TypeError(`${owner}: format must be one of ${WEBHOOK_FORMATS.join(', ')} or a function, got ${describeValue(format)}`);
  }
  if (options.service !== undefined && typeof options.service !== 'string') throw new TypeError(`${owner}: service must be a string, got ${describeValue(options.service)}`);
  const headers = { ...parseWebhookHeaders(options.headers, owner), 'content-type': 'application/json' };
  assertOptionalBoolean(options.onlyFailures, 'onlyFailures', owner);
  assertOptionalBoolean(options.sendRecovery, 'sendRecovery', owner);
  const throttleMs = options.throttleMs ?? WEBHOOK_DEFAULTS.throttleMs;
  assertNonNegativeMs(throttleMs, 'throttleMs', owner);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  assertPositiveMs(timeoutMs, 'timeoutMs', owner);
  const retryDelayMs = options.retryDelayMs ?? WEBHOOK_DEFAULTS.retryDelayMs;
  assertPositiveMs(retryDelayMs, 'retryDelayMs', owner);
  const maxRetryDelayMs = options.maxRetryDelayMs ?? WEBHOOK_DEFAULTS.maxRetryDelayMs;
  assertPositiveMs(maxRetryDelayMs, 'maxRetryDelayMs', owner);
  return {
    url,
    format,
    service: options.service,
    headers,
    onlyFailures: options.onlyFailures ?? WEBHOOK_DEFAULTS.onlyFailures,
    sendRecovery: options.sendRecovery ?? WEBHOOK_DEFAULTS.sendRecovery,
    throttleMs,
    timeoutMs,
    retries: assertInteger(options.retries ?? WEBHOOK_DEFAULTS.retries, 'retries', owner),
    retryDelayMs,
    maxRetryDelayMs,
    queueSize: assertInteger(options.queueSize ?? WEBHOOK_DEFAULTS.queueSize, 'queueSize', owner),
  };
}

function assertInteger(value: unknown, option: keyof typeof WEBHOOK_INTEGER_RANGES, owner: string): number {
  const [min, max] = WEBHOOK_INTEGER_RANGES[option];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${owner}: ${option} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}
