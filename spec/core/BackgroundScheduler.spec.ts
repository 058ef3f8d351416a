import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheck } from 'pulsecheck';
import { BackgroundScheduler, type ScheduledCheck } from '#lib/core/BackgroundScheduler.js';
import { buildResult } from '#lib/core/buildResult.js';
import type { CheckSlot } from '#lib/core/CheckSlot.js';
import { deferred, installClock } from './fixtures.js';
import { slot } from './unitFixtures.js';

const definition = Object.freeze({ target: HealthCheck, name: 'Db', critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });

/** The slots the specs schedule, by name: one per name within a spec (a slot belongs to one scheduler). */
let keys = new Map<string, CheckSlot>();

/** The slot named `name` in the running spec. */
function keyOf(name: string): CheckSlot {
  let key = keys.get(name);
  if (key === undefined) {
    key = slot(name);
    keys.set(name, key);
  }
  return key;
}

/** A check named `name` on the service-wide interval, no delay, with `timeoutMs`. */
function scheduled(name: string, own: Partial<Omit<ScheduledCheck<CheckSlot>, 'key'>> = {}): ScheduledCheck<CheckSlot> {
  return { key: keyOf(name), intervalMs: undefined, initialDelayMs: undefined, timeoutMs: 0, ...own };
}

