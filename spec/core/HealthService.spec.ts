import { expect } from 'chai';
import sinon from 'sinon';
import {
  HealthCheck,
  HealthCheckRegistry,
  HealthService,
  ServiceReturnedUnexpectedResult,
  ServiceUnavailable,
  ServiceWarning,
  HealthCheckError,
  registerHealthCheck,
  type CheckResult,
  type HealthStatus,
} from 'pulsecheck';
import { activeTimers, checkClass, deferred, installClock, serviceFor, sleep } from './fixtures.js';

describe('HealthService.run', () => {
  let registry: HealthCheckRegistry;
  beforeEach(() => {
    registry = new HealthCheckRegistry();
  });

  describe('having only working checks', () => {
    it('reports pass with HTTP 200 and "working" for each check', async () => {
      checkClass(registry, 'A', () => undefined);
      checkClass(registry, 'B', async () => {
        await sleep(1);
      });
      const report = await serviceFor(registry).run();
      expect(report.status).to.equal('pass');
      expect(report.httpStatus).to.equal(200);
      expect(report.checks.map((check) => [check.name, check.status, check.output])).to.deep.equal([
        ['A', 'pass', 'working'],
        ['B', 'pass', 'working'],
      ]);
      expect(report.checks.every((check) => check.errors.length === 0)).to.be.true;
    });

    it('fills every field of the report and of each result', async () => {
      checkClass(registry, 'Tagged', () => undefined, { tags: ['ready', 'db'], critical: false });
      const before = Date.now();
      const report = await serviceFor(registry).run();
      expect(report).to.have.all.keys('status', 'httpStatus', 'startedAt', 'durationMs', 'checks');
      expect(Date.parse(report.startedAt)).to.be.within(before - 1, Date.now());
      expect(report.startedAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(report.durationMs).to.be.a('number').and.at.least(0);
      const [result] = report.checks;
      expect(result).to.have.all.keys('name', 'status', 'critical', 'tags', 'durationMs', 'output', 'errors', 'observations');
      expect(result).to.include({ name: 'Tagged', critical: false, status: 'pass', output: 'working' });
      expect(result?.tags).to.deep.equal(['ready', 'db']);
    });

    it('reports pass when no check is registered', async () => {
      const report = await serviceFor(registry).run();
      expect(report).to.include({ status: 'pass', httpStatus: 200 });
      expect(report.checks).to.deep.equal([]);
    });
  });

  describe('status rules', () => {
    const cases: { title: string; critical: boolean; body: () => void; check: HealthStatus; report: HealthStatus; http: number }[] = [
      { title: 'a critical check that fails', critical: true, body: () => { throw new ServiceUnavailable('down'); }, check: 'fail', report: 'fail', http: 503 },
      { title: 'a non-critical check that fails', critical: false, body: () => { throw new ServiceUnavailable('down'); }, check: 'fail', report: 'warn', http: 200 },
      { title: 'a critical check that warns', critical: true, body: () => { throw new ServiceWarning('slow'); }, check: 'warn', report: 'warn', http: 200 },
      { title: 'a non-critical check that warns', critical: false, body: () => { throw new ServiceWarning('slow'); }, check: 'warn', report: 'warn', http: 200 },
    ];
    for (const { title, critical, body, check, report: expected, http } of cases) {
      it(`reports ${expected} (${http}) for ${title} beside a working one`, async () => {
        checkClass(registry, 'Working', () => undefined);
        checkClass(registry, 'Subject', body, { critical });
        const report = await serviceFor(registry).run();
        expect(report.checks[1]?.status).to.equal(check);
        expect(report.checks[0]?.status).to.equal('pass');
        expect(report.status).to.equal(expected);
        expect(report.httpStatus).to.equal(http);
      });
    }

    it('fails the report when one critical check fails among warnings and non-critical failures', async () => {
      checkClass(registry, 'Warns', (context) => {
        context.addWarning('disk 85% full');
      });
      checkClass(registry, 'Optional', () => {
        throw new Error('x');
      }, { critical: false });
      checkClass(registry, 'Critical', () => {
        throw new ServiceUnavailable('gone');
      });
      const report = await serviceFor(registry).run();
      expect(report).to.include({ status: 'fail', httpStatus: 503 });
    });
  });

  describe('errors a check reports', () => {
    it('maps each HealthCheckError subclass to its kind and output line', async () => {
      checkClass(registry, 'U', () => {
        throw new ServiceUnavailable('connection refused');
      });
      checkClass(registry, 'R', () => {
        throw new ServiceReturnedUnexpectedResult('SELECT 1 returned 2');
      });
      checkClass(registry, 'W', () => {
        throw new ServiceWarning('replica lag 12 s');
      });
      checkClass(registry, 'B', () => {
        throw new HealthCheckError('base error');
      });
      const report = await serviceFor(registry).run();
      expect(report.checks.map((check) => check.output)).to.deep.equal([
        'unavailable: connection refused',
        'unexpected result: SELECT 1 returned 2',
        'warning: replica lag 12 s',
        'unknown error: base error',
      ]);
      expect(report.checks[0]?.errors).to.deep.equal([{ kind: 'unavailable', message: 'connection refused' }]);
    });

    const thrown: { title: string; value: () => unknown; message: RegExp }[] = [
      { title: 'an Error', value: () => new Error('boom'), message: /^boom$/ },
      { title: 'a TypeError', value: () => new TypeError('x is not a function'), message: /^TypeError: x is not a function$/ },
      { title: 'a string', value: () => 'plain string', message: /^plain string$/ },
      { title: 'undefined', value: () => undefined, message: /undefined/ },
      { title: 'null', value: () => null, message: /null/ },
      { title: 'a number', value: () => 42, message: /42/ },
      { title: 'a plain object', value: () => ({ code: 'E_WEIRD', detail: 7 }), message: /E_WEIRD/ },
      { title: 'an object with a message', value: () => ({ message: 'from a message field' }), message: /^from a message field$/ },
      { title: 'a circular object', value: () => { const o: Record<string, unknown> = {}; o.self = o; return o; }, message: /object/i },
      { title: 'an Error with a multi-line message', value: () => new Error('line one\nline two'), message: /^line one line two$/ },
      { title: 'an AggregateError with an empty message', value: () => Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')], ''), { code: 'ECONNREFUSED' }), message: /ECONNREFUSED ::1:5432; connect ECONNREFUSED 127\.0\.0\.1:5432/ },
    ];
    for (const { title, value, message } of thrown) {
      it(`reports ${title} thrown synchronously as an unknown error`, async () => {
        checkClass(registry, 'Sync', () => {
          throw value();
        });
        const report = await serviceFor(registry).run();
        expect(report.checks[0]?.errors).to.have.lengthOf(1);
        expect(report.checks[0]?.errors[0]?.kind).to.equal('unknown error');
        expect(report.checks[0]?.errors[0]?.message).to.match(message);
        expect(report.checks[0]?.output).to.not.include('\n');
        expect(report.status).to.equal('fail');
      });

      it(`reports ${title} as a rejection the same way`, async () => {
        checkClass(registry, 'Async', async () => {
          await Promise.resolve();
          throw value();
        });
        const report = await serviceFor(registry).run();
        expect(report.checks[0]?.errors[0]?.kind).to.equal('unknown error');
        expect(report.checks[0]?.errors[0]?.message).to.match(message);
      });
    }

    it('never puts a stack trace in the report', async () => {
      checkClass(registry, 'Stack', () => {
        throw new Error('boom');
      });
      const report = await serviceFor(registry).run();
      expect(JSON.stringify(report)).to.not.match(/\bat .*\(.*:\d+:\d+\)|\.js:\d+/);
    });

    it('records one error per addError call, each with its kind', async () => {
      checkClass(registry, 'Many', (context) => {
        context.addError(new ServiceUnavailable('primary down'));
        context.addError('replica down');
        context.addError(new RangeError('bad value'));
        context.addError(new ServiceReturnedUnexpectedResult('wrong version'));
      });
      const [result] = (await serviceFor(registry).run()).checks;
      expect(result?.errors).to.deep.equal([
        { kind: 'unavailable', message: 'primary down' },
        { kind: 'unavailable', message: 'replica down' },
        { kind: 'unknown error', message: 'RangeError: bad value' },
        { kind: 'unexpected result', message: 'wrong version' },
      ]);
      expect(result?.output).to.equal('unavailable: primary down\nunavailable: replica down\nunknown error: RangeError: bad value\nunexpected result: wrong version');
      expect(result?.status).to.equal('fail');
    });

    it('makes a check with only warnings warn, and one with a warning and an error fail', async () => {
      checkClass(registry, 'OnlyWarnings', (context) => {
        context.addWarning('one');
        context.addError(new ServiceWarning('two'));
      });
      checkClass(registry, 'Mixed', (context) => {
        context.addWarning('careful');
        throw new ServiceUnavailable('down');
      });
      const report = await serviceFor(registry).run();
      expect(report.checks[0]).to.include({ status: 'warn', output: 'warning: one\nwarning: two' });
      expect(report.checks[1]).to.include({ status: 'fail', output: 'warning: careful\nunavailable: down' });
    });
  });

  describe('observations', () => {
    it('records observe() calls with their units, the last value winning', async () => {
      checkClass(registry, 'Observed', (context) => {
        context.observe('latency', 1.5, 'ms');
        context.observe('version', '15.4');
        context.observe('primary', true);
        context.observe('latency', 2.5, 'ms');
      });
      const [result] = (await serviceFor(registry).run()).checks;
      expect(result?.observations).to.deep.equal({
        latency: { value: 2.5, unit: 'ms' },
        version: { value: '15.4' },
        primary: { value: true },
      });
    });

    it('reports a malformed observe() call as the check failing, naming the key', async () => {
      checkClass(registry, 'BadObserve', (context) => {
        context.observe('when', new Date() as unknown as string);
      });
      const [result] = (await serviceFor(registry).run()).checks;
      expect(result?.status).to.equal('fail');
      expect(result?.output).to.match(/observe\('when'\).*number, string or boolean/);
    });

    it('produces plain data: JSON round-trips to a deep-equal report', async () => {
      checkClass(registry, 'P', (context) => {
        context.observe('n', 1, 'ms');
      });
      checkClass(registry, 'F', (context) => {
        context.addError('down');
      }, { tags: ['x'] });
      const report = await serviceFor(registry).run();
      expect(JSON.parse(JSON.stringify(report))).to.deep.equal(report);
    });
  });

  describe('secrets', () => {
    it('redacts URL passwords and password= parameters from every message', async () => {
      checkClass(registry, 'Leaky', (context) => {
        context.addError('cannot reach postgres://app:s3cr3t@db.internal:5432/app');
        context.addError(new ServiceUnavailable('auth failed: password=hunter2 user=app'));
        context.addWarning('redis://:t0ken@cache:6379 slow');
        context.observe('dsn', 'amqp://guest:guestpw@mq:5672');
        throw new Error('connect failed for mysql://root:rootpw@10.0.0.1/db');
      });
      const report = await serviceFor(registry).run();
      const text = JSON.stringify(report);
      for (const secret of ['s3cr3t', 'hunter2', 't0ken', 'guestpw', 'rootpw']) expect(text).to.not.include(secret);
      expect(report.checks[0]?.errors[0]?.message).to.equal('cannot reach postgres://app:***@db.internal:5432/app');
      expect(report.checks[0]?.observations.dsn?.value).to.equal('amqp://guest:***@mq:5672');
    });
  });

  describe('timeouts', () => {
    it('reports a hung check as a timeout and returns without waiting for it', async () => {
      checkClass(registry, 'Hung', () => new Promise<void>(() => undefined), { timeoutMs: 50 });
      checkClass(registry, 'Fine', () => undefined);
      const started = performance.now();
      const report = await serviceFor(registry).run();
      const elapsed = performance.now() - started;
      expect(report.checks[0]?.errors).to.deep.equal([{ kind: 'timeout', message: 'did not finish within 50 ms' }]);
      expect(report.checks[0]?.output).to.equal('timeout: did not finish within 50 ms');
      expect(report.checks[1]?.status).to.equal('pass');
      expect(report).to.include({ status: 'fail', httpStatus: 503 });
      expect(elapsed).to.be.lessThan(1000);
    });

    it('aborts the signal of a timed-out check with a TimeoutError', async () => {
      const aborted = deferred<unknown>();
      checkClass(registry, 'Hung', (context) => {
        context.signal.addEventListener('abort', () => {
          aborted.resolve(context.signal.reason);
        });
        return new Promise<void>(() => undefined);
      }, { timeoutMs: 20 });
      const report = await serviceFor(registry).run();
      const reason = await aborted.promise;
      expect(report.checks[0]?.errors[0]?.kind).to.equal('timeout');
      expect(reason).to.be.instanceOf(DOMException);
      expect((reason as DOMException).name).to.equal('TimeoutError');
    });

    it('does not abort the signal of a check that finished in time', async () => {
      let signal: AbortSignal | undefined;
      checkClass(registry, 'Quick', (context) => {
        signal = context.signal;
      }, { timeoutMs: 20 });
      await serviceFor(registry).run();
      await sleep(40);
      expect(signal?.aborted).to.equal(false);
    });

    it('ignores whatever a check reports after its timeout, including a late rejection', async () => {
      const late = deferred();
      let context: Parameters<HealthCheck['check']>[0] | undefined;
      checkClass(registry, 'Late', async (received) => {
        context = received;
        await late.promise;
        received.addError('late error');
        received.observe('late', 1);
        throw new Error('late rejection');
      }, { timeoutMs: 20 });
      const report = await serviceFor(registry).run();
      late.resolve();
      await sleep(10);
      context?.addWarning('even later');
      expect(report.checks[0]?.errors).to.deep.equal([{ kind: 'timeout', message: 'did not finish within 20 ms' }]);
      expect(report.checks[0]?.observations).to.not.have.property('late'); // eventLoopBlockedMs may be there on a busy machine
      // spec/setup.ts fails this test if the late rejection went unhandled
    });

    it('applies the module default timeout to checks that set none, and their own timeout otherwise', async () => {
      checkClass(registry, 'UsesDefault', () => new Promise<void>(() => undefined));
      checkClass(registry, 'OwnTimeout', () => new Promise<void>(() => undefined), { timeoutMs: 15 });
      const report = await serviceFor(registry, { defaultTimeoutMs: 30 }).run();
      expect(report.checks.map((check) => check.output)).to.deep.equal(['timeout: did not finish within 30 ms', 'timeout: did not finish within 15 ms']);
    });

    it('defaults to a 700 ms timeout, inside a Kubernetes probe\'s 1 s with the backstop', async () => {
      const clock = installClock();
      try {
        checkClass(registry, 'Hung', () => new Promise<void>(() => undefined));
        const service = serviceFor(registry);
        let settled = false;
        const running = service.run().then((report) => {
          settled = true;
          return report;
        });
        await clock.tickAsync(699);
        expect(settled).to.equal(false);
        await clock.tickAsync(1);
        const report = await running;
        expect(report.checks[0]?.output).to.equal('timeout: did not finish within 700 ms');
      } finally {
        clock.restore();
      }
    });

    it('never takes much longer than the largest timeout, however many checks hang', async () => {
      for (let index = 0; index < 50; index += 1) {
        checkClass(registry, `Hung${index}`, () => new Promise<void>(() => undefined), { timeoutMs: 40 + (index % 3) * 10 });
      }
      const started = performance.now();
      const report = await serviceFor(registry).run();
      expect(performance.now() - started).to.be.lessThan(60 + 500);
      expect(report.checks.every((check) => check.errors[0]?.kind === 'timeout')).to.be.true;
    });

    it('leaves no timer behind, whether checks pass, fail or time out', async () => {
      checkClass(registry, 'Pass', () => undefined, { timeoutMs: 5_000 });
      checkClass(registry, 'Fail', () => {
        throw new Error('x');
      }, { timeoutMs: 5_000 });
      checkClass(registry, 'Hung', () => new Promise<void>(() => undefined), { timeoutMs: 20 });
      const service = serviceFor(registry);
      const before = await activeTimers();
      for (let index = 0; index < 20; index += 1) await service.run({ fresh: true });
      expect(await activeTimers()).to.equal(before);
    });
  });

  describe('the context', () => {
    it('keeps working when the check destructures it', async () => {
      checkClass(registry, 'Destructured', ({ addError, addWarning, observe, signal }) => {
        observe('aborted', signal.aborted);
        addWarning('careful');
        addError('down');
      });
      const [result] = (await serviceFor(registry).run()).checks;
      expect(result?.errors).to.deep.equal([{ kind: 'warning', message: 'careful' }, { kind: 'unavailable', message: 'down' }]);
      expect(result?.observations).to.deep.equal({ aborted: { value: false } });
    });

    it('hands a check that reads its signal only after the timeout an already-aborted signal', async () => {
      const late = deferred();
      let signal: AbortSignal | undefined;
      checkClass(registry, 'LateReader', async (context) => {
        await late.promise;
        signal = context.signal;
      }, { timeoutMs: 20 });
      const report = await serviceFor(registry).run();
      late.resolve();
      await sleep(5);
      expect(report.checks[0]?.errors[0]?.kind).to.equal('timeout');
      expect(signal?.aborted).to.equal(true);
      expect((signal?.reason as DOMException).name).to.equal('TimeoutError');
    });
  });

  describe('deadlines', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(() => {
      clock.restore();
    });

    it('gives a run that starts later its own full timeout, not the rest of an earlier run\'s', async () => {
      checkClass(registry, 'Hung', () => new Promise<void>(() => undefined), { timeoutMs: 100 });
      const service = serviceFor(registry);
      const first = service.run({ fresh: true });
      await clock.tickAsync(60);
      let secondDone = false;
      const second = service.run({ fresh: true }).then((report) => {
        secondDone = true;
        return report;
      });
      await clock.tickAsync(40);
      expect((await first).checks[0]?.errors[0]?.kind).to.equal('timeout');
      await clock.tickAsync(59);
      expect(secondDone).to.equal(false);
      await clock.tickAsync(1);
      expect((await second).checks[0]?.output).to.equal('timeout: did not finish within 100 ms');
    });

    it('times out each check of one run by its own timeout', async () => {
      checkClass(registry, 'Short', () => new Promise<void>(() => undefined), { timeoutMs: 50 });
      checkClass(registry, 'Long', () => new Promise<void>(() => undefined), { timeoutMs: 200 });
      checkClass(registry, 'Finishes', () => new Promise<void>((resolve) => setTimeout(resolve, 120)), { timeoutMs: 200 });
      const running = serviceFor(registry).run();
      await clock.tickAsync(200);
      const report = await running;
      expect(report.checks.map((check) => check.output)).to.deep.equal(['timeout: did not finish within 50 ms', 'timeout: did not finish within 200 ms', 'working']);
      expect(report.checks[2]?.durationMs).to.equal(120);
    });

    it('arms no timer for a check that returns synchronously', async () => {
      checkClass(registry, 'Sync', () => undefined);
      const running = serviceFor(registry).run();
      expect(clock.countTimers()).to.equal(0);
      await running;
    });
  });

  describe('concurrency', () => {
    it('runs checks concurrently', async () => {
      for (let index = 0; index < 10; index += 1) checkClass(registry, `Slow${index}`, () => sleep(100));
      const started = performance.now();
      const report = await serviceFor(registry).run();
      expect(report.status).to.equal('pass');
      expect(performance.now() - started).to.be.lessThan(100 * 5);
    });

    it('keeps registration order, not completion order', async () => {
      checkClass(registry, 'Slowest', () => sleep(30));
      checkClass(registry, 'Fastest', () => undefined);
      checkClass(registry, 'Middle', () => sleep(10));
      const report = await serviceFor(registry).run();
      expect(report.checks.map((check) => check.name)).to.deep.equal(['Slowest', 'Fastest', 'Middle']);
    });

    it('never mixes the results of two concurrent fresh runs', async () => {
      let call = 0;
      checkClass(registry, 'Alternating', async (context) => {
        call += 1;
        const mine = call;
        context.observe('call', mine);
        await sleep(mine === 1 ? 30 : 5);
        if (mine === 1) context.addError('first execution failed');
      });
      const service = serviceFor(registry);
      const [first, second] = await Promise.all([service.run({ fresh: true }), service.run({ fresh: true })]);
      expect(first.checks[0]?.observations.call?.value).to.equal(1);
      expect(first.checks[0]?.errors).to.have.lengthOf(1);
      expect(second.checks[0]?.observations.call?.value).to.equal(2);
      expect(second.checks[0]?.errors).to.deep.equal([]);
      expect(second.status).to.equal('pass');
    });

    it('returns frozen reports that later runs never change', async () => {
      let healthy = true;
      checkClass(registry, 'Flaky', () => {
        if (!healthy) throw new ServiceUnavailable('down');
      });
      const service = serviceFor(registry);
      const first = await service.run();
      const snapshot = JSON.stringify(first);
      healthy = false;
      const second = await service.run();
      expect(second.status).to.equal('fail');
      expect(JSON.stringify(first)).to.equal(snapshot);
      expect(Object.isFrozen(first)).to.be.true;
      expect(Object.isFrozen(first.checks)).to.be.true;
      expect(Object.isFrozen(first.checks[0])).to.be.true;
      expect(Object.isFrozen(first.checks[0]?.errors)).to.be.true;
      expect(Object.isFrozen(first.checks[0]?.observations)).to.be.true;
    });
  });

  describe('single-flight', () => {
    it('shares one in-flight execution of a check between concurrent runs', async () => {
      const gate = deferred();
      let executions = 0;
      checkClass(registry, 'Shared', async () => {
        executions += 1;
        await gate.promise;
      });
      const service = serviceFor(registry);
      const runs = Array.from({ length: 50 }, () => service.run());
      gate.resolve();
      const reports = await Promise.all(runs);
      expect(executions).to.equal(1);
      expect(reports.every((report) => report.status === 'pass')).to.be.true;
    });

    it('executes again once the shared execution has finished', async () => {
      let executions = 0;
      checkClass(registry, 'Counted', () => {
        executions += 1;
      });
      const service = serviceFor(registry);
      await service.run();
      await service.run();
      expect(executions).to.equal(2);
    });

    it('gives a caller that asks for fresh its own execution', async () => {
      const gate = deferred();
      let executions = 0;
      checkClass(registry, 'Fresh', async () => {
        executions += 1;
        await gate.promise;
      });
      const service = serviceFor(registry);
      const shared = service.run();
      const fresh = service.run({ fresh: true });
      gate.resolve();
      await Promise.all([shared, fresh]);
      expect(executions).to.equal(2);
    });

    it('can be turned off', async () => {
      const gate = deferred();
      let executions = 0;
      checkClass(registry, 'Unshared', async () => {
        executions += 1;
        await gate.promise;
      });
      const service = serviceFor(registry, { singleFlight: false });
      const runs = [service.run(), service.run(), service.run()];
      gate.resolve();
      await Promise.all(runs);
      expect(executions).to.equal(3);
    });
  });

  describe('caching', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = installClock();
    });
    afterEach(() => {
      clock.restore();
    });

    it('is off by default', async () => {
      let executions = 0;
      checkClass(registry, 'Uncached', () => {
        executions += 1;
      });
      const service = serviceFor(registry);
      await service.run();
      await service.run();
      expect(executions).to.equal(2);
    });

    it('reuses a result within cacheTtlMs, marked cached with its age, then executes again', async () => {
      let executions = 0;
      checkClass(registry, 'Cached', (context) => {
        executions += 1;
        context.observe('execution', executions);
      }, { cacheTtlMs: 1_000 });
      const service = serviceFor(registry);
      const first = await service.run();
      expect(first.checks[0]).to.not.have.property('cached');
      await clock.tickAsync(400);
      const second = await service.run();
      expect(executions).to.equal(1);
      expect(second.checks[0]).to.include({ cached: true, ageMs: 400 });
      expect(second.checks[0]?.observations.execution?.value).to.equal(1);
      await clock.tickAsync(600);
      const third = await service.run();
      expect(executions).to.equal(2);
      expect(third.checks[0]).to.not.have.property('cached');
    });

    it('applies the module default cache TTL, and lets fresh bypass it', async () => {
      let executions = 0;
      checkClass(registry, 'DefaultCached', () => {
        executions += 1;
      });
      const service = serviceFor(registry, { defaultCacheTtlMs: 5_000 });
      await service.run();
      await service.run();
      expect(executions).to.equal(1);
      await service.run({ fresh: true });
      expect(executions).to.equal(2);
    });

    it('caches failures too, so a storm never reaches a failing dependency more than once per TTL', async () => {
      let executions = 0;
      checkClass(registry, 'CachedFailure', () => {
        executions += 1;
        throw new ServiceUnavailable('down');
      }, { cacheTtlMs: 1_000 });
      const service = serviceFor(registry);
      await service.run();
      const second = await service.run();
      expect(executions).to.equal(1);
      expect(second.status).to.equal('fail');
    });
  });

  describe('selection', () => {
    beforeEach(() => {
      checkClass(registry, 'Db', () => undefined, { tags: ['ready', 'db'] });
      checkClass(registry, 'Cache', () => undefined, { tags: ['ready', 'cache'] });
      checkClass(registry, 'Loop', () => undefined, { tags: ['live'] });
      checkClass(registry, 'Untagged', () => undefined);
      checkClass(registry, 'Boot', () => undefined, { tags: ['startup'] });
    });
    const names = (checks: readonly CheckResult[]): string[] => checks.map((check) => check.name);

    it('runs every check by default', async () => {
      expect(names((await serviceFor(registry).run()).checks)).to.deep.equal(['Db', 'Cache', 'Loop', 'Untagged', 'Boot']);
    });

    it('selects checks having any of the given tags', async () => {
      expect(names((await serviceFor(registry).run({ tags: ['db', 'live'] })).checks)).to.deep.equal(['Db', 'Loop']);
    });

    it('selects checks by name, keeping registration order', async () => {
      expect(names((await serviceFor(registry).run({ names: ['Untagged', 'Db'] })).checks)).to.deep.equal(['Db', 'Untagged']);
    });

    it('requires both tags and names to match when both are given', async () => {
      expect(names((await serviceFor(registry).run({ names: ['Db', 'Loop'], tags: ['ready'] })).checks)).to.deep.equal(['Db']);
    });

    it('runs an empty, passing selection for a tag no check has', async () => {
      const report = await serviceFor(registry).run({ tags: ['nothing'] });
      expect(report).to.include({ status: 'pass', httpStatus: 200 });
      expect(report.checks).to.deep.equal([]);
    });

    it("starts the first check after the caller's options were read: a getter that blocks the loop costs no check its time", async () => {
      const local = new HealthCheckRegistry();
      checkClass(local, 'Quick', () => sleep(5), { timeoutMs: 200 });
      const service = serviceFor(local);
      const options = {
        get fresh(): boolean {
          const until = performance.now() + 300;
          while (performance.now() < until) {
            // the caller's own code, blocking the loop longer than the check's timeout
          }
          return false;
        },
      };
      const report = await service.run(options);
      expect(report.checks[0]?.output).to.equal('working');
      expect(report.checks[0]?.durationMs).to.be.below(200);
    });

    it('rejects an unknown name, naming it and the known ones', async () => {
      const service = serviceFor(registry);
      let error: unknown;
      await service.run({ names: ['Db', 'Nope'] }).catch((caught: unknown) => {
        error = caught;
      });
      expect(error).to.be.instanceOf(RangeError);
      expect((error as Error).message).to.include("'Nope'").and.include('Db, Cache');
    });

    it('rejects malformed options with a message naming the option', async () => {
      const service = serviceFor(registry);
      const attempts: [unknown, RegExp][] = [
        [{ tags: 'ready' }, /tags must be an array/],
        [{ names: [1] }, /names must be an array of non-empty strings/],
        [{ probe: 'readyness' }, /probe must be one of liveness, readiness, startup/],
        [{ tag: ['ready'] }, /unknown option 'tag'/],
        [{ fresh: 'yes' }, /fresh must be a boolean/],
      ];
      for (const [options, message] of attempts) {
        let error: unknown;
        await service.run(options as never).catch((caught: unknown) => {
          error = caught;
        });
        expect(error, JSON.stringify(options)).to.be.instanceOf(Error);
        expect((error as Error).message).to.match(message);
      }
    });

    describe('by probe', () => {
      it('liveness runs only checks tagged live', async () => {
        expect(names((await serviceFor(registry).run({ probe: 'liveness' })).checks)).to.deep.equal(['Loop']);
      });

      it('readiness runs checks tagged ready plus checks with no probe tag', async () => {
        expect(names((await serviceFor(registry).run({ probe: 'readiness' })).checks)).to.deep.equal(['Db', 'Cache', 'Untagged']);
      });

      it('startup runs checks tagged startup when there are any', async () => {
        expect(names((await serviceFor(registry).run({ probe: 'startup' })).checks)).to.deep.equal(['Boot']);
      });

      it('startup falls back to the readiness checks when none is tagged startup', async () => {
        const other = new HealthCheckRegistry();
        checkClass(other, 'Dependency', () => undefined);
        checkClass(other, 'Loop', () => undefined, { tags: ['live'] });
        expect(names((await serviceFor(other).run({ probe: 'startup' })).checks)).to.deep.equal(['Dependency']);
      });

      it('liveness passes when there are no live checks, even though a dependency is down', async () => {
        const other = new HealthCheckRegistry();
        checkClass(other, 'Database', () => {
          throw new ServiceUnavailable('down');
        });
        const service = serviceFor(other);
        expect((await service.run({ probe: 'liveness' })).status).to.equal('pass');
        expect((await service.run({ probe: 'readiness' })).status).to.equal('fail');
      });
    });
  });

  describe('startup latch', () => {
    it('answers startup from the first passing report afterwards, without executing again', async () => {
      let executions = 0;
      let healthy = false;
      checkClass(registry, 'Migrations', () => {
        executions += 1;
        if (!healthy) throw new ServiceUnavailable('pending');
      }, { tags: ['startup'] });
      const service = serviceFor(registry);
      expect((await service.run({ probe: 'startup' })).status).to.equal('fail');
      healthy = true;
      expect((await service.run({ probe: 'startup' })).status).to.equal('pass');
      healthy = false;
      const latched = await service.run({ probe: 'startup' });
      expect(latched.status).to.equal('pass');
      expect(latched.checks[0]).to.include({ cached: true });
      expect(executions).to.equal(2);
      expect((await service.run({ probe: 'startup', fresh: true })).status).to.equal('fail');
    });

    it('can be turned off', async () => {
      let executions = 0;
      checkClass(registry, 'Boot', () => {
        executions += 1;
      }, { tags: ['startup'] });
      const service = serviceFor(registry, { latchStartup: false });
      await service.run({ probe: 'startup' });
      await service.run({ probe: 'startup' });
      expect(executions).to.equal(2);
    });
  });
});

