import { expect } from 'chai';
import { HealthCheck, ServiceUnavailable, type CheckContext, type CheckResult } from 'pulsecheck';
import type { CheckDefinition } from '#lib/core/CheckDefinition.js';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { ExecutionScope } from '#lib/core/ExecutionScope.js';
import { executeCheck } from '#lib/core/executeCheck.js';
import { deferred, sleep } from './fixtures.js';
import { StillClock } from './StillClock.js';

const timeoutMs = 20;

const definition: CheckDefinition = Object.freeze({
  target: HealthCheck,
  name: 'Clocked',
  critical: true,
  timeoutMs,
  tags: Object.freeze([]),
  description: undefined,
  cacheTtlMs: undefined,
});

/** The scope the executions of a spec share (as the checks of one service do); fresh for each spec. */
let scope = new ExecutionScope();

/** Executes a check whose check() is `body`, with a timeout of {@link timeoutMs}, in the spec's {@link scope}. */
function execute(body: (context: CheckContext) => unknown): PromiseLike<CheckResult> {
  return executeCheck(scope, definition, { check: body } as unknown as HealthCheck, timeoutMs);
}

function blockedMs(result: CheckResult): unknown {
  return result.observations.eventLoopBlockedMs;
}

function kindsOf(result: CheckResult): string[] {
  return result.errors.map((error) => error.kind);
}

