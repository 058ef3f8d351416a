import { expect } from 'chai';
import { HealthCheckRegistry, ServiceUnavailable, type CheckResult, type HealthReport } from 'pulsecheck';
import { checkClass, serviceFor } from './fixtures.js';

function byName(report: HealthReport, name: string): CheckResult {
  const found = report.checks.find((check) => check.name === name);
  if (found === undefined) throw new Error(`no result for ${name}`);
  return found;
}

/**
 * How the features of issue 12 combine when one check uses several:
 * dependsOn with flap suppression and with history.
 */
describe('HealthService, dependsOn with flap suppression and history', () => {
  let registry: HealthCheckRegistry;
  let databaseUp: boolean;
  let ordersRuns: number;

  beforeEach(() => {
    registry = new HealthCheckRegistry();
    databaseUp = true;
    ordersRuns = 0;
    checkClass(registry, 'Database', () => {
      if (!databaseUp) throw new ServiceUnavailable('connect ECONNREFUSED');
    });
  });

  it('reports a dependent with failAfter blocked at once: the dependency failed, not the dependent, so nothing holds the verdict back', async () => {
    checkClass(
      registry,
      'Orders',
      () => {
        ordersRuns += 1;
      },
      { dependsOn: ['Database'], failAfter: 3 },
    );
    const service = serviceFor(registry);
    databaseUp = false;
    const report = await service.run();
    expect(byName(report, 'Database').status).to.equal('fail');
    expect(byName(report, 'Orders')).to.include({ status: 'fail', output: 'unavailable: blocked by Database', blockedBy: 'Database' });
    expect(byName(report, 'Orders')).not.to.have.property('suppressed');
  });

  it('neither counts nor breaks the dependent\'s own failAfter streak with a blocked verdict', async () => {
    let ordersUp = true;
    checkClass(
      registry,
      'Orders',
      () => {
        ordersRuns += 1;
        if (!ordersUp) throw new ServiceUnavailable('orders table locked');
      },
      { dependsOn: ['Database'], failAfter: 3 },
    );
    const service = serviceFor(registry);
    ordersUp = false;
    // one failure of its own: pending, 1 of 3
    expect(byName(await service.run(), 'Orders')).to.deep.include({ status: 'warn' }).and.to.have.nested.include({ 'suppressed.streak': 1, 'suppressed.needed': 3 });
    // blocked twice: neither a failure of its own nor a pass
    databaseUp = false;
    expect(byName(await service.run(), 'Orders').blockedBy).to.equal('Database');
    expect(byName(await service.run(), 'Orders').blockedBy).to.equal('Database');
    databaseUp = true;
    // 2 of 3 (counted, the streak would be 4 and confirmed; broken, it would be 1)
    expect(byName(await service.run(), 'Orders')).to.deep.include({ status: 'warn' }).and.to.have.nested.include({ 'suppressed.streak': 2, 'suppressed.needed': 3 });
    const confirmed = byName(await service.run(), 'Orders');
    expect(confirmed.status).to.equal('fail');
    expect(confirmed).not.to.have.property('blockedBy');
  });

  it('keeps blocked verdicts in the dependent\'s history, so its strip shows the outage', async () => {
    checkClass(
      registry,
      'Orders',
      () => {
        ordersRuns += 1;
      },
      { dependsOn: ['Database'] },
    );
    const service = serviceFor(registry, { defaultCacheTtlMs: 60_000 });
    await service.run();
    databaseUp = false;
    // the database's failure is now known (cached) before Orders would start: Orders is not started
    await service.run({ names: ['Database'], fresh: true });
    const runsBefore = ordersRuns;
    const blocked = await service.run({ names: ['Orders'], fresh: true });
    expect(byName(blocked, 'Orders').blockedBy).to.equal('Database');
    expect(ordersRuns).to.equal(runsBefore);
    const [orders] = service.history('Orders');
    expect(orders?.entries.map((entry) => entry.status)).to.deep.equal(['pass', 'fail']);
    expect(orders?.entries[1]?.output).to.equal('unavailable: blocked by Database');
  });
});
