import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import sinon from 'sinon';
import { DeadlineState, type Deadline } from '#lib/core/Deadline.js';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';

/**
 * One scope's timer, driven directly: a fake `setTimeout`, and a
 * `performance.now()` the spec moves on its own, so
 * that the timer and the clock can disagree the way they do on a real
 * machine (libuv counts whole milliseconds) and under a user's fake timers.
 */
describe('DeadlineTimer', () => {
  /** An execution as the timer sees it: started at `start`, due `timeoutMs` later; counts its expiries. */
  class Execution implements Deadline {
    deadline = Number.NaN;
    timeoutMs = 0;
    previous: Deadline | undefined = undefined;
    next: Deadline | undefined = undefined;
    state: DeadlineState = DeadlineState.running;
    dueAt: number | undefined = undefined;
    expired = 0;
    constructor(timeoutMs: number, start: number) {
      this.timeoutMs = timeoutMs;
      this.deadline = start + timeoutMs;
    }

    expire(): void {
      this.expired += 1;
    }
  }

  let clock: sinon.SinonFakeTimers;
  let now: number;
  let tracked: Execution[];
  let timer: DeadlineTimer;

  /** Starts tracking an execution of `timeoutMs` that starts now. */
  function start(timeoutMs: number): Execution {
    const execution = new Execution(timeoutMs, now);
    tracked.push(execution);
    timer.add(execution, now);
    return execution;
  }

  /** The real setImmediate, however a spec wraps the global. */
  const nextTurn = setImmediate;

  /**
   * Moves the timers by `timerMs` and `performance.now()` by `clockMs` (the
   * same by default), then lets one turn pass: the verdict turn a firing
   * timer queues (with the real setImmediate) runs before this one's.
   */
  async function advance(timerMs: number, clockMs = timerMs): Promise<void> {
    now += clockMs;
    clock.tick(timerMs);
    await new Promise<void>((resolve) => nextTurn(resolve));
  }

  /** Ends `execution` as executeCheck does: no longer tracked (a no-op unless queued), then settled. */
  function finish(execution: Execution): void {
    timer.remove(execution);
    execution.state = DeadlineState.settled;
  }

  const expiries = (...executions: Execution[]): number[] => executions.map((execution) => execution.expired);

  beforeEach(() => {
    expect(DeadlineTimer.pending, 'nothing is tracked when a spec starts').to.equal(0);
    timer = new DeadlineTimer();
    now = 5_000_000; // not zero: a deadline computed from a sum cannot pass for one computed from a difference
    tracked = [];
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sinon.stub(performance, 'now').callsFake(() => now);
  });

  afterEach(() => {
    for (const execution of tracked) finish(execution);
    sinon.restore();
    clock.uninstall();
  });

  it('holds one timer however many deadlines are pending, re-armed when an earlier deadline is added', async () => {
    const slow = start(1_000);
    expect(clock.countTimers()).to.equal(1);
    const fast = start(100);
    expect(clock.countTimers(), 'the timer armed for the later deadline is cleared').to.equal(1);
    expect(timer.size).to.equal(2);
    await advance(99);
    expect(expiries(slow, fast)).to.deep.equal([0, 0]);
    await advance(1);
    expect(expiries(slow, fast), 'the earlier deadline, exactly on time').to.deep.equal([0, 1]);
    expect(timer.size).to.equal(1);
    await advance(899);
    expect(expiries(slow, fast)).to.deep.equal([0, 1]);
    await advance(1);
    expect(expiries(slow, fast)).to.deep.equal([1, 1]);
    expect(clock.countTimers(), 'nothing is left once nothing is pending').to.equal(0);
  });

  it('sets a timer only for an earlier deadline: a later or equal one leaves the armed timer alone', async () => {
    const arming = sinon.spy(globalThis, 'setTimeout');
    const first = start(100);
    const equal = start(100);
    const later = start(300);
    expect(arming.callCount).to.equal(1);
    const earlier = start(50);
    expect(arming.callCount).to.equal(2);
    await advance(100);
    expect(expiries(first, equal, later, earlier)).to.deep.equal([1, 1, 0, 1]);
  });

  it('gives each execution its own deadline, even with equal timeouts started at different times', async () => {
    const first = start(100);
    await advance(30);
    const second = start(100);
    await advance(70);
    expect(expiries(first, second)).to.deep.equal([1, 0]);
    await advance(29);
    expect(expiries(first, second)).to.deep.equal([1, 0]);
    await advance(1);
    expect(expiries(first, second)).to.deep.equal([1, 1]);
  });

  it('re-arms for the earliest remaining deadline across queues, whatever order the queues were made in', async () => {
    const first = start(100);
    const second = start(300);
    const third = start(500);
    await advance(100);
    expect(expiries(first, second, third)).to.deep.equal([1, 0, 0]);
    await advance(199);
    expect(expiries(first, second, third)).to.deep.equal([1, 0, 0]);
    await advance(1);
    expect(expiries(first, second, third)).to.deep.equal([1, 1, 0]);
    await advance(200);
    expect(expiries(first, second, third)).to.deep.equal([1, 1, 1]);
  });

  it('keeps the timer while anything is pending, and leaves it idle (unreferenced) with the last removal', async () => {
    const arming = sinon.spy(globalThis, 'setTimeout');
    const ended = start(100);
    const waiting = start(200);
    finish(ended);
    expect(clock.countTimers()).to.equal(1);
    expect(timer.size).to.equal(1);
    await advance(200);
    expect(expiries(ended, waiting)).to.deep.equal([0, 1]);
    expect(clock.countTimers(), 'fired with nothing left pending: gone').to.equal(0);
    const last = start(100);
    finish(last);
    expect(timer.size).to.equal(0);
    expect(timer.idle).to.equal(true);
    expect(clock.countTimers(), 'idle, not cleared').to.equal(1);
    const idle = arming.lastCall.returnValue as unknown as { hasRef(): boolean };
    expect(idle.hasRef(), 'an idle timer keeps nothing alive').to.equal(false);
  });

  it("never references a service's timer (keepsAlive false) for pending executions, until asked to hold the process for them, and no longer once they ended", async () => {
    timer = new DeadlineTimer(false);
    const arming = sinon.spy(globalThis, 'setTimeout');
    const run = start(100);
    const armed = arming.lastCall.returnValue as unknown as { hasRef(): boolean };
    expect(armed.hasRef(), "a run's execution: its backstop keeps the process alive, not this timer").to.equal(false);
    finish(run);
    const background = start(100);
    expect(armed.hasRef(), 'the idle timer reused, still unreferenced').to.equal(false);
    timer.holdProcess();
    expect(armed.hasRef(), 'held: a background execution keeps the process alive until its deadline').to.equal(true);
    finish(background);
    expect(armed.hasRef(), 'the last held execution ended: idle, unreferenced').to.equal(false);
    const next = start(100);
    expect(armed.hasRef(), 'the hold ended with the executions it was for').to.equal(false);
    timer.holdProcess();
    await advance(100);
    expect(next.expired, 'held, it still fires at the deadline').to.equal(1);
    const after = start(100);
    const rearmed = arming.lastCall.returnValue as unknown as { hasRef(): boolean };
    expect(rearmed.hasRef(), 'a hold ends when its executions expire, too').to.equal(false);
    finish(after);
    timer.release();
    timer.holdProcess();
    expect(timer.size, 'holding with nothing pending is a no-op').to.equal(0);
  });

  it('reuses an idle timer for an execution whose deadline is not earlier, referenced again, and re-arms when it fires', async () => {
    const arming = sinon.spy(globalThis, 'setTimeout');
    finish(start(100));
    const idle = arming.lastCall.returnValue as unknown as { hasRef(): boolean };
    await advance(40);
    const next = start(100);
    expect(arming.callCount, 'no timer set for it').to.equal(1);
    expect(timer.idle).to.equal(false);
    expect(idle.hasRef(), 'referenced again: a pending execution keeps the process alive').to.equal(true);
    await advance(60);
    expect(next.expired, 'the idle timer fired first, at its own time').to.equal(0);
    expect(clock.countTimers(), 're-armed for the pending deadline').to.equal(1);
    await advance(39);
    expect(next.expired).to.equal(0);
    await advance(1);
    expect(next.expired, 'exactly at its own deadline').to.equal(1);
    expect(clock.countTimers()).to.equal(0);
  });

  it('replaces an idle timer armed for later than a new deadline', async () => {
    const arming = sinon.spy(globalThis, 'setTimeout');
    finish(start(300));
    const sooner = start(100);
    expect(arming.callCount).to.equal(2);
    expect(clock.countTimers(), 'the idle timer is cleared, not left beside the new one').to.equal(1);
    await advance(100);
    expect(sooner.expired).to.equal(1);
    expect(clock.countTimers()).to.equal(0);
  });

  it('lets an idle timer that fires find nothing, and end', async () => {
    const ended = start(100);
    finish(ended);
    await advance(100);
    expect(ended.expired).to.equal(0);
    expect(timer.idle).to.equal(false);
    expect(clock.countTimers()).to.equal(0);
  });

  it('clears an idle timer at release(), and leaves a timer with executions pending alone', async () => {
    finish(start(100));
    timer.release();
    expect(clock.countTimers()).to.equal(0);
    expect(timer.idle).to.equal(false);
    const pending = start(100);
    timer.release();
    expect(clock.countTimers(), 'an execution is pending').to.equal(1);
    await advance(100);
    expect(pending.expired).to.equal(1);
  });

  it('schedules no verdict turn when the timer fires for an execution that already ended', async () => {
    const ended = start(100);
    const waiting = start(200);
    finish(ended);
    const immediates = sinon.spy(globalThis, 'setImmediate');
    await advance(100);
    expect(immediates.callCount, 'nothing was due at 100').to.equal(0);
    expect(clock.countTimers(), 're-armed for the execution still pending').to.equal(1);
    await advance(100);
    expect(immediates.callCount).to.equal(1);
    expect(expiries(ended, waiting)).to.deep.equal([0, 1]);
  });

  it('ignores the removal of an execution that is not tracked, or no longer', async () => {
    const done = start(100);
    await advance(100);
    expect(done.expired).to.equal(1);
    const waiting = start(100);
    timer.remove(done);
    timer.remove(new Execution(100, now));
    expect(timer.size).to.equal(1);
    await advance(100);
    expect(waiting.expired).to.equal(1);
  });

  it('marks what is due with the time it was found due, never earlier than its deadline', async () => {
    const execution = start(100);
    await advance(100, 140); // the loop was blocked: the clock is 40 ms past the deadline when the timer fires
    expect(execution.expired).to.equal(1);
    expect(execution.dueAt).to.equal(now);
    const lagging = start(100);
    await advance(100, 95); // the clock lags the timer by more than the early window
    expect(lagging.expired).to.equal(1);
    expect(lagging.dueAt, 'its deadline, not the lagging clock').to.equal(lagging.deadline);
  });

  describe('when the timer fires up to 2 ms before the deadline (libuv rounds to whole milliseconds)', () => {
    for (const earlyMs of [0.5, 1.5, 2]) {
      it(`waits out the last ${earlyMs} ms instead of expiring early`, async () => {
        const execution = start(100);
        await advance(100, 100 - earlyMs);
        expect(execution.expired).to.equal(0);
        expect(clock.countTimers(), 're-armed').to.equal(1);
        await advance(Math.ceil(earlyMs), earlyMs);
        expect(execution.expired).to.equal(1);
      });
    }

    it('trusts the timer when the clock disagrees by more than 2 ms (fake timers without a fake clock)', async () => {
      const execution = start(100);
      await advance(100, 0);
      expect(execution.expired).to.equal(1);
      const next = start(100);
      await advance(100, 97);
      expect(next.expired).to.equal(1);
    });
  });

  it('re-arms with the timer functions in place now, when fake timers are swapped while executions are pending', async () => {
    const first = start(100);
    clock.uninstall(); // the timer armed under the old functions is gone with them
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const second = start(200);
    expect(clock.countTimers()).to.equal(1);
    await advance(100);
    expect(expiries(first, second)).to.deep.equal([1, 0]);
    await advance(100);
    expect(expiries(first, second)).to.deep.equal([1, 1]);
  });

  describe('its queues (one per distinct timeout)', () => {
    const timeouts = Array.from({ length: 12 }, (_, index) => 70_001 + index);

    it('keeps at most 8 once they are empty', () => {
      for (const timeoutMs of timeouts) start(timeoutMs);
      expect(timer.lanes).to.be.at.least(12);
      for (const execution of tracked) finish(execution);
      expect(timer.lanes).to.equal(8);
      timer.release();
      expect(clock.countTimers()).to.equal(0);
    });

    it('queues an execution with the timeout of a dropped queue in a new one, not in the dropped one', async () => {
      const started = timeouts.map((timeoutMs) => start(timeoutMs));
      // Three queues emptied and dropped (12 -> 9), then the last one: dropped too, and the last one looked up.
      for (const execution of [...started.slice(0, 3), started[11] as Execution]) finish(execution);
      expect(timer.lanes).to.equal(8);
      const last = timeouts[11] as number;
      const again = start(last);
      const other = start(last);
      expect(timer.lanes).to.equal(9);
      expect(timer.size).to.equal(10);
      await advance(last - 1);
      expect(expiries(again, other)).to.deep.equal([0, 0]);
      await advance(1);
      expect(expiries(again, other)).to.deep.equal([1, 1]);
      expect(timer.size).to.equal(0);
    });

    it('never drops a queue that still holds an execution', async () => {
      const firsts = timeouts.map((timeoutMs) => start(timeoutMs));
      await advance(10);
      const seconds = timeouts.map((timeoutMs) => start(timeoutMs));
      for (const execution of firsts) finish(execution);
      expect(timer.size).to.equal(12);
      await advance(70_012);
      expect(seconds.map((execution) => execution.expired)).to.deep.equal(timeouts.map(() => 1));
      expect(timer.size).to.equal(0);
    });
  });
});

