import { validateHeaderName, validateHeaderValue } from 'node:http';
import { assertNonNegativeMs, assertOptionalBoolean, assertOptionsObject, assertPositiveMs, describeValue } from '../core/validateOptions.js';
import type { HealthNotification } from './HealthNotification.js';
import type { Notifier } from './Notifier.js';
import type { StatusChange } from './StatusChange.js';
import { webhookPayload } from './webhookPayload.js';
import type { WebhookFormat, WebhookNotifierOptions } from './WebhookNotifierOptions.js';

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
];
const formats: readonly WebhookFormat[] = ['json', 'slack', 'teams'];
const owner = 'WebhookNotifier';

/** One message waiting to be posted. */
interface Message {
  readonly body: string;
}

/** What one attempt ended with. */
type Attempt = { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly reason: string; readonly retryAfterMs?: number };

/**
 * Counters of a {@link WebhookNotifier}, for metrics and tests.
 *
 * @example
 * ```ts
 * import { WebhookNotifier, type WebhookNotifierStats } from 'pulsecheck';
 *
 * const notifier = new WebhookNotifier({ url: 'https://alerts.example.com/hook' });
 * const stats: WebhookNotifierStats = notifier.stats;
 * console.log(stats.sent, stats.dropped);
 * ```
 */
export interface WebhookNotifierStats {
  /** Messages the receiver accepted (a 2xx answer). */
  readonly sent: number;
  /** Messages given up on: retries exhausted, or a 4xx other than 429. */
  readonly failed: number;
  /** Messages dropped unsent: the queue was full, or `close()` ran out of time. */
  readonly dropped: number;
  /** Messages waiting or being sent. */
  readonly queued: number;
  /** Changes not sent because of the throttle window. */
  readonly throttled: number;
}

/**
 * A {@link Notifier} that POSTs status changes to a webhook with Node's own
 * `fetch` (no dependency): pulsecheck's JSON by default, or ready-made
 * payloads for Slack and Microsoft Teams incoming webhooks.
 *
 * What it sends: a message per batch of changes (a dependency that fails
 * and the checks it blocks arrive together, the root cause named once, its
 * dependents listed under it), a recovery message when a check passes
 * again, nothing for a check's first `pass`. A check that flaps back to a
 * status it was notified of within `throttleMs` sends nothing the second time.
 *
 * It never slows nor breaks a run: {@link WebhookNotifier.notify} only
 * queues (a bounded queue that drops its oldest message when full, counted
 * in {@link WebhookNotifier.stats} and reported by a
 * `PulsecheckNotifierWarning`), and one message at a time is posted in the
 * background, each request under its own timeout, retried with exponential
 * backoff and jitter on network errors, timeouts, 5xx and 429 (obeying
 * `Retry-After`), never on other 4xx. Its timers are `unref`ed, and
 * `fetch`'s idle keep-alive sockets do not keep the process alive either.
 * Call {@link WebhookNotifier.close} on shutdown to drain the queue within
 * a bound.
 *
 * The URL is a secret (a Slack or Teams webhook URL is its own credential):
 * warnings name only its origin. Messages carry check outputs, already
 * redacted, and are redacted again.
 *
 * @example
 * ```ts
 * import { HealthCheckRegistry, HealthService, WebhookNotifier, healthModule } from 'pulsecheck';
 * import { Container } from 'inversify';
 *
 * const container = new Container();
 * container.load(healthModule({ registry: new HealthCheckRegistry() }));
 * const health = container.get(HealthService);
 *
 * const url = process.env.PULSECHECK_WEBHOOK_URL;
 * if (url !== undefined) {
 *   const notifier = new WebhookNotifier({ url, format: 'slack', service: 'orders-api' });
 *   health.addNotifier(notifier);
 *   process.once('SIGTERM', () => void notifier.close(5_000));
 * }
 * ```
 */
export class WebhookNotifier implements Notifier {
  readonly #url: URL;
  readonly #origin: string;
  readonly #format: WebhookFormat | ((notification: HealthNotification) => unknown);
  readonly #service: string | undefined;
  readonly #headers: Record<string, string>;
  readonly #onlyFailures: boolean;
  readonly #sendRecovery: boolean;
  readonly #throttleMs: number;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #queueSize: number;

  readonly #queue: Message[] = [];
  /** Per check and status: when it was last notified (`performance.now()`). */
  readonly #lastSent = new Map<string, number>();
  #pump: Promise<void> | undefined;
  #closed = false;
  #warnedDrop = false;
  /** Aborts the request in flight and the wait between attempts (close ran out of time). */
  #abort = new AbortController();
  #sent = 0;
  #failed = 0;
  #dropped = 0;
  #throttled = 0;
  #inFlight = 0;

