import type { CheckContext } from './CheckContext.js';
import type { HealthCheckClass } from './CheckDefinition.js';
import { HealthCheck } from './HealthCheck.js';

/**
 * @internal A check whose instance is built after the {@link HealthService}
 * that runs it: the service takes its definition (name, timeout, tags)
 * from `target`'s registry at once, and each execution runs the instance
 * given to {@link DeferredCheck.resolve} later. The Nest bridge builds its
 * checks so: Nest builds its providers concurrently, and a dependency an
 * async factory provides exists only once every provider does (Nest's
 * `onModuleInit`), while `HealthService` must be injectable before then.
 *
 * An execution that starts before the instance exists waits for it under
 * the check's own timeout (its signal): no timer and no polling of its own;
 * it fails with the build's error when the build fails.
 */
export class DeferredCheck extends HealthCheck {
  #instance: HealthCheck | undefined;
  #failure: { readonly error: unknown } | undefined;
  /** The executions waiting for the instance (or the build's failure), each woken once. */
  readonly #waiting = new Set<() => void>();

  /** @param target - The class whose instance comes later: its registry entry is this check's definition. */
  constructor(readonly target: HealthCheckClass) {
    super();
  }

  /** Runs the instance's `check()`; before {@link DeferredCheck.resolve}, once it is given (or fails as the build did). */
  check(context: CheckContext): void | Promise<void> {
    const instance = this.#instance;
    if (instance !== undefined) return instance.check(context);
    if (this.#failure !== undefined) throw this.#failure.error;
    return this.#later(context);
  }

  /**
   * Gives the instance and lets every waiting execution run it.
   *
   * @throws TypeError when `instance` is not an instance of `target`, or one was given already.
   */
  resolve(instance: HealthCheck): void {
    if (!(instance instanceof this.target)) throw new TypeError(`DeferredCheck: the instance given for ${this.target.name} is not one of it`);
    if (this.#instance !== undefined || this.#failure !== undefined) throw new TypeError(`DeferredCheck: ${this.target.name} was settled already`);
    this.#instance = instance;
    this.#wake();
  }

  /** The build failed: every execution, waiting or later, fails with `error`. */
  fail(error: unknown): void {
    if (this.#instance !== undefined || this.#failure !== undefined) return;
    this.#failure = { error };
    this.#wake();
  }

  #wake(): void {
    for (const wake of this.#waiting) wake();
    this.#waiting.clear();
  }

  /** Waits until the instance is given, the build fails, or the execution's signal aborts (its timeout); no timer of its own. */
  async #later(context: CheckContext): Promise<void> {
    const { signal } = context;
    await new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const wake = (): void => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        this.#waiting.delete(wake);
        resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.add(wake);
    });
    // The engine has reported the timeout already when the signal aborted: nothing runs for it.
    if (signal.aborted) return;
    await this.check(context);
  }
}
