import { expect } from 'chai';
import { Container } from 'inversify';
import { HealthCheckRegistry, HealthService, healthModule, MemoryHealthCheck, registerHealthCheck, type MemoryHealthCheckOptions } from 'pulsecheck';
import { kinds, runCheck } from '../../support/runCheck.js';

/** Passes options through the constructor's runtime validation, whatever their static type. */
function build(options: unknown): MemoryHealthCheck {
  return new MemoryHealthCheck(options as MemoryHealthCheckOptions);
}

describe('MemoryHealthCheck', () => {
  describe('constructor', () => {
    it('defaults to warn at 85% and fail at 95% of the heap limit and of the memory limit', () => {
      expect(new MemoryHealthCheck().options).to.deep.equal({
        heapUsedPercent: { warn: 85, fail: 95 },
        heapUsedBytes: {},
        rssPercent: { warn: 85, fail: 95 },
        rssBytes: {},
      });
    });

    it('keeps the defaults of the limits it is not given', () => {
      expect(new MemoryHealthCheck({ rssBytes: { fail: 2 ** 31 } }).options).to.deep.equal({
        heapUsedPercent: { warn: 85, fail: 95 },
        heapUsedBytes: {},
        rssPercent: { warn: 85, fail: 95 },
        rssBytes: { fail: 2 ** 31 },
      });
    });

    it('rejects malformed options with errors that name the problem', () => {
      const cases: [unknown, RangeErrorConstructor | TypeErrorConstructor, string][] = [
        [{ heapUsedPercent: { warn: 96, fail: 95 } }, RangeError, 'MemoryHealthCheck: heapUsedPercent.warn (96) must not exceed heapUsedPercent.fail (95): the check warns above warn and fails above fail'],
        [{ rssPercent: { fail: 120 } }, RangeError, 'MemoryHealthCheck: rssPercent.fail is a percentage and must be at most 100, got 120'],
        [{ rssBytes: { warn: -1 } }, RangeError, 'MemoryHealthCheck: rssBytes.warn must be a positive finite number, got -1'],
        [{ rssBytes: { warn: 0 } }, RangeError, 'MemoryHealthCheck: rssBytes.warn must be a positive finite number, got 0'],
        [{ heapUsedBytes: { fail: Number.NaN } }, RangeError, 'MemoryHealthCheck: heapUsedBytes.fail must be a positive finite number, got NaN'],
        [{ heapUsedBytes: { fail: '1GB' } }, RangeError, "MemoryHealthCheck: heapUsedBytes.fail must be a positive finite number, got '1GB'"],
        [{ heapUsedPercent: { warning: 80 } }, TypeError, "MemoryHealthCheck: unknown option 'heapUsedPercent.warning' (expected one of: warn, fail)"],
        [{ heapUsedPercent: 80 }, TypeError, 'MemoryHealthCheck: heapUsedPercent must be an object like { warn?: number, fail?: number }, got 80 (number)'],
        [{ heapPercent: { warn: 80 } }, TypeError, "MemoryHealthCheck: unknown option 'heapPercent' (expected one of: heapUsedPercent, heapUsedBytes, rssPercent, rssBytes)"],
        [null, TypeError, 'MemoryHealthCheck: options must be an object, got null'],
      ];
      for (const [options, type, message] of cases) {
        expect(() => build(options), JSON.stringify(options)).to.throw(type, message);
      }
    });

    it('names the subclass in its errors', () => {
      class HeapHealthCheck extends MemoryHealthCheck {
        constructor() {
          super({ heapUsedPercent: { warn: 99, fail: 90 } });
        }
      }
      expect(() => new HeapHealthCheck()).to.throw(RangeError, /^HeapHealthCheck: heapUsedPercent\.warn \(99\)/);
    });
  });

  describe('check', () => {
    it('observes the heap and the RSS, in bytes and percent, against their limits', async () => {
      const result = await runCheck(new MemoryHealthCheck({ heapUsedPercent: {}, rssPercent: {} }));
      expect(result.output).to.equal('working');
      const { heapUsed, heapLimit, heapUsedPercent, rss, memoryLimit, rssPercent } = result.observations;
      expect([heapUsed?.unit, heapLimit?.unit, rss?.unit, memoryLimit?.unit]).to.deep.equal(['bytes', 'bytes', 'bytes', 'bytes']);
      expect([heapUsedPercent?.unit, rssPercent?.unit]).to.deep.equal(['%', '%']);
      const used = heapUsed?.value as number;
      const limit = heapLimit?.value as number;
      expect(used).to.be.above(0).and.below(limit);
      expect(heapUsedPercent?.value).to.be.closeTo((used / limit) * 100, 0.01);
      expect(rss?.value).to.be.above(0).and.below(memoryLimit?.value as number);
      expect(rssPercent?.value).to.be.closeTo(((rss?.value as number) / (memoryLimit?.value as number)) * 100, 0.01);
    });

    it('warns above a warn threshold', async () => {
      const result = await runCheck(new MemoryHealthCheck({ heapUsedBytes: { warn: 1 } }));
      expect(result.status).to.equal('warn');
      expect(result.output).to.match(/^warning: heap used: \d+\.\d+ (MiB|GiB), above the warn threshold of 1 B$/);
    });

    it('fails above a fail threshold, and then does not also warn', async () => {
      const result = await runCheck(new MemoryHealthCheck({ rssBytes: { warn: 1, fail: 2 } }));
      expect(result.status).to.equal('fail');
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(result.output).to.match(/^unavailable: RSS: \d+\.\d+ (MiB|GiB), above the fail threshold of 2 B$/);
    });

    it('compares percentages with the limit they are a share of', async () => {
      const result = await runCheck(new MemoryHealthCheck({ heapUsedPercent: { warn: 0.001 }, rssPercent: { fail: 0.001 } }));
      const [warning, failure, ...rest] = result.output.split('\n');
      expect(warning).to.match(/^warning: heap used: [\d.]+% of the [\d.]+ (MiB|GiB) heap limit, above the warn threshold of 0\.001%$/);
      expect(failure).to.match(/^unavailable: RSS: [\d.]+% of the [\d.]+ (MiB|GiB|TiB) memory limit, above the fail threshold of 0\.001%$/);
      expect(rest).to.deep.equal([]);
    });
  });

  describe('used as the guide shows', () => {
    it('runs from the decorator alone with the defaults, and with options passed to super', async () => {
      const registry = new HealthCheckRegistry();

      @registerHealthCheck({ registry })
      class ProcessMemoryHealthCheck extends MemoryHealthCheck {}

      @registerHealthCheck({ name: 'HeapHealthCheck', registry, critical: false })
      class HeapHealthCheck extends MemoryHealthCheck {
        constructor() {
          super({ heapUsedBytes: { warn: 1 }, rssPercent: {} });
        }
      }

      const container = new Container();
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.status])).to.deep.equal([
        ['ProcessMemoryHealthCheck', 'pass'],
        ['HeapHealthCheck', 'warn'],
      ]);
      expect(container.get(ProcessMemoryHealthCheck).options.heapUsedPercent).to.deep.equal({ warn: 85, fail: 95 });
      expect(container.get(HeapHealthCheck).options.rssPercent).to.deep.equal({});
    });
  });
});