  /**
   * @param options - The URL and how to send; see {@link WebhookNotifierOptions}.
   * @throws TypeError for options that are not an object, an unknown key, a
   *   URL that is not `http:`/`https:` or carries credentials, an unknown
   *   format, or malformed headers or booleans.
   * @throws RangeError for a timeout, delay or window that is not a
   *   positive (throttle: non-negative) finite number of milliseconds, or
   *   `retries` / `queueSize` out of range.
   */
  constructor(options: WebhookNotifierOptions) {
    if (options === undefined) throw new TypeError(`${owner}: options with a url are required`);
    assertOptionsObject(options, owner, optionKeys);
    this.#url = parseUrl(options.url);
    this.#origin = this.#url.origin;
    const format = options.format ?? 'json';
    if (typeof format !== 'function' && !formats.includes(format)) {
      throw new TypeError(`${owner}: format must be one of ${formats.join(', ')} or a function, got ${describeValue(format)}`);
    }
    this.#format = format;
    if (options.service !== undefined && typeof options.service !== 'string') throw new TypeError(`${owner}: service must be a string, got ${describeValue(options.service)}`);
    this.#service = options.service;
    this.#headers = { ...checkHeaders(options.headers), 'content-type': 'application/json' };
    assertOptionalBoolean(options.onlyFailures, 'onlyFailures', owner);
    assertOptionalBoolean(options.sendRecovery, 'sendRecovery', owner);
    this.#onlyFailures = options.onlyFailures ?? false;
    this.#sendRecovery = options.sendRecovery ?? true;
    this.#throttleMs = options.throttleMs ?? 300_000;
    assertNonNegativeMs(this.#throttleMs, 'throttleMs', owner);
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    assertPositiveMs(this.#timeoutMs, 'timeoutMs', owner);
    this.#retryDelayMs = options.retryDelayMs ?? 1_000;
    assertPositiveMs(this.#retryDelayMs, 'retryDelayMs', owner);
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    assertPositiveMs(this.#maxRetryDelayMs, 'maxRetryDelayMs', owner);
    this.#retries = assertInteger(options.retries ?? 3, 'retries', 0, 10);
    this.#queueSize = assertInteger(options.queueSize ?? 100, 'queueSize', 1, 10_000);
  }

  /** The counters: sent, failed, dropped, queued and throttled. */
  get stats(): WebhookNotifierStats {
    return { sent: this.#sent, failed: this.#failed, dropped: this.#dropped, queued: this.#queue.length + this.#inFlight, throttled: this.#throttled };
  }

  /**
   * Queues a message for the changes worth sending (see the class
   * description), and returns at once. After {@link WebhookNotifier.close},
   * does nothing.
   *
   * @param notification - A batch of status changes.
   */
  notify(notification: HealthNotification): void {
    if (this.#closed) return;
    const changes = notification.changes.filter((change) => this.#worthSending(change));
    if (changes.length === 0) return;
    let body: string;
    try {
      const shaped = { ...notification, changes: Object.freeze(changes) };
      const payload = typeof this.#format === 'function' ? this.#format(shaped) : webhookPayload(this.#format, shaped, this.#service);
      body = JSON.stringify(payload) ?? 'null';
    } catch (error) {
      this.#failed += 1;
      warn(`the webhook notifier for ${this.#origin} could not build a message: ${error instanceof Error ? error.name : typeof error}`);
      return;
    }
    if (this.#queue.length >= this.#queueSize) {
      this.#queue.shift();
      this.#dropped += 1;
      if (!this.#warnedDrop) {
        this.#warnedDrop = true;
        warn(`the webhook notifier for ${this.#origin} dropped its oldest message: its queue of ${this.#queueSize} is full (the receiver is slow or down)`);
      }
    }
    this.#queue.push({ body });
    this.#pump ??= this.#drain();
  }

  /**
   * Waits until every queued message is sent or given up on, or until
   * `timeoutMs` has passed (messages then stay queued).
   *
   * @param timeoutMs - The longest wait, in milliseconds.
   * @returns Whether the queue is empty.
   */
  async flush(timeoutMs = 5_000): Promise<boolean> {
    assertPositiveMs(timeoutMs, 'flush timeoutMs', owner);
    const pump = this.#pump;
    if (pump === undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([pump, timedOut]);
    clearTimeout(timer);
    return this.#pump === undefined;
  }

  /**
   * Stops accepting messages, waits up to `timeoutMs` for the queue to
   * drain, then aborts the request in flight and drops what is left
   * (counted in `dropped`). Afterwards no timer or request of this notifier
   * is left. Safe to call twice.
   *
   * @param timeoutMs - The longest wait, in milliseconds.
   */
  async close(timeoutMs = 5_000): Promise<void> {
    assertPositiveMs(timeoutMs, 'close timeoutMs', owner);
    this.#closed = true;
    if (await this.flush(timeoutMs)) return;
    this.#dropped += this.#queue.length;
    this.#queue.length = 0;
    this.#abort.abort(new DOMException('the webhook notifier was closed', 'AbortError'));
    await this.#pump;
  }

  /** Whether `change` passes the filters (first pass, only failures, recovery) and the throttle. */
  #worthSending(change: StatusChange): boolean {
    const { current, previous } = change;
    if (current === 'pass' && (previous === undefined || previous === 'pass')) return false;
    if (current === 'pass' && !this.#sendRecovery) return false;
    if (this.#onlyFailures && current !== 'fail' && previous !== 'fail') return false;
    if (this.#throttleMs === 0) return true;
    const key = `${current}\u0000${String(change.check.name)}`;
    const now = performance.now();
    const last = this.#lastSent.get(key);
    if (last !== undefined && now - last < this.#throttleMs) {
      this.#throttled += 1;
      return false;
    }
    this.#lastSent.set(key, now);
    return true;
  }

  /** Posts the queued messages one at a time; never rejects. */
  async #drain(): Promise<void> {
    try {
      for (let message = this.#queue.shift(); message !== undefined; message = this.#queue.shift()) {
        this.#inFlight = 1;
        await this.#deliver(message);
        this.#inFlight = 0;
      }
    } catch {
      // #deliver never throws; should it, the queue keeps going next time
    } finally {
      this.#inFlight = 0;
      this.#pump = undefined;
      this.#warnedDrop = false;
      if (this.#abort.signal.aborted) this.#abort = new AbortController();
    }
  }

  /** One message, with its retries. */
  async #deliver(message: Message): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.#abort.signal.aborted) {
        this.#dropped += 1;
        return;
      }
      const outcome = await this.#post(message.body);
      if (outcome.ok) {
        this.#sent += 1;
        return;
      }
      if (this.#abort.signal.aborted) {
        this.#dropped += 1;
        return;
      }
      if (!outcome.retry || attempt >= this.#retries) {
        this.#failed += 1;
        warn(`the webhook notifier for ${this.#origin} gave up on a message after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}: ${outcome.reason}`);
        return;
      }
      const backoff = Math.min(this.#maxRetryDelayMs, this.#retryDelayMs * 2 ** attempt);
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      await this.#sleep(outcome.retryAfterMs === undefined ? jittered : Math.min(this.#maxRetryDelayMs, outcome.retryAfterMs));
    }
  }

  /** One POST under its own timeout; never throws. */
  async #post(body: string): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new DOMException(`no answer within ${this.#timeoutMs} ms`, 'TimeoutError'));
    }, this.#timeoutMs);
    timer.unref();
    const onClose = (): void => {
      controller.abort(this.#abort.signal.reason);
    };
    this.#abort.signal.addEventListener('abort', onClose, { once: true });
    try {
      const response = await fetch(this.#url, { method: 'POST', headers: this.#headers, body, signal: controller.signal, redirect: 'error' });
      // free the connection: the body is not needed
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { ok: true };
      const status = response.status;
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        return { ok: false, retry: true, reason: `HTTP ${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
      }
      return { ok: false, retry: false, reason: `HTTP ${status} (not retried)` };
    } catch (error) {
      if (controller.signal.aborted && !this.#abort.signal.aborted) return { ok: false, retry: true, reason: `no answer within ${this.#timeoutMs} ms` };
      return { ok: false, retry: true, reason: describeNetworkError(error) };
    } finally {
      clearTimeout(timer);
      this.#abort.signal.removeEventListener('abort', onClose);
    }
  }

  /** Waits `ms` (an unref'ed timer), or until close aborts. */
  #sleep(ms: number): Promise<void> {
    const signal = this.#abort.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

function parseUrl(value: unknown): URL {
  let url: URL;
  try {
    if (!(value instanceof URL) && typeof value !== 'string') throw new TypeError('not a string');
    url = new URL(String(value));
  } catch {
    // the value itself is not echoed: it may be a secret
    throw new TypeError(`${owner}: url must be an absolute http: or https: URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${owner}: url must be an http: or https: URL, got ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new TypeError(`${owner}: url must not carry credentials; send them in headers (Authorization)`);
  return url;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) throw new TypeError(`${owner}: headers must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      if (typeof value !== 'string') throw new TypeError('not a string');
      validateHeaderValue(name, value);
    } catch {
      // the value is not echoed: it may be a credential
      throw new TypeError(`${owner}: header '${name.slice(0, 100)}' must have a valid name and a string value`);
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

function assertInteger(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${owner}: ${option} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; `undefined` when absent or malformed. */
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A network error in our own words (its code), never its raw message, which could carry the URL. */
function describeNetworkError(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : undefined;
  return code === undefined ? 'the request failed' : `the request failed (${code.slice(0, 40)})`;
}

function warn(message: string): void {
  try {
    process.emitWarning(`pulsecheck: ${message}`, 'PulsecheckNotifierWarning');
  } catch {
    // a process 'warning' handler cannot break anything here
  }
}