describe('HealthService.beginShutdown', () => {
  it('makes readiness fail with "shutting down" while liveness still passes', async () => {
    const registry = new HealthCheckRegistry();
    let readinessExecutions = 0;
    checkClass(registry, 'Database', () => {
      readinessExecutions += 1;
    });
    checkClass(registry, 'EventLoop', () => undefined, { tags: ['live'] });
    const service = serviceFor(registry);
    expect((await service.run({ probe: 'readiness' })).status).to.equal('pass');
    expect(service.shuttingDown).to.equal(false);

    service.beginShutdown();
    const readiness = await service.run({ probe: 'readiness' });
    expect(service.shuttingDown).to.equal(true);
    expect(readiness).to.include({ status: 'fail', httpStatus: 503 });
    expect(readiness.checks.map((check) => [check.name, check.output])).to.deep.equal([['shutdown', 'unavailable: shutting down']]);
    expect(readinessExecutions).to.equal(1);
    const liveness = await service.run({ probe: 'liveness' });
    expect(liveness).to.include({ status: 'pass', httpStatus: 200 });
    expect(liveness.checks.map((check) => check.name)).to.deep.equal(['EventLoop']);
  });

  it('makes the whole service (run() without a probe, as /health) fail with "shutting down" too, without running checks', async () => {
    const registry = new HealthCheckRegistry();
    let executions = 0;
    checkClass(registry, 'Database', () => {
      executions += 1;
    });
    const service = serviceFor(registry);
    service.beginShutdown();
    const whole = await service.run();
    expect(whole).to.include({ status: 'fail', httpStatus: 503 });
    expect(whole.checks.map((check) => [check.name, check.output])).to.deep.equal([['shutdown', 'unavailable: shutting down']]);
    expect(executions).to.equal(0);
    const named = await service.run({ names: ['Database'] });
    expect([named.status, executions]).to.deep.equal(['pass', 1]);
  });
});

