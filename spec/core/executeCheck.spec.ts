import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, ServiceUnavailable, type CheckContext, type CheckResult } from 'pulsecheck';
import type { CheckDefinition } from '#lib/core/CheckDefinition.js';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { executeCheck, type ExecutionSink } from '#lib/core/executeCheck.js';
import { ExecutionScope } from '#lib/core/ExecutionScope.js';
import { PendingExecution } from '#lib/core/PendingExecution.js';
import { activeResourcesAfterATurn, settleResources } from '../support/activeResources.js';
import { checkClass, deferred, serviceFor } from './fixtures.js';

const definition: CheckDefinition = Object.freeze({
  target: HealthCheck,
  name: 'Hostile',
  critical: true,
  timeoutMs: 100,
  tags: Object.freeze([]),
  description: undefined,
  cacheTtlMs: undefined,
});

/** A check instance whose check() is `body`. */
function instance(body: (context: CheckContext) => unknown): HealthCheck {
  return { check: body } as unknown as HealthCheck;
}

/** A value that throws on every operation anything could try on it. */
function trapEverything(): object {
  return new Proxy(
    {},
    new Proxy(
      {},
      {
        get() {
          return () => {
            throw new Error('trapped');
          };
        },
      },
    ),
  );
}

/** A value that records the name of every operation tried on it (and otherwise behaves as a plain object). */
function recordTouches(touched: string[]): object {
  return new Proxy(
    {},
    new Proxy(
      {},
      {
        get(_, trap: keyof typeof Reflect) {
          touched.push(trap);
          return Reflect[trap];
        },
      },
    ),
  );
}

/** Runs executeCheck, failing the spec if it throws synchronously. */
function execute(body: (context: CheckContext) => unknown, timeoutMs = 100): Promise<CheckResult> | PendingExecution {
  let pending: Promise<CheckResult> | PendingExecution | undefined;
  expect(() => {
    pending = executeCheck(new ExecutionScope(), definition, instance(body), timeoutMs);
  }, 'executeCheck threw synchronously').not.to.throw();
  return pending as Promise<CheckResult> | PendingExecution;
}

/** Runs executeCheck, and gives what aborts it from outside (a pending execution's abortBy; nothing once settled). */
function executeAbortable(body: (context: CheckContext) => unknown, timeoutMs = 100): { result: PromiseLike<CheckResult>; abort: (reason: DOMException) => void } {
  const result = execute(body, timeoutMs);
  return {
    result,
    abort: (reason) => {
      if (!(result instanceof Promise)) result.abortBy(reason);
    },
  };
}

