import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheckRegistry, HealthCheck, registerHealthCheck, type CheckResult } from 'pulsecheck';
import { checkClass, deferred, installClock, serviceFor, sleep } from './fixtures.js';

/** Keeps the event loop busy, synchronously, for `ms` milliseconds of real time. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // blocking on purpose
  }
}

describe('HealthService per-check schedules in background mode', () => {
  describe('with fake timers', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(() => {
      clock.restore();
    });

    it('runs each check on its own intervalMs, the one given to start() being the default', async () => {
      const registry = new HealthCheckRegistry();
      const counts = { Db: 0, Api: 0 };
      checkClass(registry, 'Db', () => {
        counts.Db += 1;
      });
      checkClass(registry, 'Api', () => {
        counts.Api += 1;
      }, { intervalMs: 60_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 5_000 });
      await clock.tickAsync(120_000);
      expect(counts).to.deep.equal({ Db: 25, Api: 3 });
      await service.stop();
    });

    it('judges staleness by each check\'s own interval: a check run every 60 s is not stale after 15 s, nor after 59 s', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Db', () => undefined);
      checkClass(registry, 'Api', () => undefined, { intervalMs: 60_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 5_000, staleAfterMs: 10_000 });
      await clock.tickAsync(59_000);
      const report = await service.run();
      expect(report.status).to.equal('pass');
      expect(report.checks.find((check) => check.name === 'Api')).to.include({ status: 'pass', cached: true, ageMs: 59_000 });
      await service.stop();
    });

    it('applies a given staleAfterMs to the checks on the service-wide interval, and never below a check\'s own need', async () => {
      const registry = new HealthCheckRegistry();
      const gate = deferred();
      let executions = 0;
      checkClass(registry, 'Db', async () => {
        executions += 1;
        if (executions > 1) await gate.promise;
      }, { timeoutMs: 60_000 });
      checkClass(registry, 'Api', () => undefined, { intervalMs: 60_000, timeoutMs: 1_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 100, staleAfterMs: 500 });
      await clock.tickAsync(600);
      const report = await service.run();
      expect(report.checks.map((check) => [check.name, check.status])).to.deep.equal([
        ['Db', 'fail'],
        ['Api', 'pass'],
      ]);
      expect(report.checks[0]?.output).to.equal('unavailable: stale: the latest background result is 600 ms old (limit 500 ms)');
      gate.resolve();
      await service.stop();
    });

    it('reports a check waiting for its initial delay as pending warn (HTTP 200) without executing it, then runs it on time', async () => {
      const registry = new HealthCheckRegistry();
      let executions = 0;
      checkClass(registry, 'Api', () => {
        executions += 1;
        throw new Error('down');
      }, { initialDelayMs: 30_000, intervalMs: 60_000, tags: ['ready'] });
      const service = serviceFor(registry);
      service.start({ intervalMs: 5_000 });
      await clock.tickAsync(10_000);
      const waiting = await service.run({ probe: 'readiness' });
      expect([waiting.status, waiting.httpStatus, waiting.checks[0]?.output]).to.deep.equal([
        'warn',
        200,
        'warning: pending: the first background execution is due in 20000 ms (initialDelayMs)',
      ]);
      expect(executions).to.equal(0);
      await clock.tickAsync(20_000);
      expect(executions).to.equal(1);
      expect((await service.run({ probe: 'readiness' })).httpStatus).to.equal(503);
      await clock.tickAsync(60_000);
      expect(executions).to.equal(2);
      await service.stop();
    });

    it('still executes a pending check for run({ fresh: true })', async () => {
      const registry = new HealthCheckRegistry();
      let executions = 0;
      checkClass(registry, 'Api', () => {
        executions += 1;
      }, { initialDelayMs: 30_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 5_000 });
      expect((await service.run({ fresh: true })).status).to.equal('pass');
      expect((await service.run()).checks[0]).to.include({ status: 'pass', cached: true });
      expect(executions).to.equal(1);
      await service.stop();
    });

    it('never overlaps a check with itself when one execution outlasts its interval', async () => {
      const registry = new HealthCheckRegistry();
      let inFlight = 0;
      let most = 0;
      let executions = 0;
      checkClass(registry, 'Slow', async () => {
        executions += 1;
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        inFlight -= 1;
      }, { intervalMs: 1_000, timeoutMs: 10_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 1_000 });
      // executions start at 0, 3,500 and 7,000 ms (each 2,500 ms long, then 1,000 ms apart)
      await clock.tickAsync(10_499);
      expect([most, executions]).to.deep.equal([1, 3]);
      await service.stop();
    });

    it('executes nothing once stopped, whatever each check\'s interval or delay, and leaves no timer', async () => {
      const registry = new HealthCheckRegistry();
      let executions = 0;
      const count = (): void => {
        executions += 1;
      };
      checkClass(registry, 'A', count, { intervalMs: 100 });
      checkClass(registry, 'B', count, { intervalMs: 7_000 });
      checkClass(registry, 'C', count, { initialDelayMs: 50_000 });
      checkClass(registry, 'D', async () => {
        count();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }, { intervalMs: 250 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 1_000 });
      await clock.tickAsync(1_125);
      const stopping = service.stop();
      await clock.tickAsync(300);
      await stopping;
      const atStop = executions;
      expect(clock.countTimers()).to.equal(0);
      await clock.tickAsync(120_000);
      expect(executions).to.equal(atStop);
    });

    it('refuses a malformed intervalMs or initialDelayMs at registration, naming the check and the option', () => {
      const registry = new HealthCheckRegistry();
      const register = (options: object): void => {
        registerHealthCheck({ registry, name: 'Api', ...options })(class extends HealthCheck {
          check(): void {}
        });
      };
      expect(() => {
        register({ intervalMs: 0 });
      }).to.throw(RangeError, /^registerHealthCheck\('Api'\): intervalMs must be a positive finite number of milliseconds, got 0$/);
      expect(() => {
        register({ intervalMs: 3e9 });
      }).to.throw(RangeError, /^registerHealthCheck\('Api'\): intervalMs must be at most 2147483647 ms/);
      expect(() => {
        register({ initialDelayMs: -1 });
      }).to.throw(RangeError, /^registerHealthCheck\('Api'\): initialDelayMs must be a non-negative finite number of milliseconds, got -1$/);
      expect(() => {
        register({ initialDelayMs: '5s' });
      }).to.throw(RangeError, /initialDelayMs must be a non-negative finite number of milliseconds, got '5s'/);
    });
  });

  describe('under hostile timing (real timers)', () => {
    it('blames only the check whose synchronous code blocked the loop; the others keep their own deadlines and outcomes', async () => {
      const registry = new HealthCheckRegistry();
      const results: CheckResult[] = [];
      const concurrency = { Quick: 0, Hog: 0 };
      const overlaps: string[] = [];
      checkClass(registry, 'Quick', async () => {
        concurrency.Quick += 1;
        if (concurrency.Quick > 1) overlaps.push('Quick');
        await sleep(5);
        concurrency.Quick -= 1;
      }, { intervalMs: 20, timeoutMs: 150 });
      checkClass(registry, 'Hog', () => {
        concurrency.Hog += 1;
        if (concurrency.Hog > 1) overlaps.push('Hog');
        busy(250);
        concurrency.Hog -= 1;
      }, { intervalMs: 60, timeoutMs: 100 });
      const service = serviceFor(registry);
      service.onResult((result) => results.push(result));
      service.start({ intervalMs: 1_000 });
      await sleep(900);
      await service.stop();
      const quick = results.filter((result) => result.name === 'Quick');
      const hog = results.filter((result) => result.name === 'Hog');
      expect(quick.length).to.be.greaterThan(1);
      expect(hog.length).to.be.greaterThan(1);
      expect(quick.filter((result) => result.status !== 'pass').map((result) => result.output)).to.deep.equal([]);
      expect(hog.every((result) => result.errors[0]?.kind === 'timeout' && result.durationMs >= 250)).to.equal(true);
      expect(overlaps).to.deep.equal([]);
    });

    it('does not let a slow check hold back another check\'s schedule', async () => {
      const registry = new HealthCheckRegistry();
      const log: string[] = [];
      checkClass(registry, 'Fast', () => {
        log.push('Fast');
      }, { intervalMs: 10 });
      checkClass(registry, 'Slow', async () => {
        log.push('Slow');
        await sleep(400);
      }, { timeoutMs: 1_000 });
      const service = serviceFor(registry);
      service.start({ intervalMs: 10 });
      await sleep(300);
      await service.stop();
      expect(log.filter((name) => name === 'Slow')).to.have.length(1);
      expect(log.filter((name) => name === 'Fast').length).to.be.greaterThan(5);
      const afterStop = log.length;
      await sleep(100);
      expect(log.length).to.equal(afterStop);
    });
  });
});
