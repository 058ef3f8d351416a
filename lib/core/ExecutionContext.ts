import type { CheckContext } from './CheckContext.js';

/** @internal What an {@link ExecutionContext} forwards to: the execution that records. */
export interface ContextTarget {
  readonly signal: AbortSignal;
  addError(error: unknown): void;
  addWarning(message: string): void;
  observe(key: string, value: number | string | boolean, unit?: string): void;
}

/**
 * @internal The context a check receives: a frozen object with exactly the
 * members the public {@link CheckContext} names, never the engine's execution
 * record. Its own keys are `addError`, `addWarning` and `observe` (functions
 * that do not depend on `this`, so a check may destructure them); `signal`
 * is an accessor on its frozen prototype (shared, so no closure is made for
 * it), and the AbortController behind it is made only when a check reads it.
 */
export class ExecutionContext implements CheckContext {
  readonly #target: ContextTarget;
  declare readonly addError: CheckContext['addError'];
  declare readonly addWarning: CheckContext['addWarning'];
  declare readonly observe: CheckContext['observe'];

  constructor(target: ContextTarget) {
    this.#target = target;
    this.addError = (error: unknown): void => {
      target.addError(error);
    };
    this.addWarning = (message: string): void => {
      target.addWarning(message);
    };
    this.observe = (key: string, value: number | string | boolean, unit?: string): void => {
      target.observe(key, value, unit);
    };
    Object.freeze(this);
  }

  /** Aborted when the check's timeout passes (made on first read). */
  get signal(): AbortSignal {
    return this.#target.signal;
  }
}
Object.freeze(ExecutionContext.prototype);
