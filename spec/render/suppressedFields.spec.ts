import { expect } from 'chai';
import {
  HealthCheckRegistry,
  HealthJsonSerializer,
  HtmlSerializer,
  JsonSerializer,
  openApiDocument,
  ServiceUnavailable,
  type CheckResult,
  type HealthReport,
} from 'pulsecheck';
import { formatText } from '#lib/cli/formatText.js';
import { describeSuppressed, suppressedFields } from '#lib/render/suppressedFields.js';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { DocumentValidator } from '../openapi/documentValidator.js';

const ms = (value: number): string => `${value} ms`;

function report(check: Partial<CheckResult>): HealthReport {
  return {
    status: 'warn',
    httpStatus: 200,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    checks: [{ name: 'Db', status: 'warn', critical: true, tags: [], durationMs: 1, output: 'unavailable: down', errors: [{ kind: 'unavailable', message: 'down' }], observations: {}, ...check }],
  };
}

describe('suppressedFields and describeSuppressed', () => {
  it('describe a pending failure by count, by duration, or both, and a pending recovery', () => {
    expect(describeSuppressed({ observed: 'fail', streak: 2, needed: 3, forMs: 10 }, ms)).to.equal('pending failure: 2 of 3 failed executions in a row');
    expect(describeSuppressed({ observed: 'fail', streak: 1, forMs: 0, neededMs: 500 }, ms)).to.equal('pending failure: 1 failed execution in a row, failing for 0 ms of 500 ms');
    expect(describeSuppressed({ observed: 'fail', streak: 2, needed: 3, forMs: 40, neededMs: 500 }, ms)).to.equal(
      'pending failure: 2 of 3 failed executions in a row, failing for 40 ms of 500 ms',
    );
    expect(describeSuppressed({ observed: 'pass', streak: 1, needed: 2 }, ms)).to.equal('pending recovery: 1 of 2 executions without failure in a row');
  });

  it('keep only well-formed fields of a hand-built report, in a fixed order, and nothing for garbage', () => {
    expect(suppressedFields(undefined)).to.equal(undefined);
    expect(suppressedFields('fail')).to.equal(undefined);
    expect(suppressedFields({ observed: 'fail' })).to.equal(undefined);
    expect(suppressedFields({ neededMs: 5, streak: 2, observed: '<b>', needed: -1, forMs: Number.NaN, extra: 'x' })).to.deep.equal({ observed: 'fail', streak: 2, neededMs: 5 });
    expect(Object.keys(suppressedFields({ neededMs: 5, forMs: 1, needed: 2, streak: 1, observed: 'fail' }) ?? {})).to.deep.equal(['observed', 'streak', 'needed', 'forMs', 'neededMs']);
  });

  it('show in HTML and health+json at detail full only, and in the flat JSON map as a suppressed warning', () => {
    const held = report({ suppressed: { observed: 'fail', streak: 1, needed: 2, forMs: 0 } });
    expect(new HtmlSerializer().serialize(held)).to.include('pending failure: 1 of 2 failed executions in a row');
    expect(new HtmlSerializer({ detail: 'status' }).serialize(held)).not.to.include('pending failure');
    expect(new HealthJsonSerializer({ detail: 'status' }).serialize(held)).not.to.include('suppressed');
    expect(new JsonSerializer({ detailed: true, detail: 'status' }).serialize(held)).not.to.include('suppressed');
    expect(new JsonSerializer().serialize(held)).to.equal('{"Db":"warning (suppressed, pending failure: 1 of 2 failed executions in a row): unavailable: down"}');
  });

  it('show in the CLI text after the output', () => {
    const text = formatText(report({ suppressed: { observed: 'fail', streak: 1, needed: 2, forMs: 0 } }));
    expect(text).to.include('unavailable: down (pending failure: 1 of 2 failed executions in a row)');
  });

  it('match the OpenAPI document in the detailed JSON and health+json', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Db', () => {
      throw new ServiceUnavailable('down');
    }, { failAfter: { count: 3, durationMs: 1_000 } });
    const service = serviceFor(registry);
    const validator = new DocumentValidator(openApiDocument({ service }));
    const held = await service.run();
    expect(held.checks[0]?.suppressed).to.not.equal(undefined);
    expect(validator.componentProblems('PulsecheckDetailedReport', JSON.parse(new JsonSerializer({ detailed: true }).serialize(held)))).to.deep.equal([]);
    expect(validator.componentProblems('PulsecheckHealthJson', JSON.parse(new HealthJsonSerializer().serialize(held)))).to.deep.equal([]);
    expect(validator.componentProblems('PulsecheckSuppressedStatus', { observed: 'fail' })).to.not.deep.equal([]);
  });
});
