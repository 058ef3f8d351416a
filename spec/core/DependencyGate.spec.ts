import { expect } from 'chai';
import { HealthCheck, type CheckDefinition, type CheckResult } from 'pulsecheck';
import { DependencyGate, type Answer } from '#lib/core/DependencyGate.js';
import { buildResult } from '#lib/core/buildResult.js';
import { PendingExecution } from '#lib/core/PendingExecution.js';
import { makeCheckError } from '#lib/core/toCheckError.js';
import { deferred, installClock } from './fixtures.js';

/** A definition for check `name`, depending on `dependsOn` when given. */
function definitionOf(name: string, dependsOn?: readonly string[]): CheckDefinition {
  const definition = { target: HealthCheck, name, critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined };
  return Object.freeze(dependsOn === undefined ? definition : { ...definition, dependsOn });
}

interface Slot {
  readonly definition: CheckDefinition;
}

function slotOf(name: string, dependsOn?: readonly string[]): Slot {
  return { definition: definitionOf(name, dependsOn) };
}

function passed(name: string): CheckResult {
  return buildResult(definitionOf(name), 1, [], {});
}

function failed(name: string): CheckResult {
  return buildResult(definitionOf(name), 1, [makeCheckError('unavailable', `${name} is down`)], {});
}

/** Settles `answer` and tells whether it had settled after the pending callbacks ran. */
function track(answer: Answer): { readonly settled: () => boolean; readonly result: Promise<CheckResult> } {
  let settled = false;
  const result = Promise.resolve(answer).then((value) => {
    settled = true;
    return value;
  });
  return { settled: () => settled, result };
}

