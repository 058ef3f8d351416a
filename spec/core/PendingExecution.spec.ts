import { expect } from 'chai';
import fc from 'fast-check';
import type { CheckResult } from 'pulsecheck';
import { buildResult } from '#lib/core/executeCheck.js';
import { PendingExecution, type ExecutionWaiter } from '#lib/core/PendingExecution.js';

/** A pending execution driven by hand: `end(result)` delivers, as an execution's verdict does. */
class HandExecution extends PendingExecution {
  expire(): void {
    // not tracked by a timer here
  }

  end(result: CheckResult): void {
    this.deliver(result);
  }
}

const definition = Object.freeze({ name: 'Hand', critical: true, tags: Object.freeze([]) }) as never;
const resultOf = (durationMs: number): CheckResult => buildResult(definition, durationMs, [], {});

/** A waiter that writes down each (index, result) it is told. */
function recordingWaiter(): ExecutionWaiter & { readonly told: [number, CheckResult][] } {
  const told: [number, CheckResult][] = [];
  return {
    told,
    settled(index, result) {
      told.push([index, result]);
    },
  };
}

describe('PendingExecution', () => {
  it('tells a waiter that listened before the verdict once, with the index it gave, when the verdict comes', () => {
    const execution = new HandExecution();
    const waiter = recordingWaiter();
    execution.listen(waiter, 7);
    expect(waiter.told).to.deep.equal([]);
    const result = resultOf(1);
    execution.end(result);
    expect(waiter.told).to.deep.equal([[7, result]]);
  });

  it('tells a waiter that listens after the verdict at once', () => {
    const execution = new HandExecution();
    const result = resultOf(1);
    execution.end(result);
    const waiter = recordingWaiter();
    execution.listen(waiter, 3);
    expect(waiter.told).to.deep.equal([[3, result]]);
  });

  it('makes no promise until one is asked for, and one asked for before or after the verdict resolves with it', async () => {
    const execution = new HandExecution();
    const early = execution.promise();
    expect(execution.promise(), 'the same promise however often it is asked for').to.equal(early);
    const result = resultOf(2);
    execution.end(result);
    expect(await early).to.equal(result);
    const late = new HandExecution();
    late.end(result);
    expect(await late.promise()).to.equal(result);
    expect(await late, 'awaitable as its promise').to.equal(result);
  });

  it('counts only the first verdict', async () => {
    const execution = new HandExecution();
    const waiter = recordingWaiter();
    execution.listen(waiter, 0);
    const first = resultOf(1);
    execution.end(first);
    execution.end(resultOf(2));
    expect(waiter.told).to.deep.equal([[0, first]]);
    expect(await execution.promise()).to.equal(first);
  });

  it('tells every waiter and the promise exactly once with the first verdict, however listening, asking and delivering interleave', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('listen' as const), index: fc.nat(1_000) }),
      fc.record({ kind: fc.constant('promise' as const) }),
      fc.record({ kind: fc.constant('deliver' as const), durationMs: fc.nat(1_000) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const execution = new HandExecution();
        const waiters: { readonly waiter: ReturnType<typeof recordingWaiter>; readonly index: number }[] = [];
        const promises: Promise<CheckResult>[] = [];
        let first: CheckResult | undefined;
        for (const next of steps) {
          if (next.kind === 'listen') {
            const waiter = recordingWaiter();
            waiters.push({ waiter, index: next.index });
            execution.listen(waiter, next.index);
          } else if (next.kind === 'promise') {
            promises.push(execution.promise());
          } else {
            const result = resultOf(next.durationMs);
            first ??= result;
            execution.end(result);
          }
        }
        const ending = resultOf(5_000);
        first ??= ending;
        execution.end(ending);
        for (const { waiter, index } of waiters) expect(waiter.told).to.deep.equal([[index, first]]);
        for (const promise of promises) expect(await promise).to.equal(first);
      }),
    );
  });

  describe('isPending', () => {
    it('tells an execution or a promise from a result', () => {
      expect(PendingExecution.isPending(new HandExecution())).to.equal(true);
      expect(PendingExecution.isPending(Promise.resolve(resultOf(1)))).to.equal(true);
      expect(PendingExecution.isPending(resultOf(1))).to.equal(false);
    });
  });
});
