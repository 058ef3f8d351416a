import { expect } from 'chai';
import sinon from 'sinon';
import {
  HealthCheckRegistry,
  HealthJsonSerializer,
  HealthService,
  HtmlSerializer,
  JsonSerializer,
  registerHealthCheck,
  HealthCheck,
  ServiceUnavailable,
  type CheckResult,
  type HealthStatus,
} from 'pulsecheck';
import { checkClass, deferred, installClock, serviceFor } from './fixtures.js';

/** A check whose outcome the spec sets; counts its executions. */
function scripted(registry: HealthCheckRegistry, options: Parameters<typeof checkClass>[3] = {}, name = 'Db') {
  const state = { outcome: 'pass' as 'pass' | 'warn' | 'fail' | 'throw' | 'hang', executions: 0 };
  checkClass(
    registry,
    name,
    async (context) => {
      state.executions += 1;
      switch (state.outcome) {
        case 'warn':
          context.addWarning('replica lag 3 s');
          return;
        case 'fail':
          throw new ServiceUnavailable('connect ECONNREFUSED postgres://admin:hunter2@db:5432/app');
        case 'throw':
          // a plain-JavaScript check may throw anything; a bare string must count as a failure too
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw 'a bare string';
        case 'hang':
          await new Promise(() => undefined);
          return;
        default:
          return;
      }
    },
    options,
  );
  return state;
}

async function statusOf(service: HealthService): Promise<[HealthStatus, number, CheckResult | undefined]> {
  const report = await service.run();
  return [report.status, report.httpStatus, report.checks[0]];
}

