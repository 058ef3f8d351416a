import { expect } from 'chai';
import { HealthCheckRegistry, JsonSerializer, openApiDocument, ServiceUnavailable } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { DocumentValidator } from './documentValidator.js';

describe('openApiDocument: history in the detailed report', () => {
  it('describes the history that run({ history: true }) attaches (PulsecheckCheckHistory)', async () => {
    const registry = new HealthCheckRegistry();
    let round = 0;
    checkClass(registry, 'Db', () => {
      round += 1;
      if (round === 2) throw new ServiceUnavailable(`refused ${'x'.repeat(1_000)}`);
    });
    const service = serviceFor(registry);
    for (let index = 0; index < 3; index += 1) await service.run();
    const validator = new DocumentValidator(openApiDocument({ service }));
    const body: unknown = JSON.parse(new JsonSerializer({ detailed: true }).serialize(await service.run({ history: true })));
    expect(validator.componentProblems('PulsecheckDetailedReport', body)).to.deep.equal([]);
    const check = (body as { checks: { history: unknown }[] }).checks[0];
    expect(validator.componentProblems('PulsecheckCheckHistory', check?.history)).to.deep.equal([]);
    expect(validator.componentProblems('PulsecheckCheckHistory', { name: 'Db', capacity: 60, entries: [{ status: 'pass', durationMs: 1, time: 'soon', output: 'working' }] })).to.not.deep.equal([]);
    expect(validator.componentProblems('PulsecheckCheckHistory', { name: 'Db', capacity: 60, entries: [], uptimePercent: 101 })).to.not.deep.equal([]);
  });
});
