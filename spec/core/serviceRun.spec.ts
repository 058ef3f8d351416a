import { expect } from 'chai';
import { HealthCheck } from 'pulsecheck';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { serviceRun } from '#lib/core/serviceRun.js';
import { serviceUnits } from '#lib/core/serviceUnits.js';

class Sync extends HealthCheck {
  check(): void {}
}
class Async extends HealthCheck {
  async check(): Promise<void> {}
}
class Throws extends HealthCheck {
  check(): void {
    throw new Error('down');
  }
}

describe('serviceRun', () => {
  afterEach(() => {
    expect(DeadlineTimer.pending, 'executions still tracked by a deadline timer').to.equal(0);
  });

  it('answers every selected check, in order, in a frozen report whose checks array is frozen', async () => {
    const units = serviceUnits([new Sync(), new Async(), new Throws()], {});
    const report = await serviceRun(units, {});
    expect(report.checks.map((check) => [check.name, check.status])).to.deep.equal([
      ['Sync', 'pass'],
      ['Async', 'pass'],
      ['Throws', 'fail'],
    ]);
    expect(Object.isFrozen(report)).to.equal(true);
    expect(Object.isFrozen(report.checks)).to.equal(true);
  });

  it('never hands two runs the same checks array, even when both answer from the cache', async () => {
    const units = serviceUnits([new Sync(), new Async()], { defaultCacheTtlMs: 60_000 });
    const first = await serviceRun(units, {});
    const second = await serviceRun(units, {});
    const third = await serviceRun(units, {});
    expect(second.checks.every((check) => check.cached === true)).to.equal(true);
    expect(second.checks).to.not.equal(third.checks);
    expect(first.checks.map((check) => check.cached)).to.deep.equal([undefined, undefined]);
  });

  it('lets the shutdown gate answer before any check runs', async () => {
    let executions = 0;
    class Counted extends HealthCheck {
      check(): void {
        executions += 1;
      }
    }
    const units = serviceUnits([new Counted()], {});
    units.gate.close();
    const report = await serviceRun(units, {});
    expect(report.checks.map((check) => check.name)).to.deep.equal(['shutdown']);
    expect(executions).to.equal(0);
  });

  it('attaches each check its history only when asked', async () => {
    const units = serviceUnits([new Sync()], { historySize: 3 });
    expect((await serviceRun(units, {})).checks[0]?.history).to.equal(undefined);
    const [check] = (await serviceRun(units, { history: true })).checks;
    expect(check?.history?.entries.length).to.equal(2);
  });

  it('rejects for malformed options, before anything runs', async () => {
    const units = serviceUnits([new Sync()], {});
    let rejected: unknown;
    await serviceRun(units, { probe: 'nope' as never }).catch((error: unknown) => (rejected = error));
    expect(rejected).to.be.instanceOf(RangeError);
  });
});