describe('HealthService.onStatusChange', () => {
  it('reports transitions, not every execution', async () => {
    const registry = new HealthCheckRegistry();
    let healthy = true;
    checkClass(registry, 'Flappy', () => {
      if (!healthy) throw new ServiceUnavailable('down');
    });
    const service = serviceFor(registry);
    const seen: [string, HealthStatus | undefined, HealthStatus][] = [];
    service.onStatusChange((check, previous, current) => {
      seen.push([check.name, previous, current]);
    });
    await service.run();
    await service.run();
    healthy = false;
    await service.run();
    await service.run();
    healthy = true;
    await service.run();
    expect(seen).to.deep.equal([
      ['Flappy', undefined, 'pass'],
      ['Flappy', 'pass', 'fail'],
      ['Flappy', 'fail', 'pass'],
    ]);
  });

  it('hands the listener the new result, and stops calling it once removed', async () => {
    const registry = new HealthCheckRegistry();
    let healthy = true;
    checkClass(registry, 'Flappy', () => {
      if (!healthy) throw new ServiceUnavailable('connection refused');
    });
    const service = serviceFor(registry);
    const listener = sinon.spy();
    const remove = service.onStatusChange(listener);
    await service.run();
    healthy = false;
    await service.run();
    expect(listener.callCount).to.equal(2);
    expect((listener.secondCall.args[0] as CheckResult).output).to.equal('unavailable: connection refused');
    remove();
    healthy = true;
    await service.run();
    expect(listener.callCount).to.equal(2);
  });

  it('keeps running when a listener throws, and emits a process warning', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Any', () => undefined);
    const service = serviceFor(registry);
    service.onStatusChange(() => {
      throw new Error('listener bug');
    });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const report = await service.run();
      await sleep(5);
      expect(report.status).to.equal('pass');
      expect(warnings.map((warning) => warning.message).join()).to.include('listener bug');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('HealthService.start', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.restore();
  });

  it('runs checks on a schedule and answers run() from the latest results', async () => {
    const registry = new HealthCheckRegistry();
    let executions = 0;
    checkClass(registry, 'Scheduled', () => {
      executions += 1;
    });
    const service = serviceFor(registry);
    service.start({ intervalMs: 1_000 });
    await clock.tickAsync(0);
    expect(executions).to.equal(1);
    const report = await service.run();
    expect(executions).to.equal(1);
    expect(report.checks[0]).to.include({ cached: true, status: 'pass' });
    await clock.tickAsync(1_000);
    expect(executions).to.equal(2);
    await clock.tickAsync(3_000);
    expect(executions).to.equal(5);
    await service.stop();
  });

  it('reports a result older than staleAfterMs as a failure', async () => {
    const registry = new HealthCheckRegistry();
    const gate = deferred();
    let executions = 0;
    checkClass(registry, 'Stuck', async () => {
      executions += 1;
      if (executions > 1) await gate.promise;
    }, { timeoutMs: 60_000 });
    const service = serviceFor(registry);
    service.start({ intervalMs: 100, staleAfterMs: 500 });
    await clock.tickAsync(0);
    expect((await service.run()).status).to.equal('pass');
    await clock.tickAsync(600);
    const stale = await service.run();
    expect(stale.status).to.equal('fail');
    expect(stale.checks[0]?.output).to.match(/^unavailable: stale: the latest background result is \d+ ms old \(limit 500 ms\)$/);
    gate.resolve();
    await service.stop();
  });

  it('leaves no timer running after stop(), and waits for the round in flight', async () => {
    clock.restore();
    const registry = new HealthCheckRegistry();
    const gate = deferred();
    let finished = false;
    checkClass(registry, 'Slow', async () => {
      await gate.promise;
      finished = true;
    });
    const service = serviceFor(registry);
    const before = await activeTimers();
    service.start({ intervalMs: 10 });
    const stopping = service.stop();
    setTimeout(() => {
      gate.resolve();
    }, 5);
    await stopping;
    expect(finished).to.equal(true);
    expect(service.running).to.equal(false);
    expect(await activeTimers()).to.equal(before);
    clock = sinon.useFakeTimers();
  });

  it('unrefs its timer so it never keeps the process alive', async () => {
    clock.restore();
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Quick', () => undefined);
    const service = serviceFor(registry);
    service.start({ intervalMs: 60_000 });
    await sleep(5);
    const refed = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    await service.stop();
    const after = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    // getActiveResourcesInfo lists only ref'ed timers: the background timer must not be among them
    expect(refed).to.equal(after);
    clock = sinon.useFakeTimers();
  });

  it('refuses a second start and malformed options', async () => {
    const service = serviceFor(new HealthCheckRegistry());
    expect(() => {
      service.start({ intervalMs: 0 });
    }).to.throw(RangeError, /intervalMs must be a positive finite number/);
    expect(() => {
      service.start({ intervalMs: 10, every: 5 } as never);
    }).to.throw(TypeError, /unknown option 'every'/);
    service.start({ intervalMs: 1_000 });
    expect(() => {
      service.start({ intervalMs: 1_000 });
    }).to.throw(/already running/);
    await service.stop();
    await service.stop();
  });
});

