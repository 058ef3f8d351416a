import { expect } from 'chai';
import { JsonSerializer } from '#lib/render/JsonSerializer.js';
import { aCheck, aReport, databaseAndQueue, secretReport, unavailable, working } from './fixtures.js';

describe('JsonSerializer', () => {
  it('has the content type application/json', () => {
    expect(new JsonSerializer().contentType).to.equal('application/json');
  });

  describe('constructor', () => {
    it('rejects an unknown option, naming it', () => {
      expect(() => new JsonSerializer({ detial: 'status' } as never)).to.throw(TypeError, /JsonSerializer: unknown option 'detial'/);
    });

    it('rejects a detail level that does not exist', () => {
      expect(() => new JsonSerializer({ detail: 'minimal' as never })).to.throw(TypeError, /JsonSerializer: detail must be one of 'full', 'status', 'summary', got 'minimal'/);
    });

    it('rejects a non-boolean detailed', () => {
      expect(() => new JsonSerializer({ detailed: 'yes' as never })).to.throw(TypeError, /detailed must be a boolean/);
    });

    it('rejects options that are not an object', () => {
      expect(() => new JsonSerializer(null as never)).to.throw(TypeError, /JsonSerializer: options must be an object, got null/);
    });
  });

  describe('serialize', () => {
    it('writes the flat map by default', () => {
      expect(new JsonSerializer().serialize(databaseAndQueue())).to.equal('{"DatabaseHealthCheck":"working","QueueHealthCheck":"unavailable: connection refused"}');
    });

    it('keeps report order, even for names that look like array indexes', () => {
      const report = aReport([working('b'), working('10'), working('a'), working('2')]);
      expect(new JsonSerializer().serialize(report)).to.equal('{"b":"working","10":"working","a":"working","2":"working"}');
    });

    it('writes a check named __proto__ as an ordinary key', () => {
      const parsed = JSON.parse(new JsonSerializer().serialize(aReport([unavailable('__proto__', 'down')]))) as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).to.equal('unavailable: down');
    });

    it('writes every error line of a check, joined by a newline as in its output', () => {
      const check = aCheck({ name: 'db', errors: [{ kind: 'unavailable', message: 'refused' }, { kind: 'timeout', message: 'slow' }] });
      expect(JSON.parse(new JsonSerializer().serialize(aReport([check])))).to.deep.equal({ db: 'unavailable: refused\ntimeout: slow' });
    });

    it('escapes names and messages as JSON', () => {
      const report = aReport([unavailable('a "quoted"\nname', 'back\\slash "and" \u2028 line')]);
      expect(JSON.parse(new JsonSerializer().serialize(report))).to.deep.equal({ 'a "quoted"\nname': 'unavailable: back\\slash "and" \u2028 line' });
    });

    it('writes {} for a report without checks', () => {
      expect(new JsonSerializer().serialize(aReport())).to.equal('{}');
    });

    it('writes the state words at detail status: working, or the distinct error kinds', () => {
      const report = aReport([
        working('ok'),
        aCheck({ name: 'db', errors: [{ kind: 'unavailable', message: 'a' }, { kind: 'timeout', message: 'b' }, { kind: 'unavailable', message: 'c' }] }),
        aCheck({ name: 'cache', errors: [{ kind: 'warning', message: 'almost full' }] }),
      ]);
      expect(new JsonSerializer({ detail: 'status' }).serialize(report)).to.equal('{"ok":"working","db":"unavailable, timeout","cache":"warning"}');
    });

    it('writes the overall status alone at detail summary, flat or detailed', () => {
      expect(new JsonSerializer({ detail: 'summary' }).serialize(databaseAndQueue())).to.equal('{"status":"fail"}');
      expect(new JsonSerializer({ detail: 'summary', detailed: true }).serialize(databaseAndQueue())).to.equal('{"status":"fail"}');
    });

    it('rejects something that is not a report', () => {
      expect(() => new JsonSerializer().serialize({ status: 'pass' } as never)).to.throw(TypeError, /JsonSerializer.serialize: report must be a HealthReport/);
    });
  });

  describe('serialize, detailed', () => {
    it('round-trips the whole report, cached results included', () => {
      const report = secretReport();
      expect(JSON.parse(new JsonSerializer({ detailed: true }).serialize(report))).to.deep.equal(report);
    });

    it('writes what JSON.stringify(report) writes for a report from the service', () => {
      // keys in the order the service's buildResult() writes them
      const check = {
        name: 'db',
        status: 'fail' as const,
        critical: true,
        tags: ['ready'],
        durationMs: 3.25,
        output: 'unavailable: refused',
        errors: [{ kind: 'unavailable' as const, message: 'refused' }],
        observations: { connections: { value: 3 }, version: { value: '16.2', unit: 'semver' } },
        description: 'Orders database',
        cached: true as const,
        ageMs: 120,
      };
      const report = aReport([check]);
      expect(new JsonSerializer({ detailed: true }).serialize(report)).to.equal(JSON.stringify(report));
    });

    it("writes what JSON.stringify(report) writes for a report with a service, a componentType and affectedEndpoints", () => {
      const check = {
        name: 'db',
        status: 'fail' as const,
        critical: true,
        tags: [],
        durationMs: 3.25,
        output: 'unavailable: refused',
        errors: [{ kind: 'unavailable' as const, message: 'refused' }],
        observations: {},
        description: 'Orders database',
        componentType: 'datastore' as const,
        affectedEndpoints: ['/orders/{id}'],
        blockedBy: 'network',
      };
      const service = { version: '2', releaseId: '2.4.1', notes: ['a note'], serviceId: 'orders', description: 'Orders API', links: { about: 'https://example.com/orders' } };
      const report = { ...aReport([check]), service };
      expect(new JsonSerializer({ detailed: true }).serialize(report)).to.equal(JSON.stringify(report));
    });

    it('leaves the service out at detail status', () => {
      const report = { ...aReport([working('db')]), service: { version: '2' } };
      expect(new JsonSerializer({ detailed: true, detail: 'status' }).serialize(report)).not.to.include('version');
    });

    it('writes a check\'s description at full, and nothing for a check without one', () => {
      const report = aReport([working('db', { description: 'Orders "primary" database' }), working('cache')]);
      const checks = (JSON.parse(new JsonSerializer({ detailed: true }).serialize(report)) as { checks: Record<string, unknown>[] }).checks;
      expect(checks[0]).to.have.property('description', 'Orders "primary" database');
      expect(checks[1]).not.to.have.property('description');
      expect(new JsonSerializer({ detailed: true, detail: 'status' }).serialize(report)).not.to.include('primary');
      expect(new JsonSerializer().serialize(report), 'the flat map stays name → output').to.equal('{"db":"working","cache":"working"}');
    });

    it('writes only the report fields it knows, never extra properties', () => {
      const withExtra = { ...working('db'), internal: 'x-internal-x' };
      const report = { ...aReport([withExtra]), debug: 'x-debug-x' };
      const json = new JsonSerializer({ detailed: true }).serialize(report);
      expect(json).not.to.include('x-internal-x');
      expect(json).not.to.include('x-debug-x');
    });

    it('trims the report at detail status to names, states and criticality', () => {
      const report = aReport([unavailable('db', 'refused', { critical: false })]);
      expect(JSON.parse(new JsonSerializer({ detailed: true, detail: 'status' }).serialize(report))).to.deep.equal({
        status: 'warn',
        httpStatus: 200,
        startedAt: report.startedAt,
        checks: [{ name: 'db', status: 'fail', critical: false }],
      });
    });
  });
});