describe('HealthService with flap suppression', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.restore();
  });

  describe('having failAfter: 3', () => {
    it('reports the first two failed executions as warn (HTTP 200), with the failure visible, and the third as fail (503)', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 3 });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      const [status1, http1, first] = await statusOf(service);
      expect([status1, http1]).to.deep.equal(['warn', 200]);
      expect(first).to.deep.include({ status: 'warn', output: 'unavailable: connect ECONNREFUSED postgres://admin:***@db:5432/app' });
      expect(first?.suppressed).to.deep.equal({ observed: 'fail', streak: 1, needed: 3, forMs: 0 });
      expect((await statusOf(service)).slice(0, 2)).to.deep.equal(['warn', 200]);
      const [status3, http3, third] = await statusOf(service);
      expect([status3, http3, third?.suppressed]).to.deep.equal(['fail', 503, undefined]);
      expect(db.executions).to.equal(3);
    });

    it('counts a timeout and a thrown non-error as failures, and a warning as no failure', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 3, timeoutMs: 100 });
      const service = serviceFor(registry);
      db.outcome = 'throw';
      expect((await statusOf(service))[2]?.suppressed?.streak).to.equal(1);
      db.outcome = 'hang';
      const running = service.run();
      await clock.tickAsync(100);
      const timedOut = (await running).checks[0];
      expect(timedOut?.errors[0]?.kind).to.equal('timeout');
      expect(timedOut?.suppressed?.streak).to.equal(2);
      db.outcome = 'warn';
      const warned = (await statusOf(service))[2];
      expect([warned?.status, warned?.output, warned?.suppressed]).to.deep.equal(['warn', 'warning: replica lag 3 s', undefined]);
      db.outcome = 'fail';
      expect((await statusOf(service))[2]?.suppressed?.streak).to.equal(1);
    });

    it('applies to a non-critical check too: warn with the pending failure, then fail', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 2, critical: false });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      expect((await statusOf(service))[2]).to.deep.include({ status: 'warn', suppressed: { observed: 'fail', streak: 1, needed: 2, forMs: 0 } });
      const [status, http, result] = await statusOf(service);
      expect([status, http, result?.status, result?.suppressed]).to.deep.equal(['warn', 200, 'fail', undefined]);
    });
  });

  describe('having failAfter: { durationMs }', () => {
    it('fails once the check has been failing for that long, however many executions', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: { durationMs: 30_000 } });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      expect((await statusOf(service))[0]).to.equal('warn');
      await clock.tickAsync(10_000);
      const [, , pending] = await statusOf(service);
      expect(pending?.suppressed).to.deep.equal({ observed: 'fail', streak: 2, forMs: 10_000, neededMs: 30_000 });
      await clock.tickAsync(19_999);
      expect((await statusOf(service))[0]).to.equal('warn');
      await clock.tickAsync(1);
      expect((await statusOf(service))[1]).to.equal(503);
    });
  });

  describe('having recoverAfter: 2', () => {
    it('keeps a failed check at fail until two executions in a row did not fail', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { recoverAfter: 2 });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      expect((await statusOf(service))[1]).to.equal(503);
      db.outcome = 'pass';
      const [, http, recovering] = await statusOf(service);
      expect([http, recovering?.output]).to.deep.equal([503, 'unavailable: recovering: 1 of 2 consecutive executions without failure (recoverAfter)']);
      expect((await statusOf(service)).slice(0, 2)).to.deep.equal(['pass', 200]);
    });
  });

  describe('counting one observation per execution', () => {
    it('does not count a cached result served again', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 2, cacheTtlMs: 5_000 });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      for (let run = 0; run < 5; run += 1) {
        const [status, , result] = await statusOf(service);
        expect([status, result?.suppressed?.streak]).to.deep.equal(['warn', 1]);
        await clock.tickAsync(500);
      }
      expect(db.executions).to.equal(1);
      await clock.tickAsync(3_000);
      expect((await statusOf(service))[0]).to.equal('fail');
      expect(db.executions).to.equal(2);
    });

    it('counts one execution shared by concurrent runs (single-flight) once', async () => {
      const registry = new HealthCheckRegistry();
      const gate = deferred();
      let executions = 0;
      checkClass(
        registry,
        'Db',
        async () => {
          executions += 1;
          await gate.promise;
          throw new ServiceUnavailable('down');
        },
        { failAfter: 2 },
      );
      const service = serviceFor(registry);
      const runs = [service.run(), service.run(), service.run()];
      gate.resolve();
      const reports = await Promise.all(runs);
      expect(executions).to.equal(1);
      expect(reports.map((report) => [report.status, report.checks[0]?.suppressed?.streak])).to.deep.equal([
        ['warn', 1],
        ['warn', 1],
        ['warn', 1],
      ]);
      expect((await service.run()).status).to.equal('fail');
    });

    it('counts each background execution once, and never the runs answered from it', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 3 });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      service.start({ intervalMs: 1_000 });
      await clock.tickAsync(0);
      for (let run = 0; run < 10; run += 1) expect((await statusOf(service))[2]?.suppressed?.streak).to.equal(1);
      await clock.tickAsync(1_000);
      expect((await statusOf(service))[2]?.suppressed?.streak).to.equal(2);
      await clock.tickAsync(1_000);
      expect((await statusOf(service)).slice(0, 2)).to.deep.equal(['fail', 503]);
      expect(db.executions).to.equal(3);
      await service.stop();
    });

    it('counts a fresh execution, as it is one', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, { failAfter: 2, cacheTtlMs: 60_000 });
      const service = serviceFor(registry);
      db.outcome = 'fail';
      await service.run();
      expect((await service.run({ fresh: true })).status).to.equal('fail');
    });
  });

  it('keeps the counters per check and per service instance', async () => {
    const registry = new HealthCheckRegistry();
    const db = scripted(registry, { failAfter: 2 }, 'Db');
    const mq = scripted(registry, { failAfter: 2 }, 'Mq');
    const one = serviceFor(registry);
    const two = serviceFor(registry);
    db.outcome = 'fail';
    mq.outcome = 'fail';
    expect((await one.run({ names: ['Db'] })).status).to.equal('warn');
    expect((await one.run({ names: ['Mq'] })).status).to.equal('warn');
    expect((await two.run({ names: ['Db'] })).status).to.equal('warn');
    expect((await one.run({ names: ['Db'] })).status).to.equal('fail');
    expect((await two.run({ names: ['Db'] })).status).to.equal('fail');
    expect((await one.run({ names: ['Mq'] })).status).to.equal('fail');
  });

  it('tells status-change and result listeners the reported status, so a blip never reads as a failure', async () => {
    const registry = new HealthCheckRegistry();
    const db = scripted(registry, { failAfter: 2 });
    const service = serviceFor(registry);
    const changes: string[] = [];
    const results: string[] = [];
    service.onStatusChange((_result, previous, current) => changes.push(`${previous ?? 'none'}->${current}`));
    service.onResult((result) => results.push(`${result.status}${result.suppressed === undefined ? '' : '(suppressed)'}`));
    await service.run();
    db.outcome = 'fail';
    await service.run();
    db.outcome = 'pass';
    await service.run();
    expect(changes).to.deep.equal(['none->pass', 'pass->warn', 'warn->pass']);
    expect(results).to.deep.equal(['pass', 'warn(suppressed)', 'pass']);
  });

  it('leaves the shutdown gate and the startup latch to their own rules', async () => {
    const registry = new HealthCheckRegistry();
    const db = scripted(registry, { failAfter: 3, tags: ['ready', 'startup'] });
    const service = serviceFor(registry);
    db.outcome = 'fail';
    const startup = await service.run({ probe: 'startup' });
    expect(startup.status).to.equal('warn');
    expect((await service.run({ probe: 'startup' })).checks[0]).to.include({ cached: true, status: 'warn' });
    expect(db.executions).to.equal(1);
    service.beginShutdown();
    const ready = await service.run({ probe: 'readiness' });
    expect([ready.httpStatus, ready.checks[0]?.output]).to.deep.equal([503, 'unavailable: shutting down']);
  });

  describe('having module defaults', () => {
    it('applies defaultFailAfter and defaultRecoverAfter to checks that set none, and a check\'s own values over them', async () => {
      const registry = new HealthCheckRegistry();
      const db = scripted(registry, {}, 'Db');
      const strict = scripted(registry, { failAfter: 1, recoverAfter: 1 }, 'Strict');
      const service = serviceFor(registry, { defaultFailAfter: { count: 2 }, defaultRecoverAfter: 2 });
      db.outcome = 'fail';
      strict.outcome = 'fail';
      const first = await service.run();
      expect(first.checks.map((check) => check.status)).to.deep.equal(['warn', 'fail']);
      await service.run();
      db.outcome = 'pass';
      strict.outcome = 'pass';
      expect((await service.run()).checks.map((check) => check.status)).to.deep.equal(['fail', 'pass']);
      expect((await service.run()).checks.map((check) => check.status)).to.deep.equal(['pass', 'pass']);
    });

    it('refuses malformed defaults, naming the option and who was given it', () => {
      expect(() => new HealthService([], { defaultFailAfter: 0 })).to.throw(RangeError, /^HealthService: defaultFailAfter must be a positive integer/);
      expect(() => new HealthService([], { defaultFailAfter: { durationMs: -5 } })).to.throw(RangeError, /^HealthService: defaultFailAfter\.durationMs must be a non-negative/);
      expect(() => new HealthService([], { defaultFailAfter: 'twice' } as never)).to.throw(TypeError, /^HealthService: defaultFailAfter must be a count or an object/);
      expect(() => new HealthService([], { defaultRecoverAfter: 2.5 })).to.throw(RangeError, /^HealthService: defaultRecoverAfter must be a positive integer/);
      expect(() => serviceFor(new HealthCheckRegistry(), { defaultRecoverAfter: 0 })).to.throw(RangeError, /^healthModule: defaultRecoverAfter must be a positive integer/);
      expect(() => serviceFor(new HealthCheckRegistry(), { defaultFailAfter: {} })).to.throw(TypeError, /^healthModule: defaultFailAfter must give count, durationMs or both$/);
    });
  });

  it('refuses a malformed failAfter or recoverAfter at registration, naming the check and the option', () => {
    const registry = new HealthCheckRegistry();
    const register = (options: object): void => {
      registerHealthCheck({ registry, name: 'Db', ...options })(class extends HealthCheck {
        check(): void {}
      });
    };
    expect(() => {
      register({ failAfter: -1 });
    }).to.throw(RangeError, /^registerHealthCheck\('Db'\): failAfter must be a positive integer \(a number of executions\), got -1 \(number\)$/);
    expect(() => {
      register({ failAfter: { count: 3, after: 1 } });
    }).to.throw(TypeError, /^registerHealthCheck\('Db'\): unknown option 'failAfter.after'/);
    expect(() => {
      register({ recoverAfter: '2' });
    }).to.throw(RangeError, /^registerHealthCheck\('Db'\): recoverAfter must be a positive integer/);
    class Plain extends HealthCheck {
      check(): void {}
    }
    expect(() => registry.add({ target: Plain, failAfter: { durationMs: Number.POSITIVE_INFINITY } })).to.throw(RangeError, /^HealthCheckRegistry\.add\('Plain'\): failAfter\.durationMs/);
    expect(registry.add({ target: Plain, failAfter: { count: 2 }, recoverAfter: 3 })).to.deep.include({ failAfter: { count: 2 }, recoverAfter: 3 });
  });

  it('shows the pending failure in detailed JSON, health+json and HTML, redacted', async () => {
    const registry = new HealthCheckRegistry();
    const db = scripted(registry, { failAfter: { count: 3, durationMs: 60_000 } });
    const service = serviceFor(registry);
    db.outcome = 'fail';
    await service.run();
    await clock.tickAsync(4_000);
    const report = await service.run();
    const json = new JsonSerializer({ detailed: true }).serialize(report);
    expect(json).to.equal(JSON.stringify(report));
    expect(JSON.parse(json)).to.have.nested.property('checks[0].suppressed').that.deep.equals({ observed: 'fail', streak: 2, needed: 3, forMs: 4_000, neededMs: 60_000 });
    const health = JSON.parse(new HealthJsonSerializer().serialize(report)) as { checks: Record<string, { suppressed?: unknown; status: string; output?: string }[]> };
    expect(health.checks['Db:responseTime']?.[0]).to.deep.include({ status: 'warn', suppressed: { observed: 'fail', streak: 2, needed: 3, forMs: 4_000, neededMs: 60_000 } });
    const html = new HtmlSerializer().serialize(report);
    expect(html).to.include('<span class="badge">pending failure: 2 of 3 failed executions in a row, failing for 4.00 s of 1.0 min</span>');
    for (const text of [json, JSON.stringify(health), html]) expect(text).not.to.include('hunter2');
  });
});
