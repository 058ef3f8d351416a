import { expect } from 'chai';
import { Redis } from 'ioredis';
import { once } from 'node:events';
import { HealthCheckRegistry, type CheckResult, type HealthReport } from 'pulsecheck';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { activeResources, activeResourcesAfterATurn, settleResources } from '../support/activeResources.js';
import { requireService, serviceUrl } from '../support/services.js';
import { checkClass, deferred, serviceFor, sleep } from './fixtures.js';

/** Keeps the event loop busy, synchronously, for `ms` milliseconds. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

function hang(): Promise<void> {
  return new Promise<void>(() => undefined);
}

function byName(report: HealthReport): Record<string, CheckResult> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check]));
}

function kindsOf(result: CheckResult | undefined): string[] {
  return result?.errors.map((error) => error.kind) ?? [];
}

// Real timers throughout; the assertions are about verdicts and who is blamed, with generous margins,
// never about exact milliseconds (a deadline is never early, so lower bounds on durations are safe).
describe('deadlines', () => {
  let registry: HealthCheckRegistry;
  let resourcesBefore: Map<string, number>;
  beforeEach(async () => {
    registry = new HealthCheckRegistry();
    resourcesBefore = await activeResourcesAfterATurn();
  });
  afterEach(async () => {
    expect(DeadlineTimer.pending, 'executions still tracked by the deadline timer').to.equal(0);
    expect(await settleResources(resourcesBefore)).to.deep.equal({});
  });

  describe('each execution keeps its own full timeout', () => {
    it('does not shorten the deadline of a check that starts after another check ran slow synchronous code (the case of the issue)', async () => {
      // The A (async 10 ms), B (busy 80 ms, then async 10 ms), C (async 50 ms), all 100 ms, scaled by 4 for margin.
      checkClass(registry, 'A', () => sleep(40), { timeoutMs: 400 });
      checkClass(registry, 'B', () => {
        busy(320);
        return sleep(40);
      }, { timeoutMs: 400 });
      checkClass(registry, 'C', () => sleep(200), { timeoutMs: 400 });
      const report = await serviceFor(registry).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([
        ['A', 'working'],
        ['B', 'working'],
        ['C', 'working'],
      ]);
      expect(report.httpStatus).to.equal(200);
    });

    it("starts each check of a run when the previous one's synchronous part ended: a sync check that blocks does not shorten the next one's deadline", async () => {
      checkClass(registry, 'SyncBlocker', () => {
        busy(240);
      }, { timeoutMs: 2_000 });
      checkClass(registry, 'Next', () => sleep(1), { timeoutMs: 100 });
      const report = await serviceFor(registry).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([
        ['SyncBlocker', 'working'],
        ['Next', 'working'],
      ]);
      expect(report.checks[1]?.durationMs, "Next's duration leaves out the blocker's").to.be.below(100);
    });

    it("does not shorten the deadline of a check started after a result listener blocked the loop while the run started its checks (a blocked check's result, recorded at once)", async () => {
      checkClass(registry, 'Root', () => {
        throw new Error('down');
      }, { cacheTtlMs: 60_000 });
      checkClass(registry, 'Before', () => sleep(1), { timeoutMs: 2_000 });
      checkClass(registry, 'Blocked', () => undefined, { dependsOn: ['Root'] });
      checkClass(registry, 'After', () => sleep(1), { timeoutMs: 100 });
      const service = serviceFor(registry);
      await service.run();
      let armed = true;
      service.onResult((result) => {
        if (result.name === 'Blocked' && armed) {
          armed = false;
          busy(240);
        }
      });
      const results = byName(await service.run());
      expect(armed, 'the listener heard of the blocked check while the run started its checks').to.equal(false);
      expect(results.Blocked?.status).to.equal('fail');
      expect(results.Before?.output).to.equal('working');
      expect(results.After?.output).to.equal('working');
    });

    it('gives a run started after slow synchronous code in the same turn its own deadline', async () => {
      checkClass(registry, 'Slowish', () => sleep(150), { timeoutMs: 250 });
      const service = serviceFor(registry);
      const first = service.run({ fresh: true });
      busy(200);
      const second = service.run({ fresh: true });
      const [one, two] = await Promise.all([first, second]);
      expect(one.checks[0]?.output).to.equal('working');
      expect(two.checks[0]?.output).to.equal('working');
    });

    it('times out checks started in different turns each at their own deadline, never earlier', async () => {
      checkClass(registry, 'Hung', hang, { timeoutMs: 80 });
      const service = serviceFor(registry);
      const runs: Promise<HealthReport>[] = [];
      for (let index = 0; index < 4; index += 1) {
        runs.push(service.run({ fresh: true }));
        await sleep(25);
      }
      for (const report of await Promise.all(runs)) {
        expect(report.checks[0]?.output).to.equal('timeout: did not finish within 80 ms');
        expect(report.checks[0]?.durationMs).to.be.at.least(80);
      }
    });

    it('expires a shorter timeout started later at its own deadline, not at the earlier, longer one', async () => {
      checkClass(registry, 'Long', hang, { timeoutMs: 1_500 });
      checkClass(registry, 'Short', hang, { timeoutMs: 60 });
      const service = serviceFor(registry);
      const long = service.run({ names: ['Long'], fresh: true });
      await sleep(10);
      const short = await service.run({ names: ['Short'], fresh: true });
      expect(short.checks[0]?.errors[0]?.kind).to.equal('timeout');
      expect(short.checks[0]?.durationMs).to.be.at.least(60).and.below(1_000);
      expect((await long).checks[0]?.durationMs).to.be.at.least(1_500);
    });

    it('keeps the right deadlines when executions end in any order', async () => {
      // Twenty checks with timeouts of many lengths; half hang, half finish at a quarter of their timeout.
      const timeouts = [100, 340, 180, 260, 120, 300, 220, 140, 380, 160];
      for (const [index, timeoutMs] of timeouts.entries()) {
        checkClass(registry, `Hung${index}`, hang, { timeoutMs });
        checkClass(registry, `Quick${index}`, () => sleep(timeoutMs / 4), { timeoutMs });
      }
      const service = serviceFor(registry);
      const first = service.run({ fresh: true });
      await sleep(30);
      const second = service.run({ fresh: true });
      for (const report of await Promise.all([first, second])) {
        for (const [index, timeoutMs] of timeouts.entries()) {
          const results = byName(report);
          expect(results[`Quick${index}`]?.output).to.equal('working');
          expect(results[`Hung${index}`]?.output).to.equal(`timeout: did not finish within ${timeoutMs} ms`);
          expect(results[`Hung${index}`]?.durationMs).to.be.at.least(timeoutMs);
        }
      }
    });

    it('re-arms after the earliest execution ends, and times out a later one at its own deadline', async () => {
      const release = deferred();
      checkClass(registry, 'Early', () => release.promise, { timeoutMs: 100 });
      checkClass(registry, 'Later', hang, { timeoutMs: 100 });
      const service = serviceFor(registry);
      const early = service.run({ names: ['Early'], fresh: true });
      await sleep(40);
      const later = service.run({ names: ['Later'], fresh: true });
      release.resolve();
      expect((await early).checks[0]?.output).to.equal('working');
      const result = (await later).checks[0];
      expect(result?.errors[0]?.kind).to.equal('timeout');
      expect(result?.durationMs).to.be.at.least(100);
    });
  });

  describe('blame when the event loop was blocked', () => {
    it('reports a check whose synchronous part outlasts its timeout as a timeout with its real duration', async () => {
      checkClass(registry, 'SyncHog', () => {
        busy(200);
      }, { timeoutMs: 50 });
      checkClass(registry, 'SyncHogThenAsync', () => {
        busy(200);
        return sleep(1);
      }, { timeoutMs: 50 });
      const results = byName(await serviceFor(registry).run());
      for (const name of ['SyncHog', 'SyncHogThenAsync']) {
        expect(results[name]?.output, name).to.equal('timeout: did not finish within 50 ms');
        expect(results[name]?.durationMs, name).to.be.at.least(200);
        expect(results[name]?.observations.eventLoopBlockedMs?.value, name).to.be.at.least(100);
        // how far past its deadline it ran: its duration less its timeout (each rounded to the microsecond)
        expect(results[name]?.observations.eventLoopBlockedMs?.value, name).to.be.closeTo((results[name]?.durationMs ?? 0) - 50, 0.002);
      }
    });

    it('reports a check whose async continuation blocks the loop past its timeout as a timeout with its real duration', async () => {
      checkClass(registry, 'ContinuationHog', async () => {
        await sleep(5);
        busy(250);
      }, { timeoutMs: 50 });
      checkClass(registry, 'ContinuationHogStillPending', async () => {
        await sleep(5);
        busy(250);
        await hang();
      }, { timeoutMs: 50 });
      const report = await serviceFor(registry).run();
      for (const result of report.checks) {
        expect(result.output, result.name).to.equal('timeout: did not finish within 50 ms');
        expect(result.durationMs, result.name).to.be.at.least(250);
      }
      // blamed when it settled: how far past its deadline it ran, its duration less its timeout (each rounded to the microsecond)
      const blamed = report.checks[0];
      expect(blamed?.observations.eventLoopBlockedMs?.value).to.be.at.least(150);
      expect(blamed?.observations.eventLoopBlockedMs?.value).to.be.closeTo((blamed?.durationMs ?? 0) - 50, 0.002);
      // still pending: its own deadline's verdict, not the run's backstop (which fires in the same turn), with why it was late
      expect(report.checks[1]?.observations.eventLoopBlockedMs?.value).to.be.at.least(150);
      expect(report.httpStatus).to.equal(503);
    });

    it('still reports a genuinely hung check as a timeout after a block, aborts its signal and does not wait for it', async () => {
      let signal: AbortSignal | undefined;
      const late = deferred();
      checkClass(registry, 'Hung', async (context) => {
        signal = context.signal;
        await late.promise;
        context.addError('reported after the timeout');
      }, { timeoutMs: 50 });
      checkClass(registry, 'Hog', async () => {
        await Promise.resolve();
        busy(200);
      }, { timeoutMs: 1_000 });
      const report = await serviceFor(registry).run();
      late.resolve();
      await sleep(5);
      const results = byName(report);
      expect(results.Hung?.output).to.equal('timeout: did not finish within 50 ms');
      expect(results.Hung?.observations.eventLoopBlockedMs?.value).to.be.at.least(50);
      expect(results.Hung?.observations.eventLoopBlockedMs?.value).to.be.at.most((results.Hung?.durationMs ?? 0) - 50 + 0.002);
      expect(results.Hog?.output).to.equal('working');
      expect(signal?.aborted).to.equal(true);
    });

    it('lets a check whose reply is already queued finish when the blocker ran first in the same turn', async () => {
      // Quick's continuation is a microtask queued before Hog blocked: it finishes the moment the loop is free.
      checkClass(registry, 'Hog', () => {
        busy(200);
      }, { timeoutMs: 50 });
      checkClass(registry, 'Quick', async () => {
        await Promise.resolve();
      }, { timeoutMs: 50 });
      const results = byName(await serviceFor(registry).run());
      expect(kindsOf(results.Hog)).to.deep.equal(['timeout']);
      expect(results.Quick?.output).to.equal('working');
    });

    describe('with a real Redis reply arriving during the block', () => {
      let client: Redis;
      before(async function () {
        await requireService(this, 'redis');
      });
      beforeEach(async () => {
        client = new Redis(serviceUrl('redis'), { connectionName: `pulsecheck-spec-deadlines-${process.pid}`, lazyConnect: true });
        client.on('error', () => undefined);
        await client.connect();
        if (client.status !== 'ready') await once(client, 'ready');
        resourcesBefore = activeResources();
      });
      afterEach(async () => {
        await client.quit();
      });

      it('reports the PING pass and the check that blocked the loop in a continuation as the timeout (the case of the issue)', async () => {
        checkClass(registry, 'RedisPing', async () => {
          await client.ping();
        }, { timeoutMs: 150 });
        checkClass(registry, 'Hog', async () => {
          await Promise.resolve();
          busy(500);
        }, { timeoutMs: 150 });
        const report = await serviceFor(registry).run();
        const results = byName(report);
        expect(results.RedisPing?.output).to.equal('working');
        expect(results.Hog?.output).to.equal('timeout: did not finish within 150 ms');
        expect(results.Hog?.durationMs).to.be.at.least(500);
        // The operator can see why the PING took so long.
        expect(results.RedisPing?.observations.eventLoopBlockedMs).to.include({ unit: 'ms' });
        expect(results.RedisPing?.observations.eventLoopBlockedMs?.value).to.be.at.least(100);
        expect(results.RedisPing?.observations.eventLoopBlockedMs?.value).to.be.at.most((results.RedisPing?.durationMs ?? 0) - 150 + 0.002);
      });

      it('reports the PING pass when the loop was blocked past the run\'s backstop (largest timeout + 250 ms), from a phase after I/O', async () => {
        // Blocked in the check phase, as a request handler would block the poll phase: the turn after
        // the block runs its timers (the deadline timer and the run's backstop) before it reads the reply.
        // Hog blocks right after the PING is written, in the same check phase, so the reply always arrives
        // during the block (two separate sleeps could land a millisecond apart, and the reply come first).
        const checkPhase = (): Promise<unknown> => new Promise((resolve) => setImmediate(resolve));
        const pingSent = deferred();
        checkClass(registry, 'RedisPing', async () => {
          await sleep(5);
          await checkPhase();
          const reply = client.ping();
          pingSent.resolve();
          await reply;
        }, { timeoutMs: 50 });
        checkClass(registry, 'Hog', async () => {
          await pingSent.promise;
          busy(450);
        }, { timeoutMs: 50 });
        const results = byName(await serviceFor(registry).run());
        expect(results.RedisPing?.output).to.equal('working');
        expect(results.RedisPing?.observations.eventLoopBlockedMs?.value).to.be.at.least(200);
        expect(results.Hog?.output).to.equal('timeout: did not finish within 50 ms');
      });

      it('reports the PING pass when the blocker was a synchronous check', async () => {
        checkClass(registry, 'RedisPing', async () => {
          await client.ping();
        }, { timeoutMs: 150 });
        checkClass(registry, 'SyncHog', () => {
          busy(500);
        }, { timeoutMs: 150 });
        const results = byName(await serviceFor(registry).run());
        expect(results.RedisPing?.output).to.equal('working');
        expect(results.SyncHog?.output).to.equal('timeout: did not finish within 150 ms');
      });
    });
  });
});