describe('BackgroundScheduler', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = installClock();
    keys = new Map();
  });
  afterEach(() => {
    clock.restore();
  });

  it('runs each check now, then intervalMs after each of its executions ends, until stopped', async () => {
    let executions = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      executions += 1;
      return new Promise((resolve) => setTimeout(resolve, 5));
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('Db')]);
    expect([executions, scheduler.running]).to.deep.equal([1, true]);
    await clock.tickAsync(104);
    expect(executions).to.equal(1);
    await clock.tickAsync(1);
    expect(executions).to.equal(2);
    const stopping = scheduler.stop();
    expect(scheduler.running).to.equal(false);
    await clock.tickAsync(5);
    await stopping;
    await clock.tickAsync(1_000);
    expect([executions, scheduler.running, clock.countTimers()]).to.deep.equal([2, false, 0]);
  });

  it('runs each check on its own interval, the service-wide one being the default', async () => {
    const log: string[] = [];
    const scheduler = new BackgroundScheduler<CheckSlot>((key) => {
      log.push(`${key.definition.name}@${Math.round(performance.now() - start)}`);
      return Promise.resolve();
    });
    const start = performance.now();
    scheduler.start({ intervalMs: 100 }, [scheduled('Db'), scheduled('Api', { intervalMs: 250 })]);
    await clock.tickAsync(600);
    expect(log.filter((entry) => entry.startsWith('Db'))).to.deep.equal(['Db@0', 'Db@100', 'Db@200', 'Db@300', 'Db@400', 'Db@500', 'Db@600']);
    expect(log.filter((entry) => entry.startsWith('Api'))).to.deep.equal(['Api@0', 'Api@250', 'Api@500']);
    await scheduler.stop();
  });

  it('starts a check after its initial delay, then on its interval', async () => {
    const log: number[] = [];
    const start = performance.now();
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      log.push(Math.round(performance.now() - start));
      return Promise.resolve();
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('Api', { initialDelayMs: 1_000, intervalMs: 500 })]);
    expect(log).to.deep.equal([]);
    await clock.tickAsync(999);
    expect(log).to.deep.equal([]);
    await clock.tickAsync(1);
    expect(log).to.deep.equal([1_000]);
    await clock.tickAsync(1_000);
    expect(log).to.deep.equal([1_000, 1_500, 2_000]);
    await scheduler.stop();
  });

  it('never overlaps a check with itself: a slow execution delays only its own next one', async () => {
    const slow = deferred();
    let slowExecutions = 0;
    let fastExecutions = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>((key) => {
      if (key.definition.name === 'fast') {
        fastExecutions += 1;
        return Promise.resolve();
      }
      slowExecutions += 1;
      return slowExecutions === 1 ? slow.promise : Promise.resolve();
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('slow'), scheduled('fast')]);
    await clock.tickAsync(1_000);
    expect([slowExecutions, fastExecutions]).to.deep.equal([1, 11]);
    slow.resolve();
    await clock.tickAsync(99);
    expect(slowExecutions).to.equal(1);
    await clock.tickAsync(1);
    expect(slowExecutions).to.equal(2);
    await scheduler.stop();
  });

  it('executes nothing after stop(), not even a check still in its initial delay, and leaves no timer', async () => {
    let executions = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      executions += 1;
      return Promise.resolve();
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('Db'), scheduled('Api', { initialDelayMs: 500 }), scheduled('Mq', { intervalMs: 50 })]);
    await clock.tickAsync(120);
    const before = executions;
    await scheduler.stop();
    expect(clock.countTimers()).to.equal(0);
    await clock.tickAsync(10_000);
    expect(executions).to.equal(before);
  });

  it('resolves stop() when never started, and again when already stopped', async () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    await scheduler.stop();
    scheduler.start({ intervalMs: 100 }, [scheduled('Db')]);
    await scheduler.stop();
    await scheduler.stop();
    expect([scheduler.running, clock.countTimers()]).to.deep.equal([false, 0]);
  });

  it('waits in stop() for the executions in flight, and schedules nothing when they end', async () => {
    const gate = deferred();
    let executions = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      executions += 1;
      return gate.promise;
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('A'), scheduled('B')]);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await clock.tickAsync(50);
    expect(stopped).to.equal(false);
    gate.resolve();
    await stopping;
    await clock.tickAsync(1_000);
    expect([executions, clock.countTimers()]).to.deep.equal([2, 0]);
  });

  it('keeps the schedule going when an execution throws or rejects', async () => {
    let executions = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      executions += 1;
      if (executions % 2 === 0) throw new Error('sync');
      return Promise.reject(new Error('async'));
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('Db')]);
    await clock.tickAsync(300);
    expect(executions).to.equal(4);
    await scheduler.stop();
  });

  it('defaults each check\'s staleness limit to three of its intervals plus its own timeout', () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    expect(scheduler.staleAfterMsOf(keyOf('Db'))).to.equal(undefined);
    scheduler.start({ intervalMs: 100 }, [scheduled('Db', { timeoutMs: 70 }), scheduled('Api', { intervalMs: 60_000, timeoutMs: 5_000 })]);
    expect([scheduler.staleAfterMsOf(keyOf('Db')), scheduler.staleAfterMsOf(keyOf('Api')), scheduler.staleAfterMsOf(keyOf('Other'))]).to.deep.equal([370, 185_000, undefined]);
    void scheduler.stop();
  });

  it('applies a given staleAfterMs as is on the service-wide interval, and raises it to a check\'s own default when its own interval needs more', () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    scheduler.start({ intervalMs: 5_000, staleAfterMs: 20_000 }, [
      scheduled('Db', { timeoutMs: 800 }),
      scheduled('Api', { intervalMs: 60_000, timeoutMs: 5_000 }),
      scheduled('Cache', { intervalMs: 1_000, timeoutMs: 100 }),
    ]);
    expect(['Db', 'Api', 'Cache'].map((name) => scheduler.staleAfterMsOf(keyOf(name)))).to.deep.equal([20_000, 185_000, 20_000]);
    void scheduler.stop();
  });

  it('answers a result up to the limit with its age, and past it with a stale failure', () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    const latest = { result: buildResult(definition, 1, [], {}), finishedAt: 1_000 };
    expect(scheduler.answer(keyOf('Db'), definition, latest, 2_000)).to.equal(undefined);
    scheduler.start({ intervalMs: 100, staleAfterMs: 300 }, [scheduled('Db')]);
    expect(scheduler.answer(keyOf('Db'), definition, latest, 1_300)).to.include({ status: 'pass', cached: true, ageMs: 300 });
    expect(scheduler.answer(keyOf('Db'), definition, latest, 1_301)?.output).to.equal('unavailable: stale: the latest background result is 301 ms old (limit 300 ms)');
    expect(scheduler.answer(keyOf('Db'), definition, undefined, 1_301)).to.equal(undefined);
    expect(scheduler.answer(keyOf('Unscheduled'), definition, latest, 1_301)).to.equal(undefined);
    expect(scheduler.answer(keyOf('Db'), definition, latest, 1_000)).to.include({ cached: true, ageMs: 0 });
    expect(scheduler.answer(keyOf('Db'), definition, latest, 999), 'recorded after now: a clock turned back').to.equal(undefined);
    void scheduler.stop();
  });

  it('answers nothing for a check once stopped, and again once started anew, on its new limit', async () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    const latest = { result: buildResult(definition, 1, [], {}), finishedAt: 1_000 };
    scheduler.start({ intervalMs: 100, staleAfterMs: 300 }, [scheduled('Db')]);
    await scheduler.stop();
    expect(scheduler.answer(keyOf('Db'), definition, latest, 1_100), 'stopped').to.equal(undefined);
    expect(scheduler.staleAfterMsOf(keyOf('Db'))).to.equal(undefined);
    scheduler.start({ intervalMs: 100, staleAfterMs: 50 }, [scheduled('Db')]);
    expect(scheduler.answer(keyOf('Db'), definition, latest, 1_100)?.output, 'the new start\'s limit').to.match(/^unavailable: stale/);
    expect(scheduler.staleAfterMsOf(keyOf('Db'))).to.equal(50);
    await scheduler.stop();
  });

  it('answers a check waiting for its initial delay as pending (warn), never stale, until its first execution starts', async () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    scheduler.start({ intervalMs: 100, staleAfterMs: 300 }, [scheduled('Db', { initialDelayMs: 2_000 })]);
    const now = performance.now();
    const pending = scheduler.answer(keyOf('Db'), definition, undefined, now + 500);
    expect(pending).to.include({ status: 'warn', output: 'warning: pending: the first background execution is due in 1500 ms (initialDelayMs)' });
    const old = { result: buildResult(definition, 1, [], {}), finishedAt: now - 10_000 };
    expect(scheduler.answer(keyOf('Db'), definition, old, now)?.status).to.equal('warn');
    await clock.tickAsync(2_000);
    expect(scheduler.answer(keyOf('Db'), definition, undefined, performance.now())).to.equal(undefined);
    expect(scheduler.answer(keyOf('Db'), definition, old, performance.now())?.output).to.match(/^unavailable: stale/);
    await scheduler.stop();
  });

  it('validates everything before starting anything', () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    expect(() => {
      scheduler.start({ intervalMs: 0 }, []);
    }).to.throw(RangeError, /intervalMs/);
    expect(() => {
      scheduler.start({ intervalMs: 1, every: 2 } as never, []);
    }).to.throw(TypeError, /unknown option 'every'/);
    expect(scheduler.running).to.equal(false);
  });

  it('names the option and shows the value when intervalMs or staleAfterMs is refused', () => {
    const scheduler = new BackgroundScheduler<CheckSlot>(() => Promise.resolve());
    const refused: [object, string][] = [
      [{ intervalMs: 0 }, 'HealthService.start: intervalMs must be a positive finite number of milliseconds, got 0'],
      [{ intervalMs: 100, staleAfterMs: 0 }, 'HealthService.start: staleAfterMs must be a positive finite number of milliseconds, got 0'],
      [{ intervalMs: 100, staleAfterMs: -5 }, 'HealthService.start: staleAfterMs must be a positive finite number of milliseconds, got -5'],
      [{ intervalMs: 100, staleAfterMs: '300' }, "HealthService.start: staleAfterMs must be a positive finite number of milliseconds, got '300'"],
    ];
    for (const [options, message] of refused) {
      expect(() => {
        scheduler.start(options as never, [scheduled('Db')]);
      }, message).to.throw(RangeError).with.property('message', message);
    }
    expect([scheduler.running, clock.countTimers()]).to.deep.equal([false, 0]);
  });

  it('refuses to start while running, and leaves the running schedules as they were', async () => {
    const log: string[] = [];
    const scheduler = new BackgroundScheduler<CheckSlot>((key) => {
      log.push(key.definition.name);
      return Promise.resolve();
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('Db')]);
    expect(() => {
      scheduler.start({ intervalMs: 10 }, [scheduled('Api')]);
    }).to.throw(Error).with.property('message', 'HealthService.start: background mode is already running; call stop() first');
    await clock.tickAsync(100);
    expect([log, scheduler.staleAfterMsOf(keyOf('Db')), scheduler.staleAfterMsOf(keyOf('Api'))]).to.deep.equal([['Db', 'Db'], 300, undefined]);
    await scheduler.stop();
  });

  it('starts none of the remaining checks when an execution calls stop() while start() is starting them', async () => {
    const log: string[] = [];
    const scheduler = new BackgroundScheduler<CheckSlot>((key) => {
      log.push(key.definition.name);
      if (key.definition.name === 'A') void scheduler.stop();
      return Promise.resolve();
    });
    scheduler.start({ intervalMs: 100 }, [scheduled('A'), scheduled('B'), scheduled('C', { initialDelayMs: 50 })]);
    await clock.tickAsync(1_000);
    expect([log, scheduler.running, clock.countTimers()]).to.deep.equal([['A'], false, 0]);
  });

  it('throws from start() and leaves nothing running should an execution break its contract and return no promise', async () => {
    const log: string[] = [];
    const scheduler = new BackgroundScheduler<CheckSlot>((key) => {
      log.push(key.definition.name);
      return (key.definition.name === 'B' ? undefined : Promise.resolve()) as Promise<unknown>;
    });
    expect(() => {
      scheduler.start({ intervalMs: 100 }, [scheduled('A'), scheduled('C', { initialDelayMs: 50 }), scheduled('B')]);
    }).to.throw(TypeError);
    expect([scheduler.running, clock.countTimers()]).to.deep.equal([false, 0]);
    await clock.tickAsync(1_000);
    expect([log, clock.countTimers()]).to.deep.equal([['A', 'B'], 0]);
  });

  it('refuses options that are not an object, or that have an unknown key, and starts nothing', () => {
    let rounds = 0;
    const scheduler = new BackgroundScheduler<CheckSlot>(() => {
      rounds += 1;
      return Promise.resolve();
    });
    for (const options of [null, [], 'fast', 5, undefined]) {
      expect(() => {
        scheduler.start(options as never, [scheduled('Db')]);
      }, String(options)).to.throw(TypeError, 'HealthService.start: options must be an object, got ');
    }
    expect(() => {
      scheduler.start({ intervalMs: 10, every: 5 } as never, [scheduled('Db')]);
    }).to.throw(TypeError, "HealthService.start: unknown option 'every'");
    expect([scheduler.running, rounds, clock.countTimers()]).to.deep.equal([false, 0, 0]);
  });
});
