import { expect } from 'chai';
import fc from 'fast-check';
import type { CheckResult } from 'pulsecheck';
import { buildResult } from '#lib/core/buildResult.js';
import type { CheckDefinition } from '#lib/core/CheckDefinition.js';
import { Execution } from '#lib/core/Execution.js';
import { ExecutionScope } from '#lib/core/ExecutionScope.js';
import { PendingExecution, type ExecutionWaiter } from '#lib/core/PendingExecution.js';

const definition = Object.freeze({ name: 'Hand', critical: true, tags: Object.freeze([]) }) as unknown as CheckDefinition;

/** An execution as executeCheck makes one, started now, whose verdict `end()` gives (as a check settling does). */
function started(): Execution & { end(): void } {
  const execution = new Execution(new ExecutionScope(), definition, 1_000, undefined, undefined);
  execution.started = performance.now();
  return Object.assign(execution, {
    end(): void {
      execution.settle(undefined, false);
    },
  });
}

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

describe('Execution (the PendingExecution a run waits for)', () => {
  it('tells a waiter that listened before the verdict once, with the index it gave, when the verdict comes', () => {
    const execution = started();
    const waiter = recordingWaiter();
    execution.listen(waiter, 7);
    expect(waiter.told).to.deep.equal([]);
    execution.end();
    expect(waiter.told).to.have.length(1);
    expect(waiter.told[0]?.[0]).to.equal(7);
    expect(waiter.told[0]?.[1]).to.include({ name: 'Hand', status: 'pass' });
  });

  it('tells a waiter that listens after the verdict at once, with the same result', () => {
    const execution = started();
    const first = recordingWaiter();
    execution.listen(first, 0);
    execution.end();
    const late = recordingWaiter();
    execution.listen(late, 3);
    expect(late.told).to.deep.equal([[3, first.told[0]?.[1]]]);
  });

  it('makes no promise until one is asked for, and one asked for before or after the verdict resolves with it', async () => {
    const execution = started();
    const early = execution.promise();
    expect(execution.promise(), 'the same promise however often it is asked for').to.equal(early);
    const waiter = recordingWaiter();
    execution.listen(waiter, 0);
    execution.end();
    const result = waiter.told[0]?.[1];
    expect(await early).to.equal(result);
    const late = started();
    late.end();
    const again = await late.promise();
    expect(again).to.include({ status: 'pass' });
    expect(await late, 'awaitable as its promise').to.equal(again);
  });

  it('counts only the first verdict: a timeout after the settlement changes nothing', async () => {
    const execution = started();
    const waiter = recordingWaiter();
    execution.listen(waiter, 0);
    execution.end();
    execution.expire();
    execution.end();
    expect(waiter.told).to.have.length(1);
    expect(waiter.told[0]?.[1].status).to.equal('pass');
    expect(await execution.promise()).to.equal(waiter.told[0]?.[1]);
  });

  it('tells every waiter and the promise exactly once with one result, however listening, asking and ending interleave', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('listen' as const), index: fc.nat(1_000) }),
      fc.record({ kind: fc.constant('promise' as const) }),
      fc.record({ kind: fc.constant('end' as const), timedOut: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const execution = started();
        const waiters: { readonly waiter: ReturnType<typeof recordingWaiter>; readonly index: number }[] = [];
        const promises: Promise<CheckResult>[] = [];
        for (const next of steps) {
          if (next.kind === 'listen') {
            const waiter = recordingWaiter();
            waiters.push({ waiter, index: next.index });
            execution.listen(waiter, next.index);
          } else if (next.kind === 'promise') {
            promises.push(execution.promise());
          } else if (next.timedOut) {
            execution.expire();
          } else {
            execution.end();
          }
        }
        execution.end();
        const result = await execution.promise();
        for (const { waiter, index } of waiters) expect(waiter.told).to.deep.equal([[index, result]]);
        for (const promise of promises) expect(await promise).to.equal(result);
      }),
    );
  });

  describe('PendingExecution.isPending', () => {
    it('tells an execution or a promise from a result', () => {
      expect(PendingExecution.isPending(started())).to.equal(true);
      expect(PendingExecution.isPending(Promise.resolve(buildResult(definition, 1, [], {})))).to.equal(true);
      expect(PendingExecution.isPending(buildResult(definition, 1, [], {}))).to.equal(false);
    });
  });
});