describe('HealthService constructor', () => {
  class Plain extends HealthCheck {
    check(): void {}
  }

  it('can be built without a container, from instances', async () => {
    const service = new HealthService([new Plain()], { defaultTimeoutMs: 100 });
    const report = await service.run();
    expect(report.checks.map((check) => check.name)).to.deep.equal(['Plain']);
  });

  it('refuses entries that are not HealthCheck instances', () => {
    // a plain object shaped like a check, as plain JavaScript could pass
    const lookalike = { check() {} } as unknown as HealthCheck;
    expect(() => new HealthService([lookalike])).to.throw(TypeError, /check #0 is not a HealthCheck instance/);
  });

  it('refuses two checks with one name', () => {
    expect(() => new HealthService([new Plain(), new Plain()])).to.throw(/two checks are named 'Plain'/);
  });

  it('refuses malformed options, naming them', () => {
    expect(() => new HealthService([], { defaultTimeoutMs: -1 })).to.throw(RangeError, /defaultTimeoutMs must be a positive finite number/);
    expect(() => new HealthService([], { defaultCacheTtlMs: Number.NaN })).to.throw(RangeError, /defaultCacheTtlMs/);
    expect(() => new HealthService([], { timeout: 5 } as never)).to.throw(TypeError, /unknown option 'timeout'/);
  });

  it('lists the definitions it runs', () => {
    expect(new HealthService([new Plain()]).definitions().map((definition) => definition.name)).to.deep.equal(['Plain']);
  });
});

describe('HealthService option limits', () => {
  class Plain extends HealthCheck {
    check(): void {}
  }
  const limit = /must be at most 2147483647 ms \(about 24\.8 days, the longest delay a timer can hold\)/;

  it('refuses a default timeout or cache TTL a timer cannot hold, naming the option, itself and the limit', () => {
    expect(() => new HealthService([], { defaultTimeoutMs: 2_147_483_648 })).to.throw(RangeError, /^HealthService: defaultTimeoutMs must be at most 2147483647 ms/);
    expect(() => new HealthService([], { defaultTimeoutMs: 3e9 })).to.throw(RangeError, limit);
    expect(() => new HealthService([], { defaultCacheTtlMs: 3e9 })).to.throw(RangeError, /^HealthService: defaultCacheTtlMs must be at most 2147483647 ms/);
    expect(() => new HealthService([new Plain()], { defaultTimeoutMs: 2_147_483_647, defaultCacheTtlMs: 2_147_483_647 })).not.to.throw();
  });

  it('refuses singleFlight and latchStartup that are not booleans, naming the option and the type', () => {
    expect(() => new HealthService([], { singleFlight: 'no' } as never)).to.throw(TypeError, /^HealthService: singleFlight must be a boolean, got 'no'$/);
    expect(() => new HealthService([], { latchStartup: 1 } as never)).to.throw(TypeError, /^HealthService: latchStartup must be a boolean, got 1 \(number\)$/);
    expect(() => new HealthService([], { singleFlight: null } as never)).to.throw(TypeError, /singleFlight must be a boolean, got null/);
  });

  it('refuses options that are not a plain object', () => {
    expect(() => new HealthService([], [] as never)).to.throw(TypeError, /^HealthService: options must be an object, got an array$/);
  });

  it('refuses start({ intervalMs: 3e9 }) instead of running a round every millisecond, and leaves nothing running', async () => {
    const registry = new HealthCheckRegistry();
    let executions = 0;
    checkClass(registry, 'Counted', () => {
      executions += 1;
    });
    const service = serviceFor(registry);
    expect(() => {
      service.start({ intervalMs: 3e9 });
    }).to.throw(RangeError, /^HealthService\.start: intervalMs must be at most 2147483647 ms \(about 24\.8 days, the longest delay a timer can hold\), got 3000000000$/);
    expect(service.running).to.equal(false);
    await sleep(30);
    expect(executions).to.equal(0);
    await service.stop();
  });

  it('refuses a staleAfterMs a timer cannot hold, before starting anything', async () => {
    const registry = new HealthCheckRegistry();
    let executions = 0;
    checkClass(registry, 'Counted', () => {
      executions += 1;
    });
    const service = serviceFor(registry);
    expect(() => {
      service.start({ intervalMs: 1_000, staleAfterMs: 3e9 });
    }).to.throw(RangeError, /^HealthService\.start: staleAfterMs must be at most 2147483647 ms/);
    expect(service.running).to.equal(false);
    await sleep(5);
    expect(executions).to.equal(0);
  });

  it('accepts the largest interval a timer can hold, and keeps the default staleness limit within it', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Quick', () => undefined);
    const service = serviceFor(registry);
    service.start({ intervalMs: 2_147_483_647 });
    await sleep(5);
    const report = await service.run();
    expect(report.checks[0]).to.include({ status: 'pass', cached: true });
    await service.stop();
    expect(service.running).to.equal(false);
  });
});

