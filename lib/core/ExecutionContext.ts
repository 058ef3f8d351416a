import type { CheckContext } from './CheckContext.js';

/** @internal What an {@link ExecutionContext} forwards to: the execution that records. */
export interface ContextTarget {
  readonly signal: AbortSignal;
  addError(error: unknown): void;
  addWarning(message: string): void;
  observe(key: string, value: number | string | boolean, unit?: string): void;
}

/**
 * @internal The context a check receives: exactly the members the public
 * {@link CheckContext} names, never the engine's execution record. Every
 * member is an accessor on its frozen prototype, so a check cannot replace
 * one (an assignment throws a `TypeError`); `addError`, `addWarning` and
 * `observe` are functions that do not depend on `this` (a check may
 * destructure them), each made the first time it is read and the same one
 * after; the AbortController behind `signal` is made only when a check
 * reads it. A check that never reads its context costs one small object:
 * no closure, and no `Object.freeze` (a C++ call that was a tenth of the
 * engine's cost per execution).
 */
export class ExecutionContext implements CheckContext {
  readonly #target: ContextTarget;
  #addError: CheckContext['addError'] | undefined = undefined;
  #addWarning: CheckContext['addWarning'] | undefined = undefined;
  #observe: CheckContext['observe'] | undefined = undefined;

  constructor(target: ContextTarget) {
    this.#target = target;
  }

  /** Records an error (see {@link CheckContext.addError}); made on first read. */
  get addError(): CheckContext['addError'] {
    const target = this.#target;
    return (this.#addError ??= (error: unknown): void => {
      target.addError(error);
    });
  }

  /** Records a warning (see {@link CheckContext.addWarning}); made on first read. */
  get addWarning(): CheckContext['addWarning'] {
    const target = this.#target;
    return (this.#addWarning ??= (message: string): void => {
      target.addWarning(message);
    });
  }

  /** Records an observation (see {@link CheckContext.observe}); made on first read. */
  get observe(): CheckContext['observe'] {
    const target = this.#target;
    return (this.#observe ??= (key: string, value: number | string | boolean, unit?: string): void => {
      target.observe(key, value, unit);
    });
  }

  /** Aborted when the check's timeout passes (made on first read). */
  get signal(): AbortSignal {
    return this.#target.signal;
  }
}
Object.freeze(ExecutionContext.prototype);
