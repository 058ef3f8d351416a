import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheckRegistry, type HealthReport } from 'pulsecheck';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { ExecutionScope, type Backstopped } from '#lib/core/ExecutionScope.js';
import { activeTimers, checkClass, deferred, serviceFor } from './fixtures.js';
import { StillClock } from './StillClock.js';

const timeoutMs = 20;
const timedOut = `timeout: did not finish within ${timeoutMs} ms`;

describe('ExecutionScope (one per HealthService)', () => {
  describe('the blame of a blocked event loop belongs to the service whose check blocked it', () => {
    let clock: StillClock;
    beforeEach(() => {
      clock = new StillClock();
    });
    afterEach(async () => {
      await clock.restore();
      expect(DeadlineTimer.pending, 'executions still tracked by a deadline timer').to.equal(0);
    });

    /**
     * A culprit that blocks the loop 50 ms past its deadline in a continuation, and a victim whose
     * reply is processed right after that block: in `culpritService` and `victimService` (the same
     * service, or two).
     */
    async function blockedTogether(sameService: boolean): Promise<{ culprit: HealthReport; victim: HealthReport }> {
      const culprits = new HealthCheckRegistry();
      checkClass(
        culprits,
        'Culprit',
        async () => {
          await Promise.resolve();
          clock.advance(timeoutMs + 50);
        },
        { timeoutMs, tags: ['culprit'] },
      );
      const victims = sameService ? culprits : new HealthCheckRegistry();
      const reply = deferred();
      checkClass(victims, 'Victim', () => reply.promise, { timeoutMs, tags: ['victim'] });
      const culpritService = serviceFor(culprits);
      const victimService = sameService ? culpritService : serviceFor(victims);
      const victimRun = victimService.run({ tags: ['victim'] });
      const culprit = await culpritService.run({ tags: ['culprit'] });
      reply.resolve();
      return { culprit, victim: await victimRun };
    }

    it('keeps the victim\'s outcome when the check blamed for the block is of the same service', async () => {
      const { culprit, victim } = await blockedTogether(true);
      expect(culprit.checks[0]?.output).to.equal(timedOut);
      expect(victim.checks[0]?.output).to.equal('working');
      expect(victim.checks[0]?.observations.eventLoopBlockedMs).to.deep.equal({ value: 50, unit: 'ms' });
    });

    it('does not let another service\'s blamed block explain a check\'s lateness: it is blamed itself', async () => {
      const { culprit, victim } = await blockedTogether(false);
      expect(culprit.checks[0]?.output).to.equal(timedOut);
      expect(victim.checks[0]?.output, 'explained only by a block in another service').to.equal(timedOut);
      expect(victim.checks[0]?.observations.eventLoopBlockedMs).to.deep.equal({ value: 50, unit: 'ms' });
    });
  });

  describe('its deadline timer', () => {
    it('is its own: each scope tracks only its executions, and clears its timer when they end', async () => {
      const registry = new HealthCheckRegistry();
      const hung = deferred();
      checkClass(registry, 'Hung', () => hung.promise, { timeoutMs: 60_000 });
      const first = serviceFor(registry);
      const second = serviceFor(registry);
      const before = await activeTimers();
      const arming = sinon.spy(globalThis, 'setTimeout');
      const runs = [first.run(), second.run()];
      await Promise.resolve();
      expect(DeadlineTimer.pending, 'one execution per service').to.equal(2);
      expect(
        arming.getCalls().filter((call) => call.args[1] === 60_000),
        'a deadline timer per service',
      ).to.have.length(2);
      arming.restore();
      expect((await activeTimers()) - before, "a backstop per run keeps the process alive (the services' deadline timers keep nothing alive for a run)").to.equal(2);
      hung.resolve();
      await Promise.all(runs);
      expect(DeadlineTimer.pending).to.equal(0);
      expect(await activeTimers()).to.equal(before);
    });
  });
});

