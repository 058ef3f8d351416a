import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, ServiceUnavailable, type CheckDefinition, type CheckResult } from 'pulsecheck';
import { DependencyGate, type Answer } from '#lib/core/DependencyGate.js';
import { buildResult } from '#lib/core/buildResult.js';
import { makeCheckError } from '#lib/core/toCheckError.js';
import { checkClass, deferred, serviceFor, sleep } from './fixtures.js';

function slotOf(name: string, dependsOn?: readonly string[]): { readonly definition: CheckDefinition } {
  const definition = { target: HealthCheck, name, critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined };
  return { definition: Object.freeze(dependsOn === undefined ? definition : { ...definition, dependsOn }) };
}

const resultOf = (name: string, status: 'pass' | 'fail'): CheckResult =>
  buildResult(slotOf(name).definition, 1, status === 'pass' ? [] : [makeCheckError('unavailable', `${name} is down`)], {});

describe('DependencyGate.answer, watching a consulted dependency', () => {
  const db = slotOf('Db');
  const api = slotOf('Api', ['Db']);

  /** Starts Api alone, Db consulted as `known`; Api's own answer is the returned deferred. */
  function startApi(gate: DependencyGate<typeof db>, known: CheckResult): { answer: Answer; own: ReturnType<typeof deferred<CheckResult>>; blocked: () => number } {
    const own = deferred<CheckResult>();
    let blocked = 0;
    const [answer] = gate.answer([api], (slot, dependencies) => DependencyGate.combine(slot.definition, own.promise, dependencies, performance.now(), () => (blocked += 1)), () => known);
    return { answer: answer as Answer, own, blocked: () => blocked };
  }

  it('blocks the dependent when the dependency\'s next execution fails before the dependent\'s own answer', async () => {
    const gate = new DependencyGate([db, api]);
    const { answer, blocked } = startApi(gate, resultOf('Db', 'pass'));
    void gate.answer([db], () => resultOf('Db', 'fail'), () => undefined);
    const result = await answer;
    expect(result).to.deep.include({ status: 'fail', blockedBy: 'Db', output: 'unavailable: blocked by Db' });
    expect(blocked()).to.equal(1);
  });

  it('keeps the dependent\'s own answer when the next execution passes, and forgets the watch', async () => {
    const gate = new DependencyGate([db, api]);
    const { answer, own, blocked } = startApi(gate, resultOf('Db', 'pass'));
    void gate.answer([db], () => resultOf('Db', 'pass'), () => undefined);
    void gate.answer([db], () => resultOf('Db', 'fail'), () => undefined); // a later execution: not the one watched
    own.resolve(resultOf('Api', 'pass'));
    expect((await answer).status).to.equal('pass');
    expect(blocked()).to.equal(0);
  });

  it('does not block a dependent that had its answer before the dependency failed', async () => {
    const gate = new DependencyGate([db, api]);
    const { answer, own, blocked } = startApi(gate, resultOf('Db', 'pass'));
    own.resolve(resultOf('Api', 'pass'));
    expect((await answer).status).to.equal('pass');
    void gate.answer([db], () => resultOf('Db', 'fail'), () => undefined);
    await sleep(1);
    expect(blocked()).to.equal(0);
  });
});

describe('DependencyGate, with each check on its own background schedule', () => {
  it('reports a dependent whose dependency fails while it runs as blocked by the root cause, not as timed out', async () => {
    const registry = new HealthCheckRegistry();
    let down = false;
    checkClass(registry, 'redis', () => {
      if (down) throw new ServiceUnavailable('connection refused');
    }, { intervalMs: 200 });
    // cache-warm calls redis: while redis is down, its call hangs until aborted
    checkClass(registry, 'cacheWarm', (context) => {
      if (!down) return undefined;
      return new Promise<void>((_resolve, reject) => {
        context.signal.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      });
    }, { dependsOn: ['redis'], intervalMs: 20, timeoutMs: 600 });
    checkClass(registry, 'recommendations', () => undefined, { dependsOn: ['cacheWarm'], intervalMs: 20 });
    const service = serviceFor(registry);
    const failures: CheckResult[] = [];
    service.onStatusChange((check, _previous, current) => {
      if (current === 'fail') failures.push(check);
    });
    let armed = false;
    service.onResult((result) => {
      // redis fails from its next execution on, ~200 ms away: cacheWarm starts meanwhile on redis's latest pass
      if (armed && result.name === 'redis') down = true;
    });
    service.start({ intervalMs: 1_000 });
    try {
      await sleep(100);
      armed = true;
      const deadline = performance.now() + 3_000;
      while (!failures.some((check) => check.name === 'recommendations') && performance.now() < deadline) await sleep(10);
      const byName = new Map(failures.map((check) => [check.name, check]));
      expect(byName.get('cacheWarm')?.output).to.equal('unavailable: blocked by redis');
      expect(byName.get('cacheWarm')?.blockedBy).to.equal('redis');
      expect(byName.get('cacheWarm')?.durationMs).to.be.below(600);
      expect(byName.get('recommendations')?.blockedBy).to.equal('redis');
    } finally {
      await service.stop();
    }
  });
});