describe('DeadlineTimer, in a process of its own', function () {
  this.timeout(30_000);

  it('keeps the process alive for an execution it tracks, when the timer it reuses was idle (unreferenced)', async () => {
    // A run leaves the timer idle; background mode (whose own timers keep nothing alive) then executes a check
    // that hangs. The process must stay up until that check's timeout, and report it.
    const script = `
      import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck } from 'pulsecheck';
      const registry = new HealthCheckRegistry();
      let hang = false;
      class Flaky extends HealthCheck {
        check() { return hang ? new Promise(() => {}) : Promise.resolve(); }
      }
      registerHealthCheck({ registry, name: 'Flaky', timeoutMs: 300 })(Flaky);
      const service = new HealthService([new Flaky()]);
      await service.run();
      hang = true;
      service.onResult((result) => console.log(result.output));
      service.start({ intervalMs: 60_000 });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      timeout: 20_000,
    });
    expect(stdout.trim()).to.equal('timeout: did not finish within 300 ms');
  });

  it("keeps the process alive for a run of a check that never settles, through the run's backstop, and reports the timeout", async () => {
    // Nothing but the run holds the process: the service's deadline timer is unreferenced, the run's backstop is not.
    const script = `
      import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck } from 'pulsecheck';
      const registry = new HealthCheckRegistry();
      class Hangs extends HealthCheck {
        check() { return new Promise(() => {}); }
      }
      registerHealthCheck({ registry, name: 'Hangs', timeoutMs: 300 })(Hangs);
      const report = await new HealthService([new Hangs()]).run();
      console.log(report.checks[0].output);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      timeout: 20_000,
    });
    expect(stdout.trim()).to.equal('timeout: did not finish within 300 ms');
  });
});
