import { expect } from 'chai';
import sinon from 'sinon';
import { buildResult } from '#lib/core/executeCheck.js';
import { settleAll, type SettleSlot } from '#lib/core/settleAll.js';
import { HealthCheck } from 'pulsecheck';
import type { CheckResult } from 'pulsecheck';

function slot(name: string, timeoutMs: number): SettleSlot {
  const definition = Object.freeze({ target: HealthCheck, name, critical: true, timeoutMs, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });
  return { definition, timeoutMs };
}

function passing(forSlot: SettleSlot): CheckResult {
  return buildResult(forSlot.definition, 1, [], {});
}

describe('settleAll', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    clock.restore();
  });

  it('resolves with ready results at once, in order, and arms nothing', async () => {
    const slots = [slot('a', 100), slot('b', 100)];
    const results = await settleAll(slots, slots.map(passing));
    expect(results.map((result) => result.name)).to.deep.equal(['a', 'b']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('turns a rejection into an unknown error of that check', async () => {
    const slots = [slot('a', 100), slot('b', 100)];
    const results = await settleAll(slots, [Promise.resolve(passing(slots[0] as SettleSlot)), Promise.reject(Object.create(null) as Error)]);
    expect(results[0]?.status).to.equal('pass');
    expect(results[1]?.output).to.match(/^unknown error: the execution failed unexpectedly: /);
  });

  it('stops waiting for an execution that never settles 250 ms after the largest timeout, and says it abandoned it', async () => {
    const slots = [slot('quick', 50), slot('hung', 100)];
    const hung = new Promise<CheckResult>(() => undefined);
    const abandoned: [number, Promise<CheckResult>][] = [];
    let settled: CheckResult[] | undefined;
    void settleAll(slots, [Promise.resolve(passing(slots[0] as SettleSlot)), hung], false, (index, execution) => abandoned.push([index, execution])).then((results) => {
      settled = results;
    });
    await clock.tickAsync(349);
    expect(settled).to.equal(undefined);
    await clock.tickAsync(1);
    expect(settled?.map((result) => result.output)).to.deep.equal(['working', 'timeout: did not finish within 100 ms']);
    expect(abandoned).to.deep.equal([[1, hung]]);
    expect(clock.countTimers()).to.equal(0);
  });

  it('clears its backstop once everything settled', async () => {
    const slots = [slot('a', 1_000)];
    let release: (result: CheckResult) => void = () => undefined;
    const later = new Promise<CheckResult>((resolve) => {
      release = resolve;
    });
    const settling = settleAll(slots, [later]);
    await clock.tickAsync(10);
    expect(clock.countTimers()).to.equal(1);
    release(passing(slots[0] as SettleSlot));
    await settling;
    expect(clock.countTimers()).to.equal(0);
  });
});