/** Values a check or a listener may throw that break naive describing. */
function hostileValues(): [string, () => unknown][] {
  const numericMessage = (): Error => Object.assign(new Error('placeholder'), { message: 42 });
  const throwingGetter = (): Error => {
    const error = new Error('placeholder');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('message getter exploded');
      },
    });
    return error;
  };
  const proxy = (): unknown =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('get trap');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf trap');
        },
        has() {
          throw new Error('has trap');
        },
        ownKeys() {
          throw new Error('ownKeys trap');
        },
        getOwnPropertyDescriptor() {
          throw new Error('getOwnPropertyDescriptor trap');
        },
      },
    );
  return [
    ['a prototype-less object', () => Object.create(null) as unknown],
    ['a Proxy that throws on every trap', proxy],
    ['an Error whose message is a number', numericMessage],
    ['an Error whose message getter throws', throwingGetter],
    ['a symbol', () => Symbol('thrown')],
  ];
}

describe('HealthService under hostile checks', () => {
  it('turns a thenable whose then() throws into a failed result, instead of rejecting run()', async () => {
    const registry = new HealthCheckRegistry();
    const made = class extends HealthCheck {
      check(): Promise<void> {
        return {
          then() {
            throw new Error('then exploded');
          },
        } as unknown as Promise<void>;
      }
    };
    registerHealthCheck({ registry, name: 'Thenable', timeoutMs: 50 })(made);
    const report = await serviceFor(registry).run();
    expect(report.status).to.equal('fail');
    expect(report.checks[0]?.errors[0]?.kind).to.equal('unknown error');
    expect(report.checks[0]?.output).to.match(/then exploded/);
  });

  it('keeps start() atomic: a check that throws an Error with a numeric message leaves background mode running and stoppable', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Numeric', () => {
      throw Object.assign(new Error('placeholder'), { message: 42 });
    });
    const service = serviceFor(registry);
    expect(() => {
      service.start({ intervalMs: 1_000 });
    }).not.to.throw();
    expect(service.running).to.equal(true);
    await sleep(5);
    const report = await service.run();
    expect(report.status).to.equal('fail');
    expect(report.checks).to.have.length(1);
    expect(['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error']).to.include(report.checks[0]?.errors[0]?.kind);
    await service.stop();
    expect(service.running).to.equal(false);
  });
});

