import { expect } from 'chai';
import {
  HealthCheck,
  HealthCheckRegistry,
  HealthService,
  JsonSerializer,
  ServiceUnavailable,
  ServiceWarning,
  registerHealthCheck,
  type CheckContext,
  type CheckResult,
  type HealthReport,
} from 'pulsecheck';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { checkClass, deferred, installClock, serviceFor } from './fixtures.js';

/** A check body that fails with `message` after `ms` (fake) milliseconds. */
function failsAfter(ms: number, message = 'down'): () => Promise<void> {
  return () =>
    new Promise<void>((_, reject) => {
      setTimeout(() => {
        reject(new ServiceUnavailable(message));
      }, ms);
    });
}

/** A check body that passes after `ms` (fake) milliseconds. */
function passesAfter(ms: number): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms);
    });
}

/** A check body that never settles, and records its signal. */
function hangs(signals: AbortSignal[]): (context: CheckContext) => Promise<void> {
  return (context) => {
    signals.push(context.signal);
    return new Promise<void>(() => undefined);
  };
}

function byName(report: HealthReport, name: string): CheckResult {
  const found = report.checks.find((check) => check.name === name);
  if (found === undefined) throw new Error(`no result for ${name}`);
  return found;
}

describe('HealthService with dependsOn (root causes)', () => {
  let registry: HealthCheckRegistry;

  beforeEach(() => {
    registry = new HealthCheckRegistry();
  });

  describe('when the service is built', () => {
    it('refuses a dependency that is not a check of the service, naming both', () => {
      checkClass(registry, 'Orders', () => undefined, { dependsOn: ['Postgress'] });
      checkClass(registry, 'Postgres', () => undefined);
      expect(() => serviceFor(registry)).to.throw(Error, /check 'Orders' depends on 'Postgress', which is not a check of this service \(known: 'Postgres'\)/);
    });

    it('refuses a check that depends on itself', () => {
      checkClass(registry, 'Selfish', () => undefined, { dependsOn: ['Selfish'] });
      expect(() => serviceFor(registry)).to.throw(Error, /cycle: 'Selfish' -> 'Selfish'/);
    });

    it('refuses a cycle through several checks, with its path', () => {
      checkClass(registry, 'A', () => undefined, { dependsOn: ['C'] });
      checkClass(registry, 'B', () => undefined, { dependsOn: ['A'] });
      checkClass(registry, 'C', () => undefined, { dependsOn: ['B'] });
      expect(() => serviceFor(registry)).to.throw(Error, /cycle: 'A' -> 'C' -> 'B' -> 'A'/);
    });

    it('refuses a malformed dependsOn when the class is decorated', () => {
      expect(() => checkClass(registry, 'Bad', () => undefined, { dependsOn: 'Postgres' as unknown as string[] })).to.throw(TypeError, /dependsOn must be an array of non-empty strings/);
      expect(() => checkClass(registry, 'Bad2', () => undefined, { dependsOn: [''] })).to.throw(TypeError, /dependsOn/);
    });

    it('records dependsOn in the definition, without duplicates, and only when given', () => {
      checkClass(registry, 'Postgres', () => undefined);
      checkClass(registry, 'Orders', () => undefined, { dependsOn: ['Postgres', 'Postgres'] });
      const definitions = serviceFor(registry).definitions();
      expect(definitions[0]).to.not.have.property('dependsOn');
      expect(definitions[1]?.dependsOn).to.deep.equal(['Postgres']);
    });

    it('builds a service that is given the same instances directly', () => {
      class Db extends HealthCheck {
        check(): void {}
      }
      class Api extends HealthCheck {
        check(): void {}
      }
      registerHealthCheck({ registry, dependsOn: ['Db'] })(Api);
      registerHealthCheck({ registry })(Db);
      expect(() => new HealthService([new Api(), new Db()])).to.not.throw();
      expect(() => new HealthService([new Api()])).to.throw(Error, /check 'Api' depends on 'Db'/);
    });
  });

  describe('when a dependency fails during the run', () => {
    let clock: ReturnType<typeof installClock>;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(async () => {
      // let the blocked checks' own executions reach their deadlines in fake time, so none is left tracked
      await clock.tickAsync(2_000);
      await new Promise((resolve) => setImmediate(resolve));
      await clock.tickAsync(0);
      clock.restore();
      expect(DeadlineTimer.pending, 'executions still tracked by the deadline timer').to.equal(0);
    });

    it('aborts the dependent at that moment and reports it blocked, so the run ends with the dependency, not the dependent\'s timeout', async () => {
      const signals: AbortSignal[] = [];
      checkClass(registry, 'Postgres', failsAfter(100), { timeoutMs: 300 });
      checkClass(registry, 'Orders', hangs(signals), { timeoutMs: 800, dependsOn: ['Postgres'] });
      let settled = false;
      const running = serviceFor(registry)
        .run()
        .then((report) => {
          settled = true;
          return report;
        });
      await clock.tickAsync(99);
      expect(settled).to.equal(false);
      expect(signals[0]?.aborted).to.equal(false);
      await clock.tickAsync(1);
      const report = await running;
      expect(settled).to.equal(true);
      expect(signals[0]?.aborted).to.equal(true);
      const reason: unknown = signals[0]?.reason;
      expect(reason).to.be.instanceOf(DOMException).and.to.include({ name: 'AbortError', message: "health check 'Orders' is blocked by a failed dependency" });
      expect(byName(report, 'Postgres').output).to.equal('unavailable: down');
      const orders = byName(report, 'Orders');
      expect(orders.status).to.equal('fail');
      expect(orders.output).to.equal('unavailable: blocked by Postgres');
      expect(orders.errors).to.deep.equal([{ kind: 'unavailable', message: 'blocked by Postgres' }]);
      expect(orders.blockedBy).to.equal('Postgres');
      expect(orders.durationMs).to.equal(100);
      expect(report.httpStatus).to.equal(503);
    });

    it('a hung dependency blocks its dependent at the dependency\'s own timeout, never later than the largest timeout', async () => {
      const signals: AbortSignal[] = [];
      checkClass(registry, 'Upstream', hangs([]), { timeoutMs: 300 });
      checkClass(registry, 'Downstream', hangs(signals), { timeoutMs: 800, dependsOn: ['Upstream'] });
      let settled = false;
      const running = serviceFor(registry)
        .run()
        .then((report) => {
          settled = true;
          return report;
        });
      await clock.tickAsync(299);
      expect(settled).to.equal(false);
      await clock.tickAsync(1);
      // the deadline timer gives its verdict one turn of the loop later
      await new Promise((resolve) => setImmediate(resolve));
      await clock.tickAsync(0);
      const report = await running;
      expect(byName(report, 'Upstream').output).to.equal('timeout: did not finish within 300 ms');
      expect(byName(report, 'Downstream').output).to.equal('unavailable: blocked by Upstream');
      expect(signals[0]?.aborted).to.equal(true);
    });

    it('discards the dependent\'s own outcome, even a pass that came before the dependency failed', async () => {
      checkClass(registry, 'Postgres', failsAfter(200));
      checkClass(registry, 'Orders', passesAfter(50), { dependsOn: ['Postgres'] });
      const running = serviceFor(registry).run();
      await clock.tickAsync(200);
      const report = await running;
      expect(byName(report, 'Orders').output).to.equal('unavailable: blocked by Postgres');
      expect(byName(report, 'Orders').durationMs).to.equal(200);
    });

    it('keeps the dependent\'s own outcome, and its own deadline, when the dependency passes', async () => {
      checkClass(registry, 'Postgres', passesAfter(200));
      checkClass(registry, 'Orders', hangs([]), { timeoutMs: 100, dependsOn: ['Postgres'] });
      checkClass(registry, 'Billing', failsAfter(10, 'billing down'), { dependsOn: ['Postgres'] });
      const running = serviceFor(registry).run();
      await clock.tickAsync(100);
      await new Promise((resolve) => setImmediate(resolve));
      await clock.tickAsync(100);
      const report = await running;
      expect(byName(report, 'Postgres').status).to.equal('pass');
      expect(byName(report, 'Orders').output).to.equal('timeout: did not finish within 100 ms');
      expect(byName(report, 'Orders').durationMs).to.equal(100);
      expect(byName(report, 'Billing').output).to.equal('unavailable: billing down');
      expect(byName(report, 'Billing')).to.not.have.property('blockedBy');
    });

    it('does not block on a dependency that only warns', async () => {
      checkClass(registry, 'Disk', () => {
        throw new ServiceWarning('90% full');
      });
      checkClass(registry, 'Uploads', passesAfter(10), { dependsOn: ['Disk'] });
      const running = serviceFor(registry).run();
      await clock.tickAsync(10);
      const report = await running;
      expect(byName(report, 'Uploads').status).to.equal('pass');
      expect(report.status).to.equal('warn');
    });

    it('names the root cause through a chain: C depends on B depends on A', async () => {
      checkClass(registry, 'C', passesAfter(10), { dependsOn: ['B'] });
      checkClass(registry, 'B', passesAfter(10), { dependsOn: ['A'] });
      checkClass(registry, 'A', failsAfter(50));
      const running = serviceFor(registry).run();
      await clock.tickAsync(50);
      const report = await running;
      expect(report.checks.map((check) => check.name)).to.deep.equal(['C', 'B', 'A']);
      expect(byName(report, 'B').output).to.equal('unavailable: blocked by A');
      expect(byName(report, 'C').output).to.equal('unavailable: blocked by B (root cause A)');
      expect(byName(report, 'B').blockedBy).to.equal('A');
      expect(byName(report, 'C').blockedBy).to.equal('A');
    });

    it('keeps the blocked check\'s own criticality: a non-critical blocked check only warns', async () => {
      checkClass(registry, 'Cache', failsAfter(10), { critical: false });
      checkClass(registry, 'Recommendations', passesAfter(5), { critical: false, dependsOn: ['Cache'] });
      const running = serviceFor(registry).run();
      await clock.tickAsync(10);
      const report = await running;
      expect(byName(report, 'Recommendations')).to.include({ status: 'fail', critical: false, blockedBy: 'Cache' });
      expect(report.status).to.equal('warn');
      expect(report.httpStatus).to.equal(200);
    });

    it('shares one blocked execution between concurrent runs (single-flight)', async () => {
      let executions = 0;
      checkClass(registry, 'Postgres', failsAfter(100));
      checkClass(
        registry,
        'Orders',
        () => {
          executions += 1;
          return new Promise<void>(() => undefined);
        },
        { dependsOn: ['Postgres'] },
      );
      const service = serviceFor(registry);
      const first = service.run();
      const second = service.run({ names: ['Orders'] });
      await clock.tickAsync(100);
      const [one, two] = await Promise.all([first, second]);
      expect(executions).to.equal(1);
      expect(byName(one, 'Orders').output).to.equal('unavailable: blocked by Postgres');
      expect(byName(two, 'Orders').output).to.equal('unavailable: blocked by Postgres');
    });

    it('tells the status-change listeners that the dependent is blocked, naming the root cause', async () => {
      checkClass(registry, 'Postgres', failsAfter(100));
      checkClass(registry, 'Orders', hangs([]), { dependsOn: ['Postgres'] });
      const service = serviceFor(registry);
      const changes: string[] = [];
      service.onStatusChange((check, previous, current) => {
        changes.push(`${check.name} ${previous ?? '-'}->${current} ${check.blockedBy ?? ''}`.trim());
      });
      const running = service.run();
      await clock.tickAsync(100);
      await running;
      expect(changes).to.deep.equal(['Postgres -->fail', 'Orders -->fail Postgres']);
    });
  });

  describe('when the dependency\'s failure is already known', () => {
    it('does not start the dependent while the dependency\'s cached result is a failure', async () => {
      let healthy = false;
      let started = 0;
      checkClass(
        registry,
        'Postgres',
        () => {
          if (!healthy) throw new ServiceUnavailable('down');
        },
        { cacheTtlMs: 60_000 },
      );
      checkClass(
        registry,
        'Orders',
        () => {
          started += 1;
        },
        { dependsOn: ['Postgres'] },
      );
      const service = serviceFor(registry);
      await service.run();
      const startedAfterFirstRun = started;
      healthy = true; // but the failure stays cached
      const report = await service.run();
      expect(byName(report, 'Postgres')).to.include({ status: 'fail', cached: true });
      expect(started).to.equal(startedAfterFirstRun);
      expect(byName(report, 'Orders')).to.include({ output: 'unavailable: blocked by Postgres', durationMs: 0, blockedBy: 'Postgres' });
    });

    it('consults a dependency the run does not select only through what is known of it (cached), never by running it', async () => {
      let postgresRuns = 0;
      let ordersRuns = 0;
      checkClass(
        registry,
        'Postgres',
        () => {
          postgresRuns += 1;
          throw new ServiceUnavailable('down');
        },
        { cacheTtlMs: 1_000 },
      );
      checkClass(
        registry,
        'Orders',
        () => {
          ordersRuns += 1;
        },
        { dependsOn: ['Postgres'] },
      );
      const service = serviceFor(registry);
      // nothing known of Postgres: Orders is judged on its own
      const alone = await service.run({ names: ['Orders'] });
      expect(byName(alone, 'Orders').status).to.equal('pass');
      expect(postgresRuns).to.equal(0);
      // Postgres's failure is cached now: Orders is blocked without running
      await service.run({ names: ['Postgres'] });
      const blocked = await service.run({ names: ['Orders'] });
      expect(byName(blocked, 'Orders').output).to.equal('unavailable: blocked by Postgres');
      expect([postgresRuns, ordersRuns]).to.deep.equal([1, 1]);
    });

    it('blocks a cached dependent answer too when its dependency fails in this run (reported, not recorded)', async () => {
      let healthy = true;
      checkClass(registry, 'Postgres', () => {
        if (!healthy) throw new ServiceUnavailable('down');
      });
      checkClass(registry, 'Orders', () => undefined, { dependsOn: ['Postgres'], cacheTtlMs: 60_000 });
      const service = serviceFor(registry);
      expect((await service.run()).status).to.equal('pass');
      healthy = false;
      const report = await service.run();
      expect(byName(report, 'Orders')).to.include({ output: 'unavailable: blocked by Postgres', blockedBy: 'Postgres' });
      healthy = true;
      const recovered = await service.run();
      expect(byName(recovered, 'Orders')).to.include({ status: 'pass', cached: true });
    });

    it('answers, in background mode, from rounds where the dependent was blocked, and blocks a fresh run of the dependent alone without starting it', async () => {
      let healthy = false;
      let ordersRuns = 0;
      checkClass(registry, 'Postgres', () => {
        if (!healthy) throw new ServiceUnavailable('down');
      });
      checkClass(
        registry,
        'Orders',
        async () => {
          ordersRuns += 1;
          await Promise.resolve();
        },
        { dependsOn: ['Postgres'] },
      );
      const service = serviceFor(registry);
      const round = deferred();
      const stopListening = service.onResult((check) => {
        if (check.name === 'Orders') round.resolve();
      });
      service.start({ intervalMs: 60_000 });
      try {
        await round.promise;
        stopListening();
        const report = await service.run();
        expect(byName(report, 'Orders')).to.include({ output: 'unavailable: blocked by Postgres', cached: true });
        const runsBefore = ordersRuns;
        const fresh = await service.run({ names: ['Orders'], fresh: true });
        expect(byName(fresh, 'Orders').output).to.equal('unavailable: blocked by Postgres');
        expect(ordersRuns).to.equal(runsBefore);
        healthy = true;
        const both = await service.run({ fresh: true });
        expect(byName(both, 'Orders').status).to.equal('pass');
      } finally {
        await service.stop();
      }
    });

    it('does not latch a startup report whose dependent was blocked, and latches once the dependency recovers', async () => {
      let healthy = false;
      let ordersRuns = 0;
      checkClass(
        registry,
        'Postgres',
        () => {
          if (!healthy) throw new ServiceUnavailable('down');
        },
        { tags: ['startup'] },
      );
      checkClass(
        registry,
        'Migrations',
        () => {
          ordersRuns += 1;
        },
        { tags: ['startup'], dependsOn: ['Postgres'] },
      );
      const service = serviceFor(registry);
      const first = await service.run({ probe: 'startup' });
      expect(byName(first, 'Migrations').output).to.equal('unavailable: blocked by Postgres');
      healthy = true;
      const second = await service.run({ probe: 'startup' });
      expect(second.status).to.equal('pass');
      const third = await service.run({ probe: 'startup' });
      expect(byName(third, 'Migrations').cached).to.equal(true);
      expect(ordersRuns).to.equal(2);
    });
  });

  it('writes blockedBy in the detailed JSON, equal to JSON.stringify of the report', async () => {
    checkClass(registry, 'Postgres', () => {
      throw new ServiceUnavailable('down');
    });
    checkClass(registry, 'Orders', () => undefined, { dependsOn: ['Postgres'] });
    const report = await serviceFor(registry).run();
    const text = new JsonSerializer({ detailed: true }).serialize(report);
    expect(text).to.equal(JSON.stringify(report));
    expect(text).to.include('"blockedBy":"Postgres"');
  });
});