describe("ExecutionScope's sweep of the runs awaiting their backstop", () => {
  /** A run that records when its backstop is armed. */
  function run(name: string, armed: string[]): Backstopped {
    return {
      backstopPrevious: undefined,
      backstopNext: undefined,
      backstopAwaited: false,
      armBackstop(): void {
        armed.push(name);
      },
    };
  }
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('arms the runs still waiting at the next turn, oldest first, once each; a run that ended is dropped at once', async () => {
    const scope = new ExecutionScope();
    const armed: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => run(name, armed)) as [Backstopped, Backstopped, Backstopped, Backstopped];
    for (const waiting of [a, b, c, d]) scope.awaitBackstop(waiting);
    scope.awaitBackstop(b);
    expect(scope.backstopsAwaited, 'awaited once').to.equal(4);
    scope.cancelBackstop(b);
    scope.cancelBackstop(d);
    scope.cancelBackstop(d);
    expect(scope.backstopsAwaited, 'the ended ones are out of the list at once').to.equal(2);
    await nextTurn();
    expect(armed).to.deep.equal(['a', 'c']);
    expect(scope.backstopsAwaited).to.equal(0);
    scope.awaitBackstop(b);
    scope.cancelBackstop(b);
    scope.awaitBackstop(a);
    await nextTurn();
    expect(armed, 'a later turn sweeps again').to.deep.equal(['a', 'c', 'a']);
  });

  it('keeps no run that ended, however many end within one turn (a caller looping over await run())', () => {
    const scope = new ExecutionScope();
    for (let index = 0; index < 10_000; index += 1) {
      const ended = run(String(index), []);
      scope.awaitBackstop(ended);
      scope.cancelBackstop(ended);
    }
    expect(scope.backstopsAwaited).to.equal(0);
  });
});

describe('ExecutionScope clock readings within a pass', () => {
  /** Keeps the clock moving, synchronously, for a millisecond. */
  function aMillisecond(): void {
    const until = performance.now() + 1;
    while (performance.now() < until) {
      // spin
    }
  }

  it('answers every known result of a pass with one reading, read again after user code ran, and the clock outside a pass', () => {
    const scope = new ExecutionScope();
    const outside = scope.passTime();
    aMillisecond();
    expect(scope.passTime(), 'outside a pass: the clock').to.be.above(outside);
    scope.beginPass();
    const first = scope.passTime();
    aMillisecond();
    expect(scope.passTime(), 'the same reading within the pass').to.equal(first);
    scope.interrupt();
    expect(scope.passTime(), 'read again once user code may have run').to.be.above(first);
    scope.endPass();
    const after = scope.passTime();
    aMillisecond();
    expect(scope.passTime(), 'outside a pass again: the clock').to.be.above(after);
  });

  it("starts a pass's first execution, and answers its known results, at the reading the run started with", () => {
    const scope = new ExecutionScope();
    scope.beginPass(3);
    expect(scope.passTime(), 'known results answer at the run start').to.equal(3);
    expect(scope.startTime(), 'the first execution starts then').to.equal(3);
    expect(scope.startTime(), 'taken once').to.not.equal(3);
    expect(scope.passTime(), 'still the run start').to.equal(3);
    scope.endPass();
    scope.beginPass();
    expect(scope.startTime(), 'no reading given: the clock').to.not.be.NaN.and.not.equal(3);
  });

  it('hands the end of an execution on to the next start within a pass only, once', () => {
    const scope = new ExecutionScope();
    scope.handOff(5);
    expect(scope.startTime(), 'outside a pass nothing is handed on').to.not.equal(5);
    scope.beginPass();
    scope.handOff(5);
    expect(scope.startTime()).to.equal(5);
    expect(scope.startTime(), 'taken once').to.not.equal(5);
    scope.handOff(7);
    scope.interrupt();
    expect(scope.startTime(), 'dropped when user code ran').to.not.equal(7);
    scope.handOff(9);
    scope.endPass();
    expect(scope.startTime(), 'dropped at the end of the pass').to.not.equal(9);
  });
});

describe('ExecutionScope clock', () => {
  afterEach(() => {
    sinon.restore();
  });

  /** A registry with one check that waits `ms` on the (possibly fake) timers before passing. */
  function waitingCheck(ms: number): HealthCheckRegistry {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Waits', () => new Promise<void>((resolve) => setTimeout(resolve, ms)), { timeoutMs: 1_000 });
    return registry;
  }

  it('reads the clock the run started with: fakes installed after the service was built time its next run', async () => {
    const service = serviceFor(waitingCheck(40));
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const running = service.run();
      await clock.tickAsync(40);
      const report = await running;
      expect(report.checks[0]?.durationMs, 'measured on the fake clock, exactly').to.equal(40);
    } finally {
      clock.uninstall();
    }
  });

  it('reads the clock a background round started with, too', async () => {
    const service = serviceFor(waitingCheck(25));
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    try {
      service.start({ intervalMs: 60_000 });
      await clock.tickAsync(25);
      const report = await service.run();
      expect(report.checks[0]?.durationMs, 'the background execution, measured on the fake clock').to.equal(25);
      const stopping = service.stop();
      await clock.tickAsync(1_000);
      await stopping;
    } finally {
      clock.uninstall();
    }
  });

  it('sees a stubbed performance.now at once, within a run', () => {
    const scope = new ExecutionScope();
    scope.beginPass();
    sinon.stub(performance, 'now').returns(1234.5);
    expect(scope.startTime()).to.equal(1234.5);
    scope.endPass();
  });
});
