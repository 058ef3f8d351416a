import type { StatusChange } from './StatusChange.js';

/** @internal What a {@link NotificationPolicy} is told to send. */
export interface NotificationPolicyOptions {
  /** Only changes into `fail` and the recovery of a check that had failed. */
  readonly onlyFailures: boolean;
  /** Whether a check that passes again after a failure or a warning is reported. */
  readonly sendRecovery: boolean;
  /** The throttle window in milliseconds; `0` turns throttling off. */
  readonly throttleMs: number;
}

/**
 * @internal What a webhook sends: the changes worth a message. A check's
 * first `pass` never is; a recovery only with `sendRecovery`; warnings alone
 * not with `onlyFailures`; and a check that changes to a status it was
 * notified of within `throttleMs` (it flaps) not the second time. Holds no
 * timer: the throttle compares the clock it is given.
 */
export class NotificationPolicy {
  readonly #options: NotificationPolicyOptions;
  /** Per check and status: when it was last let through. */
  readonly #lastSent = new Map<string, number>();
  #throttled = 0;

  constructor(options: NotificationPolicyOptions) {
    this.#options = options;
  }

  /** Changes held back by the throttle so far. */
  get throttled(): number {
    return this.#throttled;
  }

  /**
   * The changes of `changes` worth sending, in order; records those let
   * through for the throttle.
   *
   * @param now - The clock, in milliseconds (`performance.now()` by default).
   */
  select(changes: readonly StatusChange[], now = performance.now()): StatusChange[] {
    return changes.filter((change) => this.#worthSending(change, now));
  }

  #worthSending(change: StatusChange, now: number): boolean {
    const { current, previous } = change;
    if (current === 'pass' && (previous === undefined || previous === 'pass')) return false;
    if (current === 'pass' && !this.#options.sendRecovery) return false;
    if (this.#options.onlyFailures && current !== 'fail' && previous !== 'fail') return false;
    if (this.#options.throttleMs === 0) return true;
    const key = `${current}\u0000${String(change.check.name)}`;
    const last = this.#lastSent.get(key);
    if (last !== undefined && now - last < this.#options.throttleMs) {
      this.#throttled += 1;
      return false;
    }
    this.#lastSent.set(key, now);
    return true;
  }
}
