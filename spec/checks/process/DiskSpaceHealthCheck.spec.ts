import { expect } from 'chai';
import { Container } from 'inversify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskSpaceHealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck, type DiskSpaceHealthCheckOptions } from 'pulsecheck';
import { kinds, runCheck } from '../../support/runCheck.js';

function build(options: unknown): DiskSpaceHealthCheck {
  return new DiskSpaceHealthCheck(options as DiskSpaceHealthCheckOptions);
}

describe('DiskSpaceHealthCheck', () => {
  let directory: string;

  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'pulsecheck-disk-'));
  });

  after(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  describe('constructor', () => {
    it('defaults to the working directory, warning below 10% free and failing below 5%', () => {
      expect(new DiskSpaceHealthCheck().options).to.deep.equal({ path: process.cwd(), freePercent: { warn: 10, fail: 5 }, freeBytes: {} });
    });

    it('rejects malformed options with errors that name the problem', () => {
      const cases: [unknown, RangeErrorConstructor | TypeErrorConstructor, string][] = [
        [{ freePercent: { warn: 5, fail: 10 } }, RangeError, 'DiskSpaceHealthCheck: freePercent.fail (10) must not exceed freePercent.warn (5): the check warns below warn and fails below fail'],
        [{ freeBytes: { fail: -5 } }, RangeError, 'DiskSpaceHealthCheck: freeBytes.fail must be a positive finite number, got -5'],
        [{ freePercent: { warn: 101 } }, RangeError, 'DiskSpaceHealthCheck: freePercent.warn is a percentage and must be at most 100, got 101'],
        [{ path: '' }, TypeError, "DiskSpaceHealthCheck: path must be a non-empty string, got ''"],
        [{ path: 42 }, TypeError, 'DiskSpaceHealthCheck: path must be a non-empty string, got 42 (number)'],
        [{ freeSpace: {} }, TypeError, "DiskSpaceHealthCheck: unknown option 'freeSpace' (expected one of: path, freePercent, freeBytes)"],
      ];
      for (const [options, type, message] of cases) {
        expect(() => build(options), JSON.stringify(options)).to.throw(type, message);
      }
    });
  });

  describe('check', () => {
    it('observes the free and total space of the file system holding the path', async () => {
      const result = await runCheck(new DiskSpaceHealthCheck({ path: directory, freePercent: {} }));
      expect(result.output).to.equal('working');
      const { path, freeBytes, totalBytes, freePercent } = result.observations;
      expect(path).to.deep.equal({ value: directory });
      expect([freeBytes?.unit, totalBytes?.unit, freePercent?.unit]).to.deep.equal(['bytes', 'bytes', '%']);
      expect(freeBytes?.value).to.be.a('number').at.least(0).and.at.most(totalBytes?.value as number);
      expect(freePercent?.value).to.be.closeTo(((freeBytes?.value as number) / (totalBytes?.value as number)) * 100, 0.01);
    });

    it('warns below a warn threshold', async () => {
      const result = await runCheck(new DiskSpaceHealthCheck({ path: directory, freePercent: { warn: 100 } }));
      expect(result.status).to.equal('warn');
      expect(result.output).to.match(new RegExp(`^warning: free space on ${directory}: [\\d.]+% of [\\d.]+ (GiB|TiB|MiB), below the warn threshold of 100%$`));
    });

    it('fails below a fail threshold, and then does not also warn', async () => {
      const result = await runCheck(new DiskSpaceHealthCheck({ path: directory, freePercent: {}, freeBytes: { warn: Number.MAX_SAFE_INTEGER, fail: Number.MAX_SAFE_INTEGER - 1 } }));
      expect(result.status).to.equal('fail');
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(result.output).to.match(new RegExp(`^unavailable: free space on ${directory}: [\\d.]+ (GiB|TiB|MiB), below the fail threshold of 8\\.00 PiB$`));
    });

    it('reports a path it cannot read as unavailable', async () => {
      const missing = join(directory, 'no-such-directory');
      const result = await runCheck(new DiskSpaceHealthCheck({ path: missing }));
      expect(result.output).to.equal(`unavailable: cannot read the file system of ${missing}: ENOENT: no such file or directory, statfs '${missing}'`);
    });
  });

  describe('used as the guide shows', () => {
    it('runs from the decorator alone with the defaults, and with options passed to super', async () => {
      const registry = new HealthCheckRegistry();
      const uploads = directory;

      @registerHealthCheck({ registry, critical: false })
      class WorkingDirectoryDiskHealthCheck extends DiskSpaceHealthCheck {}

      @registerHealthCheck({ name: 'UploadsDiskHealthCheck', registry })
      class UploadsDiskHealthCheck extends DiskSpaceHealthCheck {
        constructor() {
          super({ path: uploads, freePercent: { warn: 100 } });
        }
      }

      const container = new Container();
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.observations.path?.value])).to.deep.equal([
        ['WorkingDirectoryDiskHealthCheck', process.cwd()],
        ['UploadsDiskHealthCheck', uploads],
      ]);
      expect(report.checks[1]?.status).to.equal('warn');
      expect(container.get(UploadsDiskHealthCheck).options.freePercent).to.deep.equal({ warn: 100 });
      expect(container.get(WorkingDirectoryDiskHealthCheck).options.freePercent).to.deep.equal({ warn: 10, fail: 5 });
    });
  });
});
