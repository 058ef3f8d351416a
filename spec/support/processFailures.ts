/**
 * For property-based specs: records, per run of a property, the unhandled
 * rejections, uncaught exceptions and process warnings it causes, so that a
 * failing run is reported with its counterexample (an exception thrown from
 * a timer callback would otherwise kill the mocha process). Warnings are
 * recorded instead of printed: a property may cause thousands.
 */
import { expect } from 'chai';

/** What one run caused, taken by {@link ProcessFailures.take}. */
export interface Caused {
  readonly unhandledRejections: string[];
  readonly uncaughtExceptions: string[];
  readonly warnings: { readonly warning: unknown; readonly type: unknown }[];
}

export interface ProcessFailures {
  /** Forgets what earlier runs left (call at the start of each run, after a turn of the event loop). */
  reset(): Promise<void>;
  /** What happened since {@link ProcessFailures.reset}, after letting pending rejections surface. */
  take(): Promise<Caused>;
  /** Asserts the run caused no unhandled rejection nor uncaught exception. */
  expectNone(): Promise<Caused>;
}

/** Names a thrown value in an assertion message, whatever it is. */
export function describeForSpec(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${String(value.message)}` : String(value);
  } catch {
    return 'an undescribable value';
  }
}

/** Installs the recorders for the enclosing `describe` (mocha before/after hooks). */
export function recordProcessFailures(): ProcessFailures {
  const unhandled: unknown[] = [];
  const uncaught: unknown[] = [];
  const warnings: { readonly warning: unknown; readonly type: unknown }[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };
  // While the properties run, these recorders replace the suite's own (spec/setup.ts, mocha): each
  // property asserts per run that nothing was recorded, so a failure comes with its counterexample
  // instead of failing a root hook, which would skip every later spec.
  let suiteUncaught: NodeJS.UncaughtExceptionListener[] = [];
  let suiteUnhandled: NodeJS.UnhandledRejectionListener[] = [];
  const emitWarning = process.emitWarning.bind(process);
  before(() => {
    suiteUnhandled = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', onUnhandled);
    suiteUncaught = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    process.emitWarning = (warning: unknown, type: unknown) => {
      warnings.push({ warning, type });
    };
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    for (const handler of suiteUnhandled) process.on('unhandledRejection', handler);
    process.off('uncaughtException', onUncaught);
    for (const handler of suiteUncaught) process.on('uncaughtException', handler);
    process.emitWarning = emitWarning;
  });
  const turn = (): Promise<void> =>
    new Promise((resolve) => {
      setImmediate(resolve);
    });
  const failures: ProcessFailures = {
    async reset() {
      await turn();
      unhandled.length = 0;
      uncaught.length = 0;
      warnings.length = 0;
    },
    async take() {
      await turn();
      return {
        unhandledRejections: unhandled.splice(0).map(describeForSpec),
        uncaughtExceptions: uncaught.splice(0).map(describeForSpec),
        warnings: warnings.splice(0),
      };
    },
    async expectNone() {
      const caused = await failures.take();
      expect(caused.unhandledRejections, 'unhandled rejections').to.deep.equal([]);
      expect(caused.uncaughtExceptions, 'uncaught exceptions').to.deep.equal([]);
      return caused;
    },
  };
  return failures;
}
