import type { Delivery } from './WebhookTransport.js';
import type { WebhookFlushResult } from './WebhookFlushResult.js';

/** @internal The counters of a {@link WebhookQueue}. */
export interface WebhookQueueCounts {
  readonly sent: number;
  readonly failed: number;
  readonly dropped: number;
  /** Waiting, plus the one being delivered. */
  readonly queued: number;
}

/**
 * @internal A bounded queue of message bodies, delivered one at a time by
 * `deliver` in the background. When full, the oldest waiting message is
 * dropped (the newest says more about now), reported once per backlog
 * through `onDrop`.
 *
 * {@link WebhookQueue.flush} is the only thing that holds the process: a
 * ref'ed timer for exactly its own deadline, cleared the moment the queue
 * drains, so a retry pending in an otherwise idle process is still made
 * (and a process with nothing to wait for exits at once).
 */
export class WebhookQueue {
  readonly #capacity: number;
  readonly #deliver: (body: string, signal: AbortSignal) => Promise<Delivery>;
  readonly #onFirstDrop: () => void;
  readonly #waiting: string[] = [];
  #pump: Promise<void> | undefined;
  #inFlight = 0;
  #warnedDrop = false;
  /** Aborts the delivery in flight (close ran out of time). */
  #abort = new AbortController();
  #sent = 0;
  #failed = 0;
  #dropped = 0;

  /**
   * @param capacity - How many messages may wait.
   * @param deliver - Delivers one body; never rejects.
   * @param onFirstDrop - Called on the first drop of a backlog (until the queue drains).
   */
  constructor(capacity: number, deliver: (body: string, signal: AbortSignal) => Promise<Delivery>, onFirstDrop: () => void) {
    this.#capacity = capacity;
    this.#deliver = deliver;
    this.#onFirstDrop = onFirstDrop;
  }

  get counts(): WebhookQueueCounts {
    return { sent: this.#sent, failed: this.#failed, dropped: this.#dropped, queued: this.#waiting.length + this.#inFlight };
  }

  /** Counts a message given up on before it was queued (it could not be built). */
  countFailed(): void {
    this.#failed += 1;
  }

  /** Queues `body` (dropping the oldest waiting one when full) and starts delivering. */
  push(body: string): void {
    if (this.#waiting.length >= this.#capacity) {
      this.#waiting.shift();
      this.#dropped += 1;
      if (!this.#warnedDrop) {
        this.#warnedDrop = true;
        this.#onFirstDrop();
      }
    }
    this.#waiting.push(body);
    this.#pump ??= this.#drain();
  }

  /**
   * Waits until every message is delivered or given up on, or `timeoutMs`
   * has passed, holding the process meanwhile (and no longer).
   *
   * @returns What happened while it waited, and what is still pending.
   */
  async flush(timeoutMs: number): Promise<WebhookFlushResult> {
    const before = this.counts;
    const pump = this.#pump;
    if (pump !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        // ref'ed on purpose: the process lives until the queue drains or this deadline passes
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([pump, deadline]);
      clearTimeout(timer);
    }
    return this.#since(before);
  }

  /**
   * Drops every waiting message, aborts the one in flight, and waits for
   * the delivery loop to stop (at once: every wait of a delivery honours
   * the abort).
   *
   * @returns What was dropped.
   */
  async abort(): Promise<WebhookFlushResult> {
    const before = this.counts;
    this.#dropped += this.#waiting.length;
    this.#waiting.length = 0;
    this.#abort.abort(new DOMException('the webhook notifier was closed', 'AbortError'));
    await this.#pump;
    return this.#since(before);
  }

  #since(before: WebhookQueueCounts): WebhookFlushResult {
    const after = this.counts;
    return Object.freeze({
      drained: after.queued === 0,
      sent: after.sent - before.sent,
      lost: after.failed - before.failed + (after.dropped - before.dropped),
      pending: after.queued,
    });
  }

  /** Delivers the waiting messages one at a time; never rejects. */
  async #drain(): Promise<void> {
    try {
      for (let body = this.#waiting.shift(); body !== undefined; body = this.#waiting.shift()) {
        this.#inFlight = 1;
        const delivery = await this.#deliver(body, this.#abort.signal);
        this.#inFlight = 0;
        if (delivery === 'sent') this.#sent += 1;
        else if (delivery === 'failed') this.#failed += 1;
        else this.#dropped += 1;
      }
    } catch {
      // deliver never rejects; should it, the queue goes on with the next push
    } finally {
      this.#inFlight = 0;
      this.#pump = undefined;
      this.#warnedDrop = false;
      if (this.#abort.signal.aborted) this.#abort = new AbortController();
    }
  }
}
