/**
 * What one execution of a check receives. A fresh context is made for every
 * execution, so nothing recorded in one execution reaches another.
 *
 * Anything recorded after the check's timeout is ignored. The methods may be
 * destructured (`check({ signal, addError })`): they do not depend on `this`.
 *
 * @example
 * ```ts
 * import { HealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';
 *
 * class QueueDepthHealthCheck extends HealthCheck {
 *   async check(context: CheckContext): Promise<void> {
 *     const response = await fetch('http://127.0.0.1:15672/api/queues', { signal: context.signal });
 *     if (!response.ok) throw new ServiceUnavailable(`management API answered ${response.status}`);
 *     const queues = (await response.json()) as { messages: number }[];
 *     const depth = queues.reduce((sum, queue) => sum + queue.messages, 0);
 *     context.observe('depth', depth, 'messages');
 *     if (depth > 10_000) context.addWarning(`${depth} messages waiting`);
 *   }
 * }
 * ```
 */
export interface CheckContext {
  /**
   * Aborted when the check's timeout passes (its `reason` is a
   * `DOMException` named `TimeoutError`). Pass it to anything that accepts a
   * signal, or listen for `abort` to release what the check holds: the run
   * does not wait for the check after its timeout.
   */
  readonly signal: AbortSignal;

  /**
   * Records an error; the check fails (or warns, for a `ServiceWarning`)
   * even if it then returns normally. May be called any number of times:
   * one error each.
   *
   * @param error - A `HealthCheckError` keeps its kind; a string is
   *   recorded as `unavailable`; anything else as `unknown error` with a
   *   readable message.
   */
  addError(this: void, error: unknown): void;

  /**
   * Records a warning: the check reports `warn` (HTTP 200) unless it also
   * has errors.
   *
   * @param message - What deserves attention.
   */
  addWarning(this: void, message: string): void;

  /**
   * Records a measured value under `key` in the result's `observations`
   * (a later call with the same key replaces the value). The key, a string
   * value and the unit are put on one line and secret-redacted like
   * messages; keys and units are cut to 200 characters, values to 500.
   *
   * @param key - A short name (`"latencyMs"`, `"connections"`).
   * @param value - A number, string or boolean.
   * @param unit - The unit of `value` (`"ms"`, `"bytes"`).
   * @throws TypeError when `key` is empty or only whitespace, `value` is not a
   *   number, string or boolean, or `unit` is not a string.
   */
  observe(this: void, key: string, value: number | string | boolean, unit?: string): void;
}
