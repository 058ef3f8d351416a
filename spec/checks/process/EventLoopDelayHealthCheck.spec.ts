import { expect } from 'chai';
import { Container } from 'inversify';
import type { IntervalHistogram } from 'node:perf_hooks';
import sinon from 'sinon';
import {
  EventLoopDelayHealthCheck,
  HealthCheckRegistry,
  HealthService,
  healthModule,
  registerHealthCheck,
  type EventLoopDelayHealthCheckOptions,
} from 'pulsecheck';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { kinds, runCheck } from '../../support/runCheck.js';

const ns = (ms: number): number => ms * 1e6;

/** A delay histogram the spec fills: values in nanoseconds, as Node's are (they include the resolution). */
class FakeHistogram {
  enabled = false;
  enables = 0;
  resets = 0;
  samples: number[] = [];
  get count(): number {
    return this.samples.length;
  }
  get max(): number {
    return Math.max(0, ...this.samples);
  }
  get mean(): number {
    return this.samples.reduce((sum, value) => sum + value, 0) / this.samples.length;
  }
  percentile(percent: number): number {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1)] ?? 0;
  }
  enable(): boolean {
    this.enables += 1;
    const was = this.enabled;
    this.enabled = true;
    return !was;
  }
  disable(): boolean {
    const was = this.enabled;
    this.enabled = false;
    return was;
  }
  reset(): void {
    this.resets += 1;
    this.samples = [];
  }
}

/** The check with its monitor replaced by FakeHistograms (one per start). */
class FakeMonitoredCheck extends EventLoopDelayHealthCheck {
  readonly monitors: FakeHistogram[] = [];
  protected override createMonitor(): IntervalHistogram {
    const monitor = new FakeHistogram();
    this.monitors.push(monitor);
    return monitor as unknown as IntervalHistogram;
  }
  get monitor(): FakeHistogram {
    const monitor = this.monitors.at(-1);
    if (monitor === undefined) throw new Error('no monitor yet');
    return monitor;
  }
}

/** The check keeping a handle on its real monitor. */
class RealMonitoredCheck extends EventLoopDelayHealthCheck {
  monitor: IntervalHistogram | undefined;
  protected override createMonitor(resolutionMs: number): IntervalHistogram {
    this.monitor = super.createMonitor(resolutionMs);
    return this.monitor;
  }
}

function build(options: unknown): EventLoopDelayHealthCheck {
  return new EventLoopDelayHealthCheck(options as EventLoopDelayHealthCheckOptions);
}

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // keep the event loop busy
  }
}

