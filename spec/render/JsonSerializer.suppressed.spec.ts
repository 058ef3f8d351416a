import { expect } from 'chai';
import { JsonSerializer } from '#lib/render/JsonSerializer.js';
import { HealthCheckRegistry, ServiceUnavailable } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { aReport, unavailable } from './fixtures.js';

describe('JsonSerializer: a failure held back by flap suppression', () => {
  const pending = { ...unavailable('Queue', 'connection refused'), status: 'warn' as const, suppressed: { observed: 'fail' as const, streak: 1, needed: 3, forMs: 0 } };

  it('says in the flat map that it is suppressed, so that a monitor does not take it for a failure', () => {
    expect(JSON.parse(new JsonSerializer().serialize(aReport([pending])))).to.deep.equal({
      Queue: 'warning (suppressed, pending failure: 1 of 3 failed executions in a row): unavailable: connection refused',
    });
  });

  it('says so at detail status too', () => {
    expect(JSON.parse(new JsonSerializer({ detail: 'status' }).serialize(aReport([pending])))).to.deep.equal({ Queue: 'warning (suppressed, pending failure): unavailable' });
  });

  it('leaves a confirmed failure and a pending recovery as they are', () => {
    const failed = unavailable('Queue', 'connection refused');
    const recovering = { ...unavailable('Queue', 'recovering: 1 of 2 consecutive executions without failure (recoverAfter)'), suppressed: { observed: 'pass' as const, streak: 1, needed: 2 } };
    expect(JSON.parse(new JsonSerializer().serialize(aReport([failed])))).to.deep.equal({ Queue: 'unavailable: connection refused' });
    expect(JSON.parse(new JsonSerializer().serialize(aReport([recovering])))).to.deep.equal({ Queue: 'unavailable: recovering: 1 of 2 consecutive executions without failure (recoverAfter)' });
  });

  it('marks what a real service reports for a check with failAfter: 3 that failed once (HTTP 200)', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Queue', () => {
      throw new ServiceUnavailable('connection refused');
    }, { failAfter: 3 });
    const report = await serviceFor(registry).run();
    expect(report.httpStatus).to.equal(200);
    expect(JSON.parse(new JsonSerializer().serialize(report))).to.deep.equal({
      Queue: 'warning (suppressed, pending failure: 1 of 3 failed executions in a row): unavailable: connection refused',
    });
  });
});