describe('executeCheck', () => {
  let resourcesBefore: Map<string, number>;
  beforeEach(async () => {
    resourcesBefore = await activeResourcesAfterATurn();
  });
  afterEach(async () => {
    expect(DeadlineTimer.pending).to.equal(0);
    expect(await settleResources(resourcesBefore)).to.deep.equal({});
  });

  describe('turns whatever a check does into a result, never throwing nor rejecting', () => {
    const cases: [string, (context: CheckContext) => unknown, string][] = [
      ['a thenable whose then throws', () => ({ then: () => { throw new Error('then broke'); } }), 'fail'],
      ['a thenable whose then getter throws', () => ({ get then(): never { throw new Error('getter broke'); } }), 'fail'],
      ['a returned Proxy that throws on every trap', () => trapEverything(), 'fail'],
      ['a synchronous throw of a Proxy that throws on every trap', () => { throw trapEverything() as Error; }, 'fail'],
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point is a hostile reason
      ['an async rejection with a Proxy that throws on every trap', () => Promise.reject(trapEverything()), 'fail'],
      ['a thenable that rejects with a Proxy that throws on every trap', () => ({ then: (_: unknown, reject: (reason: unknown) => void) => { reject(trapEverything()); } }), 'fail'],
      ['a thenable that fulfils synchronously, then throws', () => ({ then: (resolve: () => void) => { resolve(); throw new Error('after'); } }), 'pass'],
      ['a thenable that calls both callbacks, many times', () => ({ then: (resolve: () => void, reject: (reason: unknown) => void) => { resolve(); reject(new Error('no')); resolve(); } }), 'pass'],
      ['a thenable that rejects synchronously, then throws', () => ({ then: (_: unknown, reject: (reason: unknown) => void) => { reject(new Error('first')); throw new Error('second'); } }), 'fail'],
      ['a function with a then method that throws', () => Object.assign(() => undefined, { then: () => { throw new Error('fn then'); } }), 'fail'],
      ['an Error whose message is a number', () => { const error = new Error('x'); (error as { message: unknown }).message = 42; throw error; }, 'fail'],
      ['an Error whose message getter throws', () => { throw Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('no message'); } }); }, 'fail'],
      ['an object without a prototype', () => { throw Object.create(null); }, 'fail'],
      ['a returned string', () => 'not a promise', 'pass'],
      ['a returned null', () => null, 'pass'],
      ['a returned object without then', () => ({ status: 'ok' }), 'pass'],
    ];
    for (const [what, body, status] of cases) {
      it(`handles ${what}`, async () => {
        const result = await execute(body);
        expect(result.status).to.equal(status);
        expect(result.errors.every((error) => typeof error.message === 'string' && error.message !== '')).to.equal(true);
      });
    }

    it('times out a thenable that never calls back', async () => {
      const result = await execute(() => ({ then: () => undefined }), 30);
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
    });

    it('records hostile values passed to addError and addWarning instead of throwing at the check', async () => {
      const thrown: unknown[] = [];
      const result = await execute((context) => {
        for (const record of [() => { context.addError(trapEverything()); }, () => { context.addWarning(trapEverything() as unknown as string); }, () => { context.addWarning(Symbol('s') as unknown as string); }]) {
          try {
            record();
          } catch (error) {
            thrown.push(error);
          }
        }
      });
      expect(thrown).to.deep.equal([]);
      expect(result.errors.map((error) => error.kind)).to.deep.equal(['unknown error', 'warning', 'warning']);
    });
  });

  describe('having a sink', () => {
    /** A sink that logs what it hears, and finishes each verdict as a copy marked with its key. */
    function loggingSink(log: string[]): ExecutionSink<string> {
      return {
        started(key, execution) {
          log.push(`started ${key} ${PendingExecution.isPending(execution)}`);
        },
        finish(key, result, now, execution) {
          log.push(`finish ${key} ${result.status} ${typeof now} ${PendingExecution.isPending(execution)}`);
          return Object.freeze({ ...result, output: `${key}: ${result.output}` });
        },
      };
    }
    const cases: [string, () => unknown][] = [
      ['returns synchronously', () => undefined],
      ['throws synchronously', () => {
        throw new ServiceUnavailable('down');
      }],
      ['settles in one microtask', () => Promise.resolve()],
      ['settles inside its own then()', () => ({
        then: (resolve: () => void): void => {
          resolve();
        },
      })],
      ['rejects a few microtasks later', () => Promise.resolve().then(() => Promise.reject(new ServiceUnavailable('down')))],
    ];
    for (const [how, body] of cases) {
      it(`tells it of the execution before anything can settle it, then resolves with what it finishes, for a check that ${how}`, async () => {
        const log: string[] = [];
        let started: PromiseLike<CheckResult> | undefined;
        const sink = loggingSink(log);
        const spied: ExecutionSink<string> = {
          started(key, execution) {
            started = execution;
            sink.started(key, execution);
          },
          finish: (key, result, now, execution) => sink.finish(key, result, now, execution),
        };
        const returned = executeCheck(new ExecutionScope(), definition, instance(body), 100, spied, 'k');
        expect(returned).to.equal(started);
        const result = await returned;
        expect(result.output).to.match(/^k: /);
        expect(log[0]).to.equal('started k true');
        expect(log[1]).to.match(/^finish k (pass|fail) number true$/);
        expect(log).to.have.length(2);
      });
    }

    it('tells it of a check that timed out once, with the timeout as its verdict', async () => {
      const log: string[] = [];
      const result = await executeCheck(new ExecutionScope(), definition, instance(() => new Promise(() => undefined)), 5, loggingSink(log), 'k');
      expect(result.output).to.equal('k: timeout: did not finish within 5 ms');
      expect(log).to.deep.equal(['started k true', 'finish k fail number true']);
    });

    it('resolves with an unknown error when its finish throws, as it must not', async () => {
      const sink: ExecutionSink<string> = {
        started() {},
        finish() {
          throw new Error('sink broke');
        },
      };
      const result = await executeCheck(new ExecutionScope(), definition, instance(() => Promise.resolve()), 100, sink, 'k');
      expect(result.status).to.equal('fail');
    });
  });

  it('fails a thenable whose then throws with that error, without waiting for its timeout', async () => {
    const result = await execute(() => ({ then: () => { throw new ServiceUnavailable('then broke'); } }), 60_000);
    expect(result.output).to.equal('unavailable: then broke');
  });

  it('hands the check one signal for the whole execution, and aborts that signal at the timeout', async () => {
    const signals: AbortSignal[] = [];
    await execute(async (context) => {
      signals.push(context.signal, context.signal);
      await new Promise(() => undefined);
    }, 30);
    expect(signals[0]).to.equal(signals[1]);
    expect(signals[0]?.aborted).to.equal(true);
  });

  describe('records what the check reports through its context', () => {
    it('records a string passed to addError as unavailable', async () => {
      const result = await execute((context) => {
        context.addError('replica down');
      });
      expect(result.output).to.equal('unavailable: replica down');
    });

    it('records warnings as warnings (an empty one reads as its kind), and the result warns', async () => {
      const result = await execute((context) => {
        context.addWarning('replica lagging');
        context.addWarning('');
      });
      expect(result.status).to.equal('warn');
      expect(result.output).to.equal('warning: replica lagging\nwarning: warning');
    });

    it('records a HealthCheckError passed to addWarning as a warning with its message alone', async () => {
      const result = await execute((context) => {
        context.addWarning(new ServiceUnavailable('replica lagging') as unknown as string);
      });
      expect(result.status).to.equal('warn');
      expect(result.output).to.equal('warning: replica lagging');
    });

    it('records observations, the last value for a key winning', async () => {
      const result = await execute((context) => {
        context.observe('depth', 3, 'messages');
        context.observe('depth', 4, 'messages');
        context.observe('mode', 'replica');
      });
      expect(result.observations).to.deep.equal({ depth: { value: 4, unit: 'messages' }, mode: { value: 'replica' } });
    });

    it('carries the description of the check onto its result', async () => {
      const described: CheckDefinition = Object.freeze({ ...definition, description: 'the primary database' });
      const result = await executeCheck(new ExecutionScope(), described, instance(() => undefined), 100);
      expect(result.description).to.equal('the primary database');
      expect(result).to.include({ name: 'Hostile', critical: true, status: 'pass', output: 'working' });
    });
  });

  describe('closes the context at the verdict', () => {
    it('aborts the signal at the timeout with a TimeoutError naming the check and its timeout', async () => {
      let signal: AbortSignal | undefined;
      const result = await execute(async (context) => {
        signal = context.signal;
        await new Promise(() => undefined);
      }, 30);
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
      expect(signal?.aborted).to.equal(true);
      expect(signal?.reason).to.be.instanceOf(DOMException);
      expect(signal?.reason).to.include({ name: 'TimeoutError', message: "health check 'Hostile' timed out after 30 ms" });
    });

    it('lets a check that runs on past its timeout call observe with any key, without throwing at it', async () => {
      const late = deferred();
      const done = deferred();
      const thrown: unknown[] = [];
      const result = await execute(async (context) => {
        expect(() => {
          context.observe('', 1);
        }, 'an empty key, before the verdict').to.throw(TypeError);
        await late.promise;
        try {
          context.observe('', 1);
          context.observe('late', 1);
        } catch (error) {
          thrown.push(error);
        }
        done.resolve();
      }, 30);
      late.resolve();
      await done.promise;
      expect(thrown).to.deep.equal([]);
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
      expect(result.observations).to.deep.equal({});
    });

    it('never even looks at the reason of a check that rejects after its timeout', async () => {
      const late = deferred();
      const touched: string[] = [];
      const result = await execute(async () => {
        await late.promise;
        throw recordTouches(touched) as Error;
      }, 30);
      late.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
      expect(touched).to.deep.equal([]);
    });

    it('still gives the timeout verdict when the check made its signal throw on abort', async () => {
      let signal: AbortSignal | undefined;
      const result = await execute(async (context) => {
        signal = context.signal;
        signal.dispatchEvent = () => {
          throw new Error('sabotaged');
        };
        await new Promise(() => undefined);
      }, 30);
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
      expect(signal?.aborted).to.equal(true);
    });

    it('never even looks at an error or a warning recorded after the verdict', async () => {
      const late = deferred();
      const done = deferred();
      const before: string[] = [];
      const after: string[] = [];
      const result = await execute(async (context) => {
        context.addError(recordTouches(before));
        context.addWarning(recordTouches(before) as unknown as string);
        await late.promise;
        context.addError(recordTouches(after));
        context.addWarning(recordTouches(after) as unknown as string);
        done.resolve();
      }, 30);
      late.resolve();
      await done.promise;
      expect(before, 'values recorded before the verdict are described').not.to.deep.equal([]);
      expect(after).to.deep.equal([]);
      expect(result.errors.map((error) => error.kind)).to.deep.equal(['unknown error', 'warning', 'timeout']);
    });
  });

  describe('abortBy (how a failed dependency aborts the signal)', () => {
    const dependencyFailed = (): DOMException => new DOMException("dependency 'Database' failed", 'AbortError');

    it('aborts the signal with the reason given; the check still ends by its own rules', async () => {
      const reason = dependencyFailed();
      const { result, abort } = executeAbortable(
        (context) =>
          new Promise<void>((resolve) => {
            context.signal.addEventListener('abort', () => {
              resolve();
            });
          }),
      );
      abort(reason);
      const outcome = await result;
      expect(outcome.output).to.equal('working');
    });

    it('aborts a signal the check reads only after the abort, with the first reason given', async () => {
      const first = dependencyFailed();
      const go = deferred();
      let signal: AbortSignal | undefined;
      const { result, abort } = executeAbortable(async (context) => {
        await go.promise;
        signal = context.signal;
      });
      abort(first);
      abort(new DOMException('a second reason', 'AbortError'));
      go.resolve();
      await result;
      expect(signal?.aborted).to.equal(true);
      expect(signal?.reason).to.equal(first);
    });

    it('keeps the first reason for a signal read before the aborts', async () => {
      const first = dependencyFailed();
      const go = deferred();
      let signal: AbortSignal | undefined;
      const { result, abort } = executeAbortable(async (context) => {
        signal = context.signal;
        await go.promise;
      });
      abort(first);
      abort(new DOMException('a second reason', 'AbortError'));
      go.resolve();
      await result;
      expect(signal?.reason).to.equal(first);
    });

    it('does not throw at the caller when the check made its signal throw on abort', async () => {
      const go = deferred();
      const { result, abort } = executeAbortable(async (context) => {
        context.signal.dispatchEvent = () => {
          throw new Error('sabotaged');
        };
        await go.promise;
      });
      expect(() => {
        abort(dependencyFailed());
      }).not.to.throw();
      go.resolve();
      expect((await result).output).to.equal('working');
    });

    it('does nothing once the verdict is given', async () => {
      let signal: AbortSignal | undefined;
      const { result, abort } = executeAbortable((context) => {
        signal = context.signal;
        return Promise.resolve();
      });
      expect((await result).output).to.equal('working');
      abort(dependencyFailed());
      expect(signal?.aborted).to.equal(false);
    });

    it('does nothing once the verdict is given, for a check that never read its signal', async () => {
      let context: CheckContext | undefined;
      const { result, abort } = executeAbortable((given) => {
        context = given;
      });
      expect((await result).output).to.equal('working');
      abort(dependencyFailed());
      expect(context?.signal.aborted).to.equal(false);
    });
  });

  it('lets run() settle, with a result for each hostile check', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'ThenThrows', () => ({ then: () => { throw new Error('then broke'); } }) as unknown as Promise<void>);
    checkClass(registry, 'ThrowsProxy', () => {
      throw trapEverything() as Error;
    });
    checkClass(registry, 'Fine', () => undefined);
    const report = await serviceFor(registry).run();
    expect(report.checks.map((check) => [check.name, check.status])).to.deep.equal([
      ['ThenThrows', 'fail'],
      ['ThrowsProxy', 'fail'],
      ['Fine', 'pass'],
    ]);
  });
});
