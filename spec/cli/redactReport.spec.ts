import { expect } from 'chai';
import type { CheckResult, HealthReport } from 'pulsecheck';
import { redactReport } from '#lib/cli/redactReport.js';

const check: CheckResult = {
  name: 'Db postgres://app:hunter2@db/x',
  status: 'fail',
  critical: true,
  description: 'Orders DB at postgres://app:hunter2@db/x',
  tags: ['ready', 'token=hunter2'],
  durationMs: 1,
  output: 'unavailable: password=hunter2',
  errors: [{ kind: 'unavailable', message: 'password=hunter2' }],
  observations: { 'secret=hunter2': { value: 1, unit: 'token=hunter2' }, dsn: { value: 'https://u:hunter2@h/' }, up: { value: true } },
  cached: true,
  ageMs: 5,
};
const report: HealthReport = { status: 'fail', httpStatus: 503, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 2, checks: [check] };

describe('redactReport', () => {
  it('redacts every string a check controls: name, description, tags, output, messages, observation keys, units and string values', () => {
    const redacted = redactReport(report);
    expect(JSON.stringify(redacted)).not.to.include('hunter2');
    expect(redacted.checks[0]).to.deep.equal({
      ...check,
      name: 'Db postgres://app:***@db/x',
      description: 'Orders DB at postgres://app:***@db/x',
      tags: ['ready', 'token=***'],
      output: 'unavailable: password=***',
      errors: [{ kind: 'unavailable', message: 'password=***' }],
      observations: { 'secret=***': { value: 1, unit: 'token=***' }, dsn: { value: 'https://u:***@h/' }, up: { value: true } },
    });
  });

  it('keeps everything else, and leaves the report it was given unchanged', () => {
    const before = JSON.stringify(report);
    const redacted = redactReport(report);
    expect(JSON.stringify(report)).to.equal(before);
    expect({ ...redacted, checks: [] }).to.deep.equal({ ...report, checks: [] });
    expect(redacted.checks[0]?.cached).to.equal(true);
    expect(redacted.checks[0]?.ageMs).to.equal(5);
  });
});
