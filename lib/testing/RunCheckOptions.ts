/**
 * How {@link runCheck} runs a check.
 *
 * @example
 * ```ts
 * import type { RunCheckOptions } from 'pulsecheck/testing';
 *
 * const options: RunCheckOptions = { timeoutMs: 200 };
 * ```
 */
export interface RunCheckOptions {
  /**
   * The execution's timeout, in ms.
   * @defaultValue the class's `registerHealthCheck({ timeoutMs })`, else
   *   `DEFAULT_TIMEOUT_MS` (what a `HealthService` without options uses)
   */
  readonly timeoutMs?: number;
}
