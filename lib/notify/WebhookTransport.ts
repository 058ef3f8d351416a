import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { describeNetworkError } from './describeNetworkError.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { warnNotifier } from './warnNotifier.js';

/** @internal How a {@link WebhookTransport} posts. */
export interface WebhookTransportOptions {
  readonly url: URL;
  /** Every request's headers (`content-length` is added). */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** The jitter's source, in [0, 1). @defaultValue `Math.random` */
  readonly random?: () => number;
}

/** @internal What delivering one message ended with. */
export type Delivery = 'sent' | 'failed' | 'aborted';

/** What one attempt ended with. */
type Attempt = { readonly ok: true } | { readonly ok: false; readonly retry: boolean; readonly reason: string; readonly retryAfterMs?: number };

/**
 * @internal Posts one JSON body to a webhook with Node's `http`/`https`,
 * retrying: each request under its own timeout, retried with exponential
 * backoff and jitter on network errors, timeouts, 5xx and 429 (obeying
 * `Retry-After`, capped), never on other answers. Gives up with a
 * `PulsecheckNotifierWarning` that names only the URL's origin.
 *
 * Nothing it holds keeps a process alive by itself: its timers are
 * `unref`ed, and so is the socket of a request in flight (a hung receiver
 * does not hold the process until the timeout). Whoever must wait for a
 * delivery (a `flush()`) holds the process with a timer of its own.
 */
export class WebhookTransport {
  readonly #options: WebhookTransportOptions;
  readonly #origin: string;
  readonly #random: () => number;

  constructor(options: WebhookTransportOptions) {
    this.#options = options;
    this.#origin = options.url.origin;
    this.#random = options.random ?? Math.random;
  }

  /**
   * Delivers `body`, with its retries; never rejects.
   *
   * @param signal - Aborts the request in flight and the wait between attempts.
   * @returns `'sent'` on a 2xx, `'failed'` when given up on, `'aborted'` when `signal` was.
   */
  async deliver(body: string, signal: AbortSignal): Promise<Delivery> {
    const { retries, retryDelayMs, maxRetryDelayMs } = this.#options;
    for (let attempt = 0; ; attempt += 1) {
      if (signal.aborted) return 'aborted';
      const outcome = await this.#post(body, signal);
      if (outcome.ok) return 'sent';
      if (signal.aborted) return 'aborted';
      if (!outcome.retry || attempt >= retries) {
        warnNotifier(`the webhook notifier for ${this.#origin} gave up on a message after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}: ${outcome.reason}`);
        return 'failed';
      }
      const backoff = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** attempt);
      const jittered = backoff / 2 + this.#random() * (backoff / 2);
      await sleep(outcome.retryAfterMs === undefined ? jittered : Math.min(maxRetryDelayMs, outcome.retryAfterMs), signal);
    }
  }

  /** One POST under its own timeout; never rejects. */
  #post(body: string, signal: AbortSignal): Promise<Attempt> {
    const { url, headers, timeoutMs } = this.#options;
    return new Promise<Attempt>((resolve) => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
      }, timeoutMs);
      timer.unref();
      const onAbort = (): void => {
        controller.abort(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      let settled = false;
      const settle = (attempt: Attempt): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(attempt);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      try {
        const request = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: controller.signal });
        // a request in flight never holds the process by itself (a reused keep-alive socket comes back ref'ed)
        request.on('socket', (socket) => socket.unref());
        request.on('response', (response: IncomingMessage) => {
          // free the connection: the body is not needed
          response.resume();
          response.on('error', () => undefined);
          settle(judge(response));
        });
        request.on('error', (error) => {
          if (timedOut && !signal.aborted) settle({ ok: false, retry: true, reason: `no answer within ${timeoutMs} ms` });
          else settle({ ok: false, retry: true, reason: describeNetworkError(error) });
        });
        request.end(body);
      } catch (error) {
        settle({ ok: false, retry: true, reason: describeNetworkError(error) });
      }
    });
  }
}

/** What an answer means: a 2xx is sent; a 429 or 5xx is retried (after its `Retry-After`); anything else is not. */
function judge(response: IncomingMessage): Attempt {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 429 || status >= 500) {
    const header: string | string[] | undefined = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : header?.[0]);
    return { ok: false, retry: true, reason: `HTTP ${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return { ok: false, retry: false, reason: `HTTP ${status} (not retried)` };
}

/** Waits `ms` (an unref'ed timer), or until `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
