import { expect } from 'chai';
import sinon from 'sinon';
import { HealthCheckRegistry, HealthService, ServiceUnavailable, type CheckHistory } from 'pulsecheck';
import { checkClass, deferred, serviceFor } from './fixtures.js';

const t0 = 1_700_000_000_000;

function statuses(history: CheckHistory | undefined): string[] {
  return (history?.entries ?? []).map((entry) => entry.status);
}

describe('HealthService history', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: t0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  });

  afterEach(() => {
    clock.restore();
  });

  describe('history(name?)', () => {
    it('keeps one entry per execution, with the reported status, duration, end time and output', async () => {
      const registry = new HealthCheckRegistry();
      let healthy = true;
      checkClass(registry, 'Db', async () => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        if (!healthy) throw new ServiceUnavailable('connect ECONNREFUSED 127.0.0.1:5432');
      });
      const service = serviceFor(registry);
      const first = service.run();
      await clock.tickAsync(40);
      await first;
      healthy = false;
      const second = service.run();
      await clock.tickAsync(40);
      await second;
      const [history] = service.history('Db');
      expect(history).to.deep.equal({
        name: 'Db',
        capacity: 60,
        entries: [
          { status: 'pass', durationMs: 40, time: new Date(t0 + 40).toISOString(), output: 'working' },
          { status: 'fail', durationMs: 40, time: new Date(t0 + 80).toISOString(), output: 'unavailable: connect ECONNREFUSED 127.0.0.1:5432' },
        ],
        uptimePercent: 50,
      });
    });

    it('adds no entry for a result answered again from the cache', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Cached', () => undefined, { cacheTtlMs: 10_000 });
      const service = serviceFor(registry);
      await service.run();
      await service.run();
      await service.run();
      expect(service.history('Cached')[0]?.entries).to.have.length(1);
      clock.tick(10_000);
      await service.run();
      expect(service.history('Cached')[0]?.entries).to.have.length(2);
    });

    it('adds one entry for an execution that concurrent runs share (single-flight)', async () => {
      const registry = new HealthCheckRegistry();
      const gate = deferred();
      checkClass(registry, 'Shared', () => gate.promise);
      const service = serviceFor(registry);
      const runs = [service.run(), service.run(), service.run()];
      gate.resolve();
      await Promise.all(runs);
      expect(service.history('Shared')[0]?.entries).to.have.length(1);
    });

    it('adds one entry per background round, none for the runs answered from them', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Scheduled', () => undefined);
      const service = serviceFor(registry);
      service.start({ intervalMs: 1_000 });
      await clock.tickAsync(0);
      await service.run();
      await service.run();
      await clock.tickAsync(3_000);
      await service.run();
      await service.stop();
      expect(service.history('Scheduled')[0]?.entries.map((entry) => entry.time)).to.deep.equal(
        [0, 1_000, 2_000, 3_000].map((ms) => new Date(t0 + ms).toISOString()),
      );
    });

    it('keeps at most historySize entries, the newest', async () => {
      const registry = new HealthCheckRegistry();
      let round = 0;
      checkClass(registry, 'Flappy', () => {
        round += 1;
        if (round % 3 === 0) throw new ServiceUnavailable(`round ${round}`);
      });
      const service = serviceFor(registry, { historySize: 4 });
      for (let index = 0; index < 9; index += 1) await service.run();
      const [history] = service.history();
      expect(history?.capacity).to.equal(4);
      expect(history?.entries.map((entry) => entry.output)).to.deep.equal(['unavailable: round 6', 'working', 'working', 'unavailable: round 9']);
      expect(history?.uptimePercent).to.equal(50);
    });

    it('returns every check in registration order without a name, and refuses an unknown name', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'B', () => undefined);
      checkClass(registry, 'A', () => undefined);
      const service = serviceFor(registry);
      await service.run({ names: ['A'] });
      expect(service.history().map((history) => [history.name, history.entries.length])).to.deep.equal([
        ['B', 0],
        ['A', 1],
      ]);
      expect(() => service.history('C')).to.throw(RangeError, "HealthService.history: no check is named 'C'");
      expect(Object.isFrozen(service.history())).to.equal(true);
    });

    it('keeps nothing with historySize 0', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Off', () => undefined);
      const service = serviceFor(registry, { historySize: 0 });
      await service.run();
      expect(service.history()).to.deep.equal([{ name: 'Off', capacity: 0, entries: [] }]);
    });

    it('refuses a malformed historySize when the service is built', () => {
      expect(() => new HealthService([], { historySize: -1 })).to.throw(RangeError, 'HealthService: historySize must be a whole number from 0 to 10000, got -1');
    });
  });

  describe('run({ history: true })', () => {
    it("attaches each check's history, this execution included, and only when asked", async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Db', () => undefined);
      const service = serviceFor(registry);
      const plain = await service.run();
      expect(plain.checks[0]).not.to.have.property('history');
      const report = await service.run({ history: true });
      const check = report.checks[0];
      expect(statuses(check?.history)).to.deep.equal(['pass', 'pass']);
      expect(check?.history).to.deep.equal(service.history('Db')[0]);
      expect(Object.isFrozen(check)).to.equal(true);
      expect(JSON.parse(JSON.stringify(report))).to.deep.equal(report);
    });

    it('attaches the history of the execution a cached result comes from, adding none', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Cached', () => undefined, { cacheTtlMs: 10_000 });
      const service = serviceFor(registry);
      await service.run();
      const report = await service.run({ history: true });
      expect(report.checks[0]).to.include({ cached: true });
      expect(report.checks[0]?.history?.entries).to.have.length(1);
    });

    it('attaches nothing when the service keeps no history', async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'Off', () => undefined);
      const report = await serviceFor(registry, { historySize: 0 }).run({ history: true });
      expect(report.checks[0]).not.to.have.property('history');
    });

    it('refuses a history option that is not a boolean', async () => {
      const service = new HealthService([]);
      let caught: unknown;
      await service.run({ history: 'yes' as unknown as boolean }).catch((error: unknown) => (caught = error));
      expect(caught).to.be.instanceOf(TypeError).and.have.property('message', "HealthService.run: history must be a boolean, got 'yes'");
    });
  });
});
