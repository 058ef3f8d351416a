import { expect } from 'chai';
import { HealthCheckRegistry, JsonSerializer, ServiceUnavailable } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';

describe('JsonSerializer with history', () => {
  async function reportWithHistory() {
    const registry = new HealthCheckRegistry();
    let down = false;
    checkClass(registry, 'Db', () => {
      if (down) throw new ServiceUnavailable('refused');
    });
    const service = serviceFor(registry);
    await service.run();
    down = true;
    return service.run({ history: true });
  }

  it('writes each check\'s history in the detailed report, as JSON.stringify(report) does', async () => {
    const report = await reportWithHistory();
    const text = new JsonSerializer({ detailed: true }).serialize(report);
    expect(text).to.equal(JSON.stringify(report));
    const written = JSON.parse(text) as { checks: { history: { entries: { status: string; output: string }[]; uptimePercent: number } }[] };
    expect(written.checks[0]?.history.entries.map((entry) => `${entry.status} ${entry.output}`)).to.deep.equal(['pass working', 'fail unavailable: refused']);
    expect(written.checks[0]?.history.uptimePercent).to.equal(50);
  });

  it('leaves history out of the flat map, and out of the detailed report at detail status and summary', async () => {
    const report = await reportWithHistory();
    expect(new JsonSerializer().serialize(report)).to.equal('{"Db":"unavailable: refused"}');
    for (const detail of ['status', 'summary'] as const) {
      expect(new JsonSerializer({ detailed: true, detail }).serialize(report), detail).not.to.include('history');
    }
  });
});