/** Keeps the event loop busy for `ms` milliseconds of real time (`Date.now()`: `performance.now()` stands still). */
function spin(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

function hang(): Promise<void> {
  return new Promise<void>(() => undefined);
}

const timedOut = `timeout: did not finish within ${timeoutMs} ms`;

describe('executeCheck', () => {
  describe('blame, measured on a clock that moves only when told', () => {
    let clock: StillClock;
    beforeEach(() => {
      clock = new StillClock();
      scope = new ExecutionScope();
    });
    afterEach(async () => {
      await clock.restore();
      expect(DeadlineTimer.pending, 'executions still tracked by the deadline timer').to.equal(0);
    });

    describe('verdicts given in one stretch of promise reactions (they share one clock reading)', () => {
      /**
       * Two executions of checks that return promises; 5 ms in, the first promise settles, then `after` runs
       * (still in the same synchronous stretch) with the second's. Their results.
       */
      function stretch(after: (second: { resolve: () => void }) => void): Promise<[CheckResult, CheckResult]> {
        const first = deferred();
        const second = deferred();
        const results = Promise.all([execute(() => first.promise), execute(() => second.promise)]);
        clock.advance(5);
        first.resolve();
        after(second);
        return results;
      }

      it('does not find late a check whose promise settled on time, when a microtask queued before its verdict kept the loop busy', async () => {
        const [a, b] = await stretch((second) => {
          // queued after the first verdict, before the second: code that is no check's blocks the loop 300 ms
          queueMicrotask(() => {
            clock.advance(300);
          });
          second.resolve();
        });
        expect([a.output, b.output]).to.deep.equal(['working', 'working']);
        expect([a.durationMs, b.durationMs], 'both ended 5 ms in, before the block').to.deep.equal([5, 5]);
      });

      it('reads the clock again for a check whose promise settled after the shared reading, even in the same stretch', async () => {
        const [a, b] = await stretch((second) => {
          // runs after the first verdict took its reading: the second check ends 300 ms later, past its timeout
          queueMicrotask(() => {
            clock.advance(300);
            second.resolve();
          });
        });
        expect(a.output).to.equal('working');
        expect(b.output).to.equal(timedOut);
        expect(b.durationMs, 'its own end, not the reading taken before it').to.equal(305);
      });
    });

    describe('a check that returns synchronously', () => {
      it('passes when it takes exactly its timeout', async () => {
        const result = await execute(() => {
          clock.advance(timeoutMs);
        });
        expect(result.output).to.equal('working');
        expect(result.durationMs).to.equal(timeoutMs);
      });

      const overruns: [number, number | undefined][] = [
        [0.5, undefined],
        [5, undefined],
        [9.5, undefined],
        [10, 10],
        [30, 30],
      ];
      for (const [overrunMs, observed] of overruns) {
        it(`is a timeout when it overruns by ${overrunMs} ms, ${observed === undefined ? 'without' : 'with'} eventLoopBlockedMs (a stall is 10 ms or more)`, async () => {
          const result = await execute(() => {
            clock.advance(timeoutMs + overrunMs);
          });
          expect(result.output).to.equal(timedOut);
          expect(result.durationMs).to.equal(timeoutMs + overrunMs);
          expect(blockedMs(result)).to.deep.equal(observed === undefined ? undefined : { value: observed, unit: 'ms' });
        });
      }

      it('keeps the error it threw next to the timeout', async () => {
        const result = await execute(() => {
          clock.advance(timeoutMs + 30);
          throw new ServiceUnavailable('down');
        });
        expect(kindsOf(result)).to.deep.equal(['unavailable', 'timeout']);
      });
    });

    describe('a check whose synchronous part outlasts its timeout, then returns a thenable', () => {
      it('is a timeout, with how far the synchronous part overran as eventLoopBlockedMs', async () => {
        const result = await execute(() => {
          clock.advance(timeoutMs + 30);
          return Promise.resolve();
        });
        expect(result.output).to.equal(timedOut);
        expect(result.durationMs).to.equal(timeoutMs + 30);
        expect(blockedMs(result)).to.deep.equal({ value: 30, unit: 'ms' });
      });

      it('is a timeout even when the thenable fulfils the moment it is asked', async () => {
        const result = await execute(() => {
          clock.advance(timeoutMs + 30);
          return { then: (onFulfilled: () => void) => { onFulfilled(); } };
        });
        expect(result.output).to.equal(timedOut);
      });

      it('observes the rejection nobody waits for, so it is never unhandled', async () => {
        const unhandled: unknown[] = [];
        const record = (reason: unknown): void => {
          unhandled.push(reason);
        };
        process.on('unhandledRejection', record);
        try {
          const result = await execute(() => {
            clock.advance(timeoutMs + 30);
            return Promise.reject(new Error('too late to matter'));
          });
          expect(result.output).to.equal(timedOut);
          await new Promise((resolve) => setImmediate(resolve));
          await new Promise((resolve) => setImmediate(resolve));
        } finally {
          process.off('unhandledRejection', record);
        }
        expect(unhandled).to.deep.equal([]);
      });

      it('is not a timeout when the synchronous part takes exactly the timeout', async () => {
        const result = await execute(() => {
          clock.advance(timeoutMs);
          return Promise.resolve();
        });
        expect(result.output).to.equal('working');
      });
    });

    describe('a check that settles past its deadline before the deadline timer could run (its continuation blocked the loop)', () => {
      const cases: [number, string, number | undefined][] = [
        [5, 'working', undefined],
        [9.5, 'working', undefined],
        [10, 'working', 10],
        [10.5, timedOut, 10.5],
        [30, timedOut, 30],
      ];
      for (const [lateMs, output, observed] of cases) {
        it(`settling ${lateMs} ms late: ${output === 'working' ? 'keeps its outcome' : 'is a timeout'}, ${observed === undefined ? 'without' : 'with'} eventLoopBlockedMs`, async () => {
          const result = await execute(async () => {
            await Promise.resolve();
            clock.advance(timeoutMs + lateMs);
          });
          expect(result.output).to.equal(output);
          expect(result.durationMs).to.equal(timeoutMs + lateMs);
          expect(blockedMs(result)).to.deep.equal(observed === undefined ? undefined : { value: observed, unit: 'ms' });
        });
      }

      it('keeps its own error when it fails a little late', async () => {
        const result = await execute(async () => {
          await Promise.resolve();
          clock.advance(timeoutMs + 5);
          throw new ServiceUnavailable('down');
        });
        expect(kindsOf(result)).to.deep.equal(['unavailable']);
      });

      it('keeps its own error next to the timeout when it fails much too late', async () => {
        const result = await execute(async () => {
          await Promise.resolve();
          clock.advance(timeoutMs + 30);
          throw new ServiceUnavailable('down');
        });
        expect(kindsOf(result)).to.deep.equal(['unavailable', 'timeout']);
      });
    });

    describe('a check whose reply waited behind the block of a check blamed for it', () => {
      const cases: [number, string][] = [
        [0, 'working'],
        [10, 'working'],
        [11, timedOut],
      ];
      for (const [afterMs, output] of cases) {
        it(`processed ${afterMs} ms after the blamed block: ${output === 'working' ? 'is its victim and keeps its outcome' : 'is blamed itself'}, with its own lateness observed`, async () => {
          const reply = deferred();
          const victim = execute(() => reply.promise);
          const culprit = await execute(async () => {
            await Promise.resolve();
            clock.advance(timeoutMs + 50);
          });
          expect(culprit.output).to.equal(timedOut);
          expect(blockedMs(culprit)).to.deep.equal({ value: 50, unit: 'ms' });
          clock.advance(afterMs);
          reply.resolve();
          const result = await victim;
          expect(result.output).to.equal(output);
          expect(result.durationMs).to.equal(timeoutMs + 50 + afterMs);
          expect(blockedMs(result)).to.deep.equal({ value: 50 + afterMs, unit: 'ms' });
        });
      }
    });

    describe('a check whose reply is processed after the deadline timer fired, before the verdict', () => {
      /**
       * A check whose reply is a real timer that expires just after the
       * deadline timer; in a continuation (after the deadline timer is armed)
       * it moves the clock `lateMs` past its deadline and blocks the loop for
       * real until both timers have expired: they then fire in the same turn,
       * the deadline timer first, and the reply is processed before the
       * verdict, which comes one turn later.
       */
      function repliesRightAfterTheTimer(lateMs: number, onSignal: (signal: AbortSignal) => void = () => undefined) {
        return async (context: CheckContext): Promise<void> => {
          onSignal(context.signal);
          const reply = sleep(timeoutMs + 5);
          await Promise.resolve();
          clock.advance(timeoutMs + lateMs);
          spin(timeoutMs + 30);
          await reply;
        };
      }

      const cases: [number, number | undefined][] = [
        [5, undefined],
        [9.5, undefined],
        [10, 10],
        [30, 30],
      ];
      for (const [lateMs, observed] of cases) {
        it(`keeps its outcome, ${observed === undefined ? 'without' : 'with'} eventLoopBlockedMs when the timer found it ${lateMs} ms late`, async () => {
          const result = await execute(repliesRightAfterTheTimer(lateMs));
          expect(result.output).to.equal('working');
          expect(blockedMs(result)).to.deep.equal(observed === undefined ? undefined : { value: observed, unit: 'ms' });
        });
      }

      it('leaves its signal alone once it passed', async () => {
        let signal: AbortSignal | undefined;
        const result = await execute(
          repliesRightAfterTheTimer(30, (given) => {
            signal = given;
          }),
        );
        expect(result.output).to.equal('working');
        // the verdict the timer scheduled would have come one turn later
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        expect(signal?.aborted).to.equal(false);
      });
    });

    describe('a check that has not settled when the deadline timer fired', () => {
      const cases: [number, number | undefined][] = [
        [0, undefined],
        [5, undefined],
        [9.5, undefined],
        [10, 10],
        [30, 30],
      ];
      for (const [lateMs, observed] of cases) {
        it(`is a timeout, ${observed === undefined ? 'without' : 'with'} eventLoopBlockedMs when the timer fired ${lateMs} ms late`, async () => {
          let signal: AbortSignal | undefined;
          const result = await execute(async (context) => {
            signal = context.signal;
            await Promise.resolve();
            clock.advance(timeoutMs + lateMs);
            await hang();
          });
          expect(result.output).to.equal(timedOut);
          expect(result.durationMs).to.equal(timeoutMs + lateMs);
          expect(blockedMs(result)).to.deep.equal(observed === undefined ? undefined : { value: observed, unit: 'ms' });
          expect(signal?.aborted).to.equal(true);
        });
      }
    });
  });
});
