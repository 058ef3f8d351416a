import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheck } from 'pulsecheck';
import { BackgroundScheduler } from '#lib/core/BackgroundScheduler.js';
import { buildResult } from '#lib/core/executeCheck.js';
import { installClock } from './fixtures.js';

const definition = Object.freeze({ target: HealthCheck, name: 'Db', critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });

describe('BackgroundScheduler', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.restore();
  });

  it('runs a round now, then intervalMs after each round ends, until stopped', async () => {
    let rounds = 0;
    const scheduler = new BackgroundScheduler(() => {
      rounds += 1;
      return new Promise((resolve) => setTimeout(resolve, 5));
    });
    scheduler.start({ intervalMs: 100 }, 0);
    expect([rounds, scheduler.running]).to.deep.equal([1, true]);
    await clock.tickAsync(104);
    expect(rounds).to.equal(1);
    await clock.tickAsync(1);
    expect(rounds).to.equal(2);
    const stopping = scheduler.stop();
    expect(scheduler.running).to.equal(false);
    await clock.tickAsync(5);
    await stopping;
    await clock.tickAsync(1_000);
    expect([rounds, scheduler.running, clock.countTimers()]).to.deep.equal([2, false, 0]);
  });

  it('defaults the staleness limit to three intervals plus the largest timeout', () => {
    const scheduler = new BackgroundScheduler(() => Promise.resolve());
    expect(scheduler.staleAfterMs).to.equal(undefined);
    scheduler.start({ intervalMs: 100 }, 70);
    expect(scheduler.staleAfterMs).to.equal(370);
    void scheduler.stop();
  });

  it('answers a result up to the limit with its age, and past it with a stale failure', () => {
    const scheduler = new BackgroundScheduler(() => Promise.resolve());
    const latest = { result: buildResult(definition, 1, [], {}), finishedAt: 1_000 };
    expect(scheduler.answer(definition, latest, 2_000)).to.equal(undefined);
    scheduler.start({ intervalMs: 100, staleAfterMs: 300 }, 0);
    expect(scheduler.answer(definition, latest, 1_300)).to.include({ status: 'pass', cached: true, ageMs: 300 });
    expect(scheduler.answer(definition, latest, 1_301)?.output).to.equal('unavailable: stale: the latest background result is 301 ms old (limit 300 ms)');
    expect(scheduler.answer(definition, undefined, 1_301)).to.equal(undefined);
    void scheduler.stop();
  });

  it('validates everything before starting anything', () => {
    const scheduler = new BackgroundScheduler(() => Promise.resolve());
    expect(() => {
      scheduler.start({ intervalMs: 0 }, 0);
    }).to.throw(RangeError, /intervalMs/);
    expect(() => {
      scheduler.start({ intervalMs: 1, every: 2 } as never, 0);
    }).to.throw(TypeError, /unknown option 'every'/);
    expect(scheduler.running).to.equal(false);
  });

  it('refuses options that are not an object, or that have an unknown key, and starts nothing', () => {
    let rounds = 0;
    const scheduler = new BackgroundScheduler(() => {
      rounds += 1;
      return Promise.resolve();
    });
    for (const options of [null, [], 'fast', 5, undefined]) {
      expect(() => {
        scheduler.start(options as never, 0);
      }, String(options)).to.throw(TypeError, 'HealthService.start: options must be an object with intervalMs');
    }
    expect(() => {
      scheduler.start({ intervalMs: 10, every: 5 } as never, 0);
    }).to.throw(TypeError, "HealthService.start: unknown option 'every'");
    expect([scheduler.running, rounds, clock.countTimers()]).to.deep.equal([false, 0, 0]);
  });
});