/** Lets every pending promise callback run. */
async function flush(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('DependencyGate', () => {
  describe('answer()', () => {
    /** Answers each slot with a passing result, recording the slots answered and the dependencies handed. */
    function recording(): { readonly calls: string[]; readonly answer: (slot: Slot, dependencies: readonly Answer[]) => Answer } {
      const calls: string[] = [];
      return {
        calls,
        answer: (slot, dependencies) => {
          calls.push(`${slot.definition.name}(${dependencies.map((dependency) => (PendingExecution.isPending(dependency) ? 'pending' : dependency.name)).join(',')})`);
          return passed(slot.definition.name);
        },
      };
    }

    it('answers in the order selected, with no dependencies, when no check names one', () => {
      const [a, b, c] = [slotOf('A'), slotOf('B'), slotOf('C')];
      const gate = new DependencyGate([a, b, c]);
      const handed: (readonly Answer[])[] = [];
      const answers = gate.answer(
        [c, a],
        (slot, dependencies) => {
          handed.push(dependencies);
          return passed(slot.definition.name);
        },
        () => failed('never consulted'),
      );
      expect(answers.map((answer) => (answer as CheckResult).name)).to.deep.equal(['C', 'A']);
      expect(handed).to.deep.equal([[], []]);
    });

    it('answers dependencies first and hands each check what they answered, in dependsOn order, returning the answers in the order selected', () => {
      const orders = slotOf('Orders', ['Postgres', 'Redis']);
      const redis = slotOf('Redis');
      const postgres = slotOf('Postgres', ['Disk']);
      const disk = slotOf('Disk');
      const gate = new DependencyGate([orders, redis, postgres, disk]);
      const { calls, answer } = recording();
      const answers = gate.answer([orders, redis, postgres, disk], answer, () => failed('never consulted'));
      expect(calls).to.deep.equal(['Disk()', 'Postgres(Disk)', 'Redis()', 'Orders(Postgres,Redis)']);
      expect(answers.map((answer) => (answer as CheckResult).name)).to.deep.equal(['Orders', 'Redis', 'Postgres', 'Disk']);
    });

    it('hands the very answer a dependency gave in this run, pending or not', () => {
      const postgres = slotOf('Postgres');
      const orders = slotOf('Orders', ['Postgres']);
      const pending = new Promise<CheckResult>(() => undefined);
      const handed: (readonly Answer[])[] = [];
      const answers = new DependencyGate([postgres, orders]).answer(
        [postgres, orders],
        (slot, dependencies) => {
          handed.push(dependencies);
          return slot === postgres ? pending : passed('Orders');
        },
        () => undefined,
      );
      expect(handed).to.have.lengthOf(2);
      expect(handed[1]?.[0]).to.equal(pending);
      expect(answers[0]).to.equal(pending);
    });

    it('consults a dependency the run does not select, and hands nothing for it when nothing is known', () => {
      const orders = slotOf('Orders', ['Postgres', 'Redis']);
      const postgres = slotOf('Postgres');
      const redis = slotOf('Redis');
      const gate = new DependencyGate([orders, postgres, redis]);
      const consulted: string[] = [];
      const { calls, answer } = recording();
      const answers = gate.answer([orders], answer, (slot) => {
        consulted.push(slot.definition.name);
        return slot === redis ? failed('Redis') : undefined;
      });
      expect(answers.map((given) => (given as CheckResult).name)).to.deep.equal(['Orders']);
      expect(consulted).to.deep.equal(['Postgres', 'Redis']);
      expect(calls).to.deep.equal(['Orders(Redis)']);
    });
  });

  describe('knownFailure()', () => {
    it('is the first failed result among the dependencies', () => {
      const first = failed('A');
      expect(DependencyGate.knownFailure([passed('P'), new Promise<CheckResult>(() => undefined), first, failed('B')])).to.equal(first);
    });

    it('is undefined when none has failed yet, whatever is pending', () => {
      expect(DependencyGate.knownFailure([])).to.equal(undefined);
      expect(DependencyGate.knownFailure([passed('P'), Promise.resolve(failed('A'))])).to.equal(undefined);
    });
  });

  describe('combine()', () => {
    const orders = definitionOf('Orders', ['Postgres']);
    let clock: ReturnType<typeof installClock>;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(() => {
      clock.restore();
    });

    describe('when every input is ready', () => {
      it('is the check\'s own answer, at once, when no dependency failed', () => {
        const own = passed('Orders');
        expect(DependencyGate.combine(orders, own, [], performance.now())).to.equal(own);
        expect(DependencyGate.combine(orders, own, [passed('Postgres'), passed('Redis')], performance.now())).to.equal(own);
        const running = Promise.resolve(own);
        expect(DependencyGate.combine(orders, running, [passed('Postgres')], performance.now())).to.equal(running);
      });

      it('is blocked at once by the first failed dependency, calling onBlocked once, with no duration when the check did not run', () => {
        let blocked = 0;
        const answer = DependencyGate.combine(orders, failed('Orders'), [passed('Redis'), failed('Postgres'), failed('Disk')], performance.now() - 40, () => {
          blocked += 1;
        });
        expect(answer).to.deep.include({ name: 'Orders', status: 'fail', durationMs: 0, blockedBy: 'Postgres', output: 'unavailable: blocked by Postgres' });
        expect(blocked).to.equal(1);
      });

      it('gives a running check blocked this way the time it has run', () => {
        const answer = DependencyGate.combine(orders, new Promise<CheckResult>(() => undefined), [failed('Postgres')], performance.now() - 40);
        expect(answer).to.deep.include({ durationMs: 40, blockedBy: 'Postgres' });
      });
    });

    describe('when a dependency is still running', () => {
      it('is blocked the moment it fails, whatever the check answered before, calling onBlocked once, with the time since the check started', async () => {
        const postgres = deferred<CheckResult>();
        const disk = deferred<CheckResult>();
        let blocked = 0;
        const combined = track(
          DependencyGate.combine(orders, Promise.resolve(passed('Orders')), [postgres.promise, disk.promise], performance.now(), () => {
            blocked += 1;
          }),
        );
        await flush();
        expect(combined.settled()).to.equal(false);
        await clock.tickAsync(100);
        postgres.resolve(failed('Postgres'));
        await flush();
        expect(combined.settled()).to.equal(true);
        expect(blocked).to.equal(1);
        disk.resolve(failed('Disk'));
        await flush();
        expect(blocked, 'onBlocked called again by a second failure').to.equal(1);
        expect(await combined.result).to.deep.include({ status: 'fail', durationMs: 100, blockedBy: 'Postgres', output: 'unavailable: blocked by Postgres' });
      });

      it('is the check\'s own answer once every dependency has ended without failing', async () => {
        const postgres = deferred<CheckResult>();
        const redis = deferred<CheckResult>();
        const own = failed('Orders');
        let blocked = 0;
        const combined = track(
          DependencyGate.combine(orders, Promise.resolve(own), [postgres.promise, passed('Disk'), redis.promise], performance.now(), () => {
            blocked += 1;
          }),
        );
        postgres.resolve(passed('Postgres'));
        await flush();
        expect(combined.settled(), 'settled before every dependency ended').to.equal(false);
        redis.resolve(passed('Redis'));
        expect(await combined.result).to.equal(own);
        expect(blocked).to.equal(0);
      });

      it('waits for the check\'s own answer when the dependencies end first', async () => {
        const own = deferred<CheckResult>();
        const combined = track(DependencyGate.combine(orders, own.promise, [Promise.resolve(passed('Postgres'))], performance.now()));
        await flush();
        expect(combined.settled()).to.equal(false);
        const result = passed('Orders');
        own.resolve(result);
        expect(await combined.result).to.equal(result);
      });

      it('counts a dependency that rejects as not failed', async () => {
        const own = passed('Orders');
        expect(await DependencyGate.combine(orders, own, [Promise.reject(new Error('lost'))], performance.now())).to.equal(own);
      });

      it('makes an own answer that rejects an unknown error of the check, never a rejection', async () => {
        const answer = DependencyGate.combine(orders, Promise.reject(new Error('boom')), [Promise.resolve(passed('Postgres'))], performance.now());
        const result = await answer;
        expect(result.name).to.equal('Orders');
        expect(result.errors).to.deep.equal([{ kind: 'unknown error', message: 'the execution failed unexpectedly: boom' }]);
      });
    });
  });
});
