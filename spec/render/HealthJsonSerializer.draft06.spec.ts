import { expect } from 'chai';
import fc from 'fast-check';
import { formats, HealthCheck, HealthCheckRegistry, HealthJsonSerializer, registerHealthCheck, respond, ServiceUnavailable, type CheckTraits, type DetailLevel } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { numRuns } from '../support/arbitraries.js';
import { draft06Example, draft06Problems } from '../support/healthJsonDraft06.js';
import { healthReport, serviceInfo } from './reportArbitrary.js';

const details = ['full', 'status', 'summary'] as const satisfies readonly DetailLevel[];

/** Whether `action` runs without throwing. */
function accepts(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}


describe('HealthJsonSerializer, against draft-inadarei-api-health-check-06 (a JSON Schema of the draft, checked by ajv)', () => {
  describe('the schema itself', () => {
    it("accepts the draft's own example response (section 5)", () => {
      expect(draft06Problems(draft06Example, 'loose')).to.deep.equal([]);
    });

    it('refuses what the draft rules out: a status word it does not define, a key with two colons, a link that is not a URI, a checks value that is not an array', () => {
      expect(draft06Problems({ status: 'ok-ish' })).not.to.deep.equal([]);
      expect(draft06Problems({ status: 'pass', checks: { 'a:b:c': [{ componentType: 'component', status: 'pass' }] } })).not.to.deep.equal([]);
      expect(draft06Problems({ status: 'pass', links: { about: 'not a uri' } })).not.to.deep.equal([]);
      expect(draft06Problems({ status: 'pass', checks: { a: { status: 'pass' } } })).not.to.deep.equal([]);
      expect(draft06Problems({ status: 'pass', checks: { a: [{ componentType: 'component', status: 'fail', affectedEndpoints: ['/orders/{id'] }] } })).not.to.deep.equal([]);
    });

    it("refuses, when strict, an output or affectedEndpoints on 'pass' (the draft's SHOULDs)", () => {
      expect(draft06Problems({ status: 'pass', output: '' })).not.to.deep.equal([]);
      expect(draft06Problems({ status: 'warn', checks: { a: [{ componentType: 'component', status: 'pass', affectedEndpoints: ['/x'] }] } })).not.to.deep.equal([]);
    });
  });

  it("registers only affectedEndpoints the draft's RFC 6570 accepts, and links the draft's URI format accepts (so no report can break it)", () => {
    const alphabet = fc.constantFrom(...'/{}?&#+.,;:=*%0123456789aAzZ_-~!$()@[]\'" <>|^`\\é'.split(''));
    const candidate = fc.array(alphabet, { minLength: 1, maxLength: 16 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(candidate, (endpoint) => {
        fc.pre(accepts(() => registerHealthCheck({ registry: new HealthCheckRegistry(), name: 'x', affectedEndpoints: [endpoint] })(class extends HealthCheck { check(): void {} })));
        expect(draft06Problems({ status: 'fail', checks: { x: [{ componentType: 'component', status: 'fail', affectedEndpoints: [endpoint] }] } })).to.deep.equal([]);
      }),
      { numRuns: numRuns(2_000) },
    );
    fc.assert(
      fc.property(fc.oneof(candidate.map((path) => `https://example.com/${path}`), fc.webUrl({ withQueryParameters: true, withFragments: true })), (uri) => {
        fc.pre(accepts(() => serviceFor(new HealthCheckRegistry(), { serviceInfo: { links: { about: uri } } })));
        expect(draft06Problems({ status: 'pass', links: { about: uri } })).to.deep.equal([]);
      }),
      { numRuns: numRuns(2_000) },
    );
  });

  it('writes a body the draft accepts for every report, at every detail level', () => {
    fc.assert(
      fc.property(healthReport, fc.constantFrom(...details), (report, detail) => {
        const body: unknown = JSON.parse(new HealthJsonSerializer({ detail }).serialize(report));
        expect(draft06Problems(body)).to.deep.equal([]);
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('is served by respond() with the media type of the format table, and a 2xx for pass and warn, a 5xx for fail (draft 3.1)', () => {
    const row = formats.find((format) => format.name === 'health+json');
    expect(row?.mediaTypes[0]).to.equal('application/health+json');
    fc.assert(
      fc.property(healthReport, fc.constantFrom(...details), (report, detail) => {
        const response = respond(report, { format: 'health+json', detail });
        expect(response.headers['Content-Type']).to.match(/^application\/health\+json(;|$)/);
        if (report.status === 'fail') expect(response.statusCode).to.be.within(400, 599);
        else expect(response.statusCode).to.be.within(200, 399);
        expect(draft06Problems(JSON.parse(response.body))).to.deep.equal([]);
      }),
      { numRuns: numRuns(100) },
    );
  });

  it("writes a report of a real service with serviceInfo, a datastore, a system check and a failing check's affectedEndpoints as the draft says", async () => {
    await fc.assert(
      fc.asyncProperty(serviceInfo, fc.boolean(), async (info, down) => {
        const registry = new HealthCheckRegistry();
        @registerHealthCheck({ registry, name: 'orders-db', affectedEndpoints: ['/orders/{id}', '/orders{?page}'] })
        class OrdersDb extends HealthCheck {
          static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };
          check(context: Parameters<HealthCheck['check']>[0]): void {
            context.observe('connections', 4);
            if (down) throw new ServiceUnavailable('connection refused');
          }
        }
        @registerHealthCheck({ registry, name: 'memory' })
        class Memory extends HealthCheck {
          static override readonly traits: CheckTraits = { componentType: 'system' };
          check(context: Parameters<HealthCheck['check']>[0]): void {
            context.observe('utilization', 42, 'percent');
          }
        }
        checkClass(registry, 'payments', () => {});
        const report = await serviceFor(registry, { serviceInfo: info }).run();
        const body = JSON.parse(new HealthJsonSerializer().serialize(report)) as Record<string, unknown> & { checks: Record<string, { componentType: string; affectedEndpoints?: string[] }[]> };
        expect(draft06Problems(body)).to.deep.equal([]);
        for (const field of ['version', 'releaseId', 'notes', 'serviceId', 'description', 'links'] as const) {
          expect(body[field], field).to.deep.equal(report.service?.[field]);
          expect(body[field] === undefined, field).to.equal(info[field] === undefined);
        }
        expect(body.checks['orders-db:connections']?.[0]?.componentType).to.equal('datastore');
        expect(body.checks['memory:utilization']?.[0]?.componentType).to.equal('system');
        expect(body.checks['payments:responseTime']?.[0]?.componentType).to.equal('component');
        expect(body.checks['orders-db:responseTime']?.[0]?.affectedEndpoints).to.deep.equal(down ? ['/orders/{id}', '/orders{?page}'] : undefined);
        expect([OrdersDb.name, Memory.name]).to.deep.equal(['OrdersDb', 'Memory']);
      }),
      { numRuns: numRuns(20) },
    );
  });
});
