import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, type CheckContext } from 'pulsecheck';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { activeTimers, checkClass, deferred, installClock, serviceFor, sleep } from './fixtures.js';

// Behaviours mutation testing found loose (issue 16): each spec fails under the mutation its title names.
describe('HealthService, pinned behaviours', () => {
  let registry: HealthCheckRegistry;
  beforeEach(() => {
    registry = new HealthCheckRegistry();
  });

  it('answers a run mixing a cached result and a running check with results only, never a raw Promise', async () => {
    checkClass(registry, 'Cached', () => undefined, { cacheTtlMs: 60_000 });
    checkClass(registry, 'Running', () => sleep(5));
    const service = serviceFor(registry);
    await service.run();
    const report = await service.run();
    expect(report.checks.map((check) => typeof (check as unknown as { then?: unknown }).then)).to.deep.equal(['undefined', 'undefined']);
    expect(report.checks.map((check) => [check.name, check.status, check.cached ?? false])).to.deep.equal([
      ['Cached', 'pass', true],
      ['Running', 'pass', false],
    ]);
  });

  it('executes again, instead of answering a cached result with a negative age, once fake timers turn the clock back', async () => {
    let executions = 0;
    checkClass(registry, 'Cached', () => {
      executions += 1;
    }, { cacheTtlMs: 60_000 });
    const service = serviceFor(registry);
    await service.run();
    // performance.now() restarts at 0: the cached result was recorded "in the future"
    const clock = sinon.useFakeTimers({ toFake: ['performance'] });
    try {
      const report = await service.run();
      expect(executions).to.equal(2);
      expect(report.checks[0]).to.not.have.property('cached');
      const again = await service.run();
      expect(executions).to.equal(2);
      expect(again.checks[0]).to.include({ cached: true, ageMs: 0 });
    } finally {
      clock.restore();
    }
  });

  describe('the startup latch', () => {
    it('answers startup runs only: a readiness run after it executes its failing check', async () => {
      let failing = false;
      checkClass(registry, 'Db', () => {
        if (failing) throw new ServiceUnavailable('down');
      });
      const service = serviceFor(registry);
      expect((await service.run({ probe: 'startup' })).status).to.equal('pass');
      failing = true;
      const readiness = await service.run({ probe: 'readiness' });
      expect(readiness.checks.map((check) => [check.status, check.cached ?? false])).to.deep.equal([['fail', false]]);
      expect((await service.run({ probe: 'startup' })).checks[0]).to.include({ status: 'pass', cached: true });
    });

    it('replays only the checks a startup run selects by names or tags', async () => {
      checkClass(registry, 'Migrations', () => undefined, { tags: ['startup', 'db'] });
      checkClass(registry, 'Cache', () => undefined, { tags: ['startup'] });
      const service = serviceFor(registry);
      await service.run({ probe: 'startup' });
      const named = await service.run({ probe: 'startup', names: ['Cache'] });
      const tagged = await service.run({ probe: 'startup', tags: ['db'] });
      expect(named.checks.map((check) => [check.name, check.cached])).to.deep.equal([['Cache', true]]);
      expect(tagged.checks.map((check) => [check.name, check.cached])).to.deep.equal([['Migrations', true]]);
    });

    it('latches a whole startup run only, not one narrowed by names or tags', async () => {
      let executions = 0;
      checkClass(registry, 'Migrations', () => {
        executions += 1;
      }, { tags: ['startup'] });
      const service = serviceFor(registry);
      await service.run({ probe: 'startup', names: ['Migrations'] });
      await service.run({ probe: 'startup', tags: ['startup'] });
      const whole = await service.run({ probe: 'startup' });
      expect(executions).to.equal(3);
      expect(whole.checks[0]?.cached).to.equal(undefined);
    });
  });

  it('stops background mode when stop() is called during a round: no execution after it', async () => {
    let executions = 0;
    checkClass(registry, 'Slow', async () => {
      executions += 1;
      await sleep(20);
    });
    const service = serviceFor(registry);
    service.start({ intervalMs: 10 });
    const stopped = service.stop();
    await stopped;
    await sleep(100);
    expect(executions).to.equal(1);
    expect(service.running).to.equal(false);
  });

  it('hands out one abort signal per execution: the first one read is the one aborted at the timeout', async () => {
    const signals: AbortSignal[] = [];
    checkClass(
      registry,
      'Hangs',
      (context: CheckContext) => {
        signals.push(context.signal, context.signal);
        return new Promise<void>(() => undefined);
      },
      { timeoutMs: 20 },
    );
    const report = await serviceFor(registry).run();
    expect(report.checks[0]?.status).to.equal('fail');
    expect(signals[0]).to.equal(signals[1]);
    expect(signals[0]?.aborted).to.equal(true);
  });

  it("rejects observe('') with the guard's message, recording no observation", async () => {
    checkClass(registry, 'Observer', (context: CheckContext) => {
      context.observe('', 1);
    });
    const [result] = (await serviceFor(registry).run()).checks;
    expect(result?.status).to.equal('fail');
    expect(result?.errors[0]?.message).to.match(/observe: key must be a non-empty string$/);
    expect(result?.observations).to.deep.equal({});
  });

  describe('the constructor', () => {
    it('makes a service without checks when none are given', async () => {
      const report = await new HealthService().run();
      expect([report.status, report.checks]).to.deep.equal(['pass', []]);
    });

    it('names the entry that is not a check, by index and type', () => {
      const check = new (checkClass(registry, 'Fine', () => undefined) as unknown as new () => HealthCheck)();
      const cases: [unknown, string][] = [
        [null, 'null'],
        [undefined, 'undefined'],
        [{ check: () => undefined }, 'object'],
        ['Db', 'string'],
        [HealthCheck, 'function'],
      ];
      for (const [entry, type] of cases) {
        expect(() => new HealthService([check, entry as HealthCheck]), type).to.throw(TypeError, `HealthService: check #1 is not a HealthCheck instance (got ${type})`);
      }
    });
  });

  describe('history(name)', () => {
    it('names the unknown check in its error, quoted and cut to 200 characters', () => {
      checkClass(registry, 'Db', () => undefined);
      const service = serviceFor(registry);
      expect(() => service.history('Cache')).to.throw(RangeError, "HealthService.history: no check is named 'Cache'");
      const long = 'x'.repeat(1_000);
      expect(() => service.history(long)).to.throw(RangeError, `no check is named '${'x'.repeat(200)}'`);
      const thrown = (name: string): string => {
        try {
          service.history(name);
        } catch (error) {
          return (error as Error).message;
        }
        return 'nothing thrown';
      };
      expect(thrown(`${'x'.repeat(200)}y`)).to.equal(`HealthService.history: no check is named '${'x'.repeat(200)}'`);
    });

    it('describes a name that is not a string instead of quoting it', () => {
      checkClass(registry, 'Db', () => undefined);
      const service = serviceFor(registry);
      expect(() => service.history(42 as unknown as string)).to.throw(RangeError, /^HealthService\.history: no check is named (?!')/);
      expect(() => service.history(42 as unknown as string)).to.throw(RangeError, /42/);
    });
  });

  describe('when an execution never settles (the deadline timer failing, against every rule)', () => {
    afterEach(() => {
      sinon.restore();
    });

    it('gives up on it after its timeout and the grace period, and executes the check afresh in the next run instead of joining it', async () => {
      sinon.stub(DeadlineTimer.prototype, 'add');
      let executions = 0;
      checkClass(
        registry,
        'Stuck',
        () => {
          executions += 1;
          return new Promise<void>(() => undefined);
        },
        { timeoutMs: 20 },
      );
      const service = serviceFor(registry);
      const first = await service.run();
      expect(first.checks[0]).to.include({ status: 'fail' });
      expect(first.checks[0]?.errors[0]?.kind).to.equal('timeout');
      const second = await service.run();
      expect(second.checks[0]?.errors[0]?.kind).to.equal('timeout');
      expect(executions).to.equal(2);
    });
  });

  it('arms a backstop that keeps the process alive for a run, and one that does not for a background execution', async () => {
    let gate = deferred();
    checkClass(registry, 'Waits', () => gate.promise, { timeoutMs: 60_000 });
    const service = serviceFor(registry);
    const before = await activeTimers();
    const running = service.run();
    const duringRun = await activeTimers();
    gate.resolve();
    await running;
    gate = deferred();
    const idle = await activeTimers();
    service.start({ intervalMs: 60_000 });
    const duringBackground = await activeTimers();
    gate.resolve();
    await service.stop();
    // counted a turn later, once the run's sweep armed the backstops
    expect(idle).to.equal(before);
    expect(duringRun - before, "a run: its backstop (the service's deadline timer keeps nothing alive for a run)").to.equal(1);
    expect(duringBackground - idle, 'background: the deadline timer, held for its execution (its backstop keeps nothing alive)').to.equal(1);
  });

  describe('under a fake clock that does not start at zero', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(() => {
      clock.restore();
    });

    it('reports durations and ages as differences', async () => {
      checkClass(registry, 'Thirty', () => new Promise<void>((resolve) => setTimeout(resolve, 30)), { cacheTtlMs: 1_000 });
      const service = serviceFor(registry);
      const running = service.run();
      await clock.tickAsync(30);
      const first = await running;
      expect([first.durationMs, first.checks[0]?.durationMs]).to.deep.equal([30, 30]);
      await clock.tickAsync(250);
      const again = await service.run();
      expect(again.checks[0]).to.include({ cached: true, ageMs: 250 });
    });
  });

  it('says whether background mode is running, before, during and after', async () => {
    const service = serviceFor(registry);
    expect(service.running).to.equal(false);
    service.start({ intervalMs: 1_000 });
    expect(service.running).to.equal(true);
    await service.stop();
    expect(service.running).to.equal(false);
  });
});