describe('HealthService listeners that misbehave', () => {
  let warnings: Error[];
  const onWarning = (warning: Error): void => {
    warnings.push(warning);
  };
  beforeEach(() => {
    warnings = [];
    process.on('warning', onWarning);
  });
  afterEach(() => {
    process.off('warning', onWarning);
  });

  for (const [title, make] of hostileValues()) {
    it(`turns a listener that throws ${title} into a PulsecheckListenerWarning, and run() still resolves`, async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Any', () => undefined);
      const service = serviceFor(registry);
      service.onStatusChange(() => {
        throw make();
      });
      const report = await service.run();
      await sleep(5);
      expect(report.status).to.equal('pass');
      const ours = warnings.filter((warning) => warning.name === 'PulsecheckListenerWarning');
      expect(ours).to.have.length(1);
      expect(ours[0]?.message).to.match(/^pulsecheck: a status-change listener threw: \S/);
    });
  }

  it('keeps background mode on schedule when a listener throws a prototype-less object at every change', async () => {
    const clock = installClock();
    try {
      const registry = new HealthCheckRegistry();
      let executions = 0;
      checkClass(registry, 'Flappy', () => {
        executions += 1;
        if (executions % 2 === 0) throw new ServiceUnavailable('down');
      });
      const service = serviceFor(registry);
      let calls = 0;
      service.onStatusChange(() => {
        calls += 1;
        throw Object.create(null);
      });
      service.start({ intervalMs: 100 });
      await clock.tickAsync(0);
      await clock.tickAsync(450);
      expect(executions).to.equal(5);
      expect(calls).to.equal(5);
      expect(service.running).to.equal(true);
      const report = await service.run();
      expect(report.checks[0]).to.include({ cached: true, status: 'pass' });
      await service.stop();
    } finally {
      clock.restore();
    }
  });

  it('calls the listeners subscribed when a change starts, skipping those unsubscribed meanwhile, and calls those subscribed meanwhile from the next change on', async () => {
    const registry = new HealthCheckRegistry();
    let healthy = true;
    checkClass(registry, 'Flappy', () => {
      if (!healthy) throw new ServiceUnavailable('down');
    });
    const service = serviceFor(registry);
    const calls: string[] = [];
    let removeThird: () => void = () => undefined;
    const removeFirst = service.onStatusChange(() => {
      calls.push('first (removes itself and the third, adds a late one)');
      removeFirst();
      removeThird();
      service.onStatusChange((_result, previous, current) => {
        calls.push(`late ${String(previous)}->${current}`);
      });
    });
    service.onStatusChange(() => {
      calls.push('second');
    });
    removeThird = service.onStatusChange(() => {
      calls.push('third');
    });
    await service.run();
    expect(calls).to.deep.equal(['first (removes itself and the third, adds a late one)', 'second']);
    calls.length = 0;
    healthy = false;
    await service.run();
    expect(calls).to.deep.equal(['second', 'late pass->fail']);
  });

  it('lets a listener unsubscribe twice, and subscribing one listener twice calls it once', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Any', () => undefined);
    const service = serviceFor(registry);
    const listener = sinon.spy();
    const remove = service.onStatusChange(listener);
    service.onStatusChange(listener);
    await service.run({ fresh: true });
    expect(listener.callCount).to.equal(1);
    remove();
    remove();
  });
});