describe('EventLoopDelayHealthCheck', () => {
  afterEach(() => {
    sinon.restore();
  });

  describe('constructor', () => {
    it('defaults to warn above 100 ms and fail above 500 ms, at 10 ms resolution, sampling 100 ms at first', () => {
      expect(new EventLoopDelayHealthCheck().options).to.deep.equal({ p99Ms: { warn: 100, fail: 500 }, resolutionMs: 10, sampleMs: 100 });
    });

    it('accepts sampleMs up to the longest delay a timer can hold', () => {
      expect(new EventLoopDelayHealthCheck({ sampleMs: 2_147_483_647 }).options.sampleMs).to.equal(2_147_483_647);
    });

    it('starts nothing', () => {
      const check = new FakeMonitoredCheck();
      expect(check.running).to.equal(false);
      expect(check.monitors).to.deep.equal([]);
    });

    it('rejects malformed options with errors that name the problem', () => {
      const cases: [unknown, RangeErrorConstructor | TypeErrorConstructor, string][] = [
        [{ p99Ms: { warn: 600, fail: 500 } }, RangeError, 'EventLoopDelayHealthCheck: p99Ms.warn (600) must not exceed p99Ms.fail (500): the check warns above warn and fails above fail'],
        [{ p99Ms: { warn: -1 } }, RangeError, 'EventLoopDelayHealthCheck: p99Ms.warn must be a positive finite number, got -1'],
        [{ resolutionMs: 0.5 }, RangeError, 'EventLoopDelayHealthCheck: resolutionMs must be a positive integer number of milliseconds, got 0.5'],
        [{ sampleMs: 0 }, RangeError, 'EventLoopDelayHealthCheck: sampleMs must be a positive finite number of milliseconds, got 0'],
        [{ sampleMs: 2_147_483_648 }, RangeError, 'EventLoopDelayHealthCheck: sampleMs must be at most 2147483647 ms (about 24.8 days, the longest delay a timer can hold), got 2147483648'],
        [{ sampleMs: 3e9 }, RangeError, 'EventLoopDelayHealthCheck: sampleMs must be at most 2147483647 ms'],
        [{ resolutionMs: 3e9 }, RangeError, 'EventLoopDelayHealthCheck: resolutionMs must be at most 2147483647 ms'],
        [{ sampleMs: 'soon' }, RangeError, "EventLoopDelayHealthCheck: sampleMs must be a positive finite number of milliseconds, got 'soon'"],
        [{ p99: { warn: 1 } }, TypeError, "EventLoopDelayHealthCheck: unknown option 'p99' (expected one of: p99Ms, resolutionMs, sampleMs)"],
      ];
      for (const [options, type, message] of cases) {
        expect(() => build(options), JSON.stringify(options)).to.throw(type, message);
      }
    });
  });

  describe('check', () => {
    it('starts the monitor on the first execution and samples for sampleMs before it reports', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const check = new FakeMonitoredCheck({ sampleMs: 200, resolutionMs: 10 });
      const pending = runCheck(check, 1000);
      await clock.tickAsync(199);
      expect(check.monitor.enabled).to.equal(true);
      check.monitor.samples.push(ns(10.5), ns(12), ns(30));
      await clock.tickAsync(1);
      const result = await pending;
      expect(result.output).to.equal('working');
      expect(result.observations).to.deep.equal({
        samples: { value: 3 },
        p99Ms: { value: 20, unit: 'ms' },
        maxMs: { value: 20, unit: 'ms' },
        meanMs: { value: 7.5, unit: 'ms' },
      });
      expect(check.monitor.resets).to.equal(1);
      expect(clock.countTimers(), 'timers left').to.equal(0);
    });

    it('reports the interval since the previous execution at once, and starts a new one', async () => {
      const check = new FakeMonitoredCheck({ sampleMs: 1 });
      await runCheck(check);
      check.monitor.samples.push(ns(10), ns(160));
      const started = performance.now();
      const result = await runCheck(check);
      expect(performance.now() - started).to.be.below(50);
      expect(result.observations.p99Ms).to.deep.equal({ value: 150, unit: 'ms' });
      expect(result.status).to.equal('warn');
      expect(result.output).to.equal('warning: event-loop delay p99: 150.0 ms (max 150.0 ms, 2 samples), above the warn threshold of 100.0 ms');
      expect(check.monitors, 'one monitor').to.have.length(1);
      expect(check.monitor.samples).to.deep.equal([]);
    });

    it('fails above the fail threshold', async () => {
      const check = new FakeMonitoredCheck({ sampleMs: 1, p99Ms: { warn: 100, fail: 500 } });
      await runCheck(check);
      check.monitor.samples.push(ns(700));
      const result = await runCheck(check);
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(result.output).to.equal('unavailable: event-loop delay p99: 690.0 ms (max 690.0 ms, 1 samples), above the fail threshold of 500.0 ms');
    });

    it('judges nothing when no sample arrived since the previous execution', async () => {
      const check = new FakeMonitoredCheck({ sampleMs: 1 });
      await runCheck(check);
      const result = await runCheck(check);
      expect(result.output).to.equal('working');
      expect(result.observations).to.deep.equal({ samples: { value: 0 } });
    });

    it('ends its first sampling at once when the signal aborts, leaving no timer', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const check = new FakeMonitoredCheck({ sampleMs: 5000 });
      const pending = runCheck(check, 100);
      await clock.tickAsync(100);
      expect(kinds(await pending)).to.deep.equal(['timeout']);
      expect(clock.countTimers(), 'timers left').to.equal(0);
      expect(check.running, 'the monitor keeps running for the next execution').to.equal(true);
    });

    it('sees the event loop blocked between two executions (real monitor)', async () => {
      const check = new RealMonitoredCheck({ sampleMs: 20, p99Ms: { warn: 50, fail: 100 } });
      try {
        await runCheck(check);
        // Node's histogram drops the first interval after a reset: a stall must start a tick later to be seen.
        await new Promise((resolve) => setTimeout(resolve, 30));
        blockFor(250);
        await new Promise((resolve) => setTimeout(resolve, 30)); // the monitor's timer records the late tick once the loop turns
        const result = await runCheck(check);
        expect(kinds(result)).to.deep.equal(['unavailable']);
        expect(result.observations.p99Ms?.value).to.be.at.least(200);
      } finally {
        check.stop();
      }
    });
  });

  describe('stop', () => {
    it('disables the running monitor; the next execution starts a new one', async () => {
      const check = new FakeMonitoredCheck({ sampleMs: 1 });
      check.stop(); // safe before any execution
      await runCheck(check);
      const first = check.monitor;
      check.stop();
      check.stop();
      expect(first.enabled).to.equal(false);
      expect(check.running).to.equal(false);
      await runCheck(check);
      expect(check.monitors).to.have.length(2);
      expect(check.monitor.enabled).to.equal(true);
      check.stop();
    });

    it('leaves the real monitor disabled and no handle behind', async () => {
      await new Promise((resolve) => setImmediate(resolve)); // mocha arms this test's own timer after the test starts
      const before = activeResources();
      const check = new RealMonitoredCheck({ sampleMs: 20 });
      await runCheck(check);
      check.stop();
      const monitor = check.monitor!;
      expect(monitor.disable(), 'disable() says whether it was still enabled').to.equal(false);
      expect(await settleResources(before), 'extra handles').to.deep.equal({});
    });

    it('runs when the container deactivates the check', async () => {
      const registry = new HealthCheckRegistry();

      @registerHealthCheck({ registry, tags: ['live'] })
      class EventLoopHealthCheck extends EventLoopDelayHealthCheck {
        constructor() {
          super({ sampleMs: 5, p99Ms: { warn: 1000, fail: 5000 } });
        }
      }

      const container = new Container();
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([['EventLoopHealthCheck', 'working']]);
      const check = container.get(EventLoopHealthCheck);
      expect(check.running).to.equal(true);
      container.unbindAll();
      expect(check.running).to.equal(false);
    });
  });
});
