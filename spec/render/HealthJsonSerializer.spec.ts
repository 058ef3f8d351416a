import { expect } from 'chai';
import { HealthJsonSerializer } from '#lib/render/HealthJsonSerializer.js';
import { aCheck, aReport, billingService, databaseAndQueue, startedAt, unavailable, working } from './fixtures.js';

interface Details {
  affectedEndpoints?: string[];
  componentId?: string;
  componentType?: string;
  description?: string;
  observedValue?: unknown;
  observedUnit?: string;
  status?: string;
  time?: string;
  output?: string;
}
interface HealthJson {
  status: string;
  output?: string;
  checks?: Record<string, Details[]>;
}

const serialize = (...args: Parameters<HealthJsonSerializer['serialize']>): HealthJson =>
  JSON.parse(new HealthJsonSerializer().serialize(...args)) as HealthJson;

describe('HealthJsonSerializer', () => {
  it('has the content type application/health+json', () => {
    expect(new HealthJsonSerializer().contentType).to.equal('application/health+json');
  });

  it('rejects an unknown option', () => {
    expect(() => new HealthJsonSerializer({ prefix: 'x' } as never)).to.throw(TypeError, /HealthJsonSerializer: unknown option 'prefix'/);
  });

  describe('serialize', () => {
    it('writes the top-level status words pass, warn and fail', () => {
      expect(serialize(aReport([working('a')])).status).to.equal('pass');
      expect(serialize(aReport([unavailable('a', 'x', { critical: false })])).status).to.equal('warn');
      expect(serialize(databaseAndQueue()).status).to.equal('fail');
    });

    it('writes a top-level output listing each check that did not pass, and none for pass', () => {
      expect(serialize(databaseAndQueue()).output).to.equal('QueueHealthCheck: unavailable: connection refused');
      expect(serialize(aReport([working('a')]))).not.to.have.property('output');
    });

    it('writes the check\'s description in each of its entries (an additional key), after componentType, at full only', () => {
      const report = aReport([working('db', { description: 'Orders database', observations: { connections: { value: 4 } } }), working('cache')]);
      const body = serialize(report);
      for (const key of ['db:responseTime', 'db:connections']) {
        const entry = body.checks?.[key]?.[0];
        expect(entry?.description, key).to.equal('Orders database');
        expect(Object.keys(entry ?? {}).slice(0, 3), key).to.deep.equal(['componentId', 'componentType', 'description']);
      }
      expect(body.checks?.['cache:responseTime']?.[0]).not.to.have.property('description');
      expect(new HealthJsonSerializer({ detail: 'status' }).serialize(report)).not.to.include('Orders database');
    });

    it('writes responseTime for a check without observations: its duration in ms', () => {
      const body = serialize(aReport([working('DatabaseHealthCheck', { durationMs: 12.5 })]));
      expect(body.checks).to.deep.equal({
        'DatabaseHealthCheck:responseTime': [
          { componentId: 'DatabaseHealthCheck', componentType: 'component', status: 'pass', time: startedAt, observedValue: 12.5, observedUnit: 'ms' },
        ],
      });
    });

    it('writes one entry per observation, with its unit when it has one', () => {
      const check = working('db', { observations: { connections: { value: 7 }, utilization: { value: 42, unit: 'percent' }, version: { value: '16.2' } } });
      const checks = serialize(aReport([check])).checks ?? {};
      expect(Object.keys(checks)).to.deep.equal(['db:responseTime', 'db:connections', 'db:utilization', 'db:version']);
      expect(checks['db:connections']?.[0]).to.include({ observedValue: 7 }).and.not.have.property('observedUnit');
      expect(checks['db:utilization']?.[0]).to.include({ observedValue: 42, observedUnit: 'percent' });
      expect(checks['db:version']?.[0]).to.include({ observedValue: '16.2' });
    });

    it('lets an observed responseTime replace the duration', () => {
      const checks = serialize(aReport([working('api', { durationMs: 80, observations: { responseTime: { value: 55, unit: 'ms' } } })])).checks ?? {};
      expect(checks['api:responseTime']).to.have.length(1);
      expect(checks['api:responseTime']?.[0]).to.include({ observedValue: 55 });
    });

    it('writes every value as an array of objects with the draft field names only', () => {
      const body = serialize(databaseAndQueue());
      const allowed = ['componentId', 'componentType', 'observedValue', 'observedUnit', 'status', 'affectedEndpoints', 'time', 'output', 'links'];
      expect(Object.keys(body)).to.have.members(['status', 'output', 'checks']);
      for (const entries of Object.values(body.checks ?? {})) {
        expect(entries).to.be.an('array').that.is.not.empty;
        for (const entry of entries) expect(allowed).to.include.members(Object.keys(entry));
      }
    });

    it('writes the output of a check that did not pass on its entries, and none on passing ones', () => {
      const checks = serialize(databaseAndQueue()).checks ?? {};
      expect(checks['QueueHealthCheck:responseTime']?.[0]).to.include({ status: 'fail', output: 'unavailable: connection refused' });
      expect(checks['DatabaseHealthCheck:responseTime']?.[0]).not.to.have.property('output');
    });

    it('dates a cached result back by its age', () => {
      const checks = serialize(aReport([working('db', { cached: true, ageMs: 2000 })])).checks ?? {};
      expect(checks['db:responseTime']?.[0]?.time).to.equal('2025-03-04T05:06:05.089Z');
    });

    it('leaves time out when the report start is not a date', () => {
      const checks = serialize(aReport([working('db')], { startedAt: 'not a date' })).checks ?? {};
      expect(checks['db:responseTime']?.[0]).not.to.have.property('time');
    });

    it('replaces colons in key parts, keeping the real name as componentId', () => {
      const checks = serialize(aReport([working('db:primary', { observations: { 'pool:idle': { value: 2 } } })])).checks ?? {};
      expect(Object.keys(checks)).to.deep.equal(['db_primary:responseTime', 'db_primary:pool_idle']);
      expect(checks['db_primary:pool_idle']?.[0]?.componentId).to.equal('db:primary');
    });

    it('puts two checks whose keys collide into one array', () => {
      const checks = serialize(aReport([working('a:b'), working('a_b')])).checks ?? {};
      expect(checks['a_b:responseTime']?.map((entry) => entry.componentId)).to.deep.equal(['a:b', 'a_b']);
    });

    it('writes an empty checks object for a report without checks', () => {
      expect(serialize(aReport())).to.deep.equal({ status: 'pass', checks: {} });
    });

    it('writes one key per check at detail status, with id, type, status and time only', () => {
      const body = JSON.parse(new HealthJsonSerializer({ detail: 'status' }).serialize(databaseAndQueue())) as HealthJson;
      expect(body).to.deep.equal({
        status: 'fail',
        checks: {
          DatabaseHealthCheck: [{ componentId: 'DatabaseHealthCheck', componentType: 'component', status: 'pass', time: startedAt }],
          QueueHealthCheck: [{ componentId: 'QueueHealthCheck', componentType: 'component', status: 'fail', time: startedAt }],
        },
      });
    });

    it('writes the status alone at detail summary', () => {
      expect(new HealthJsonSerializer({ detail: 'summary' }).serialize(databaseAndQueue())).to.equal('{"status":"fail"}');
    });

    describe("the service's fields (the module's serviceInfo, report.service)", () => {
      const service = billingService;

      it("writes them at the top level, under the draft's names and in its order around output and checks", () => {
        const text = new HealthJsonSerializer().serialize(aReport([unavailable('db', 'refused')], { service }));
        expect(Object.keys(JSON.parse(text) as object)).to.deep.equal(['status', 'version', 'releaseId', 'notes', 'output', 'serviceId', 'description', 'checks', 'links']);
        expect(JSON.parse(text)).to.deep.include({ ...service, status: 'fail', output: 'db: unavailable: refused' });
      });

      it('writes them at detail full only', () => {
        const report = aReport([working('db')], { service });
        expect(Object.keys(JSON.parse(new HealthJsonSerializer({ detail: 'status' }).serialize(report)) as object)).to.deep.equal(['status', 'checks']);
        expect(new HealthJsonSerializer({ detail: 'summary' }).serialize(report)).to.equal('{"status":"pass"}');
      });

      it('writes only the well-formed fields of a report built by hand', () => {
        const report = { ...aReport([]), service: { version: 3, notes: ['ok', 4], links: { about: 'https://example.com/', bad: null }, extra: 'x-extra-x' } } as never;
        expect(JSON.parse(new HealthJsonSerializer().serialize(report))).to.deep.equal({ status: 'pass', notes: ['ok'], checks: {}, links: { about: 'https://example.com/' } });
      });
    });

    describe('componentType', () => {
      it("is the result's componentType in each of its entries, at every detail but summary, and component for a result without one", () => {
        const report = aReport([working('pg', { componentType: 'datastore', observations: { connections: { value: 3 } } }), working('memory', { componentType: 'system' }), working('api')]);
        const full = serialize(report).checks ?? {};
        expect(full['pg:responseTime']?.[0]?.componentType).to.equal('datastore');
        expect(full['pg:connections']?.[0]?.componentType).to.equal('datastore');
        expect(full['memory:responseTime']?.[0]?.componentType).to.equal('system');
        expect(full['api:responseTime']?.[0]?.componentType).to.equal('component');
        const status = (JSON.parse(new HealthJsonSerializer({ detail: 'status' }).serialize(report)) as HealthJson).checks ?? {};
        expect([status.pg?.[0]?.componentType, status.memory?.[0]?.componentType, status.api?.[0]?.componentType]).to.deep.equal(['datastore', 'system', 'component']);
      });

      it('is component for a value the draft does not define', () => {
        const checks = serialize(aReport([working('odd', { componentType: 'database' as never })])).checks ?? {};
        expect(checks['odd:responseTime']?.[0]?.componentType).to.equal('component');
      });
    });

    describe('affectedEndpoints', () => {
      const endpoints = ['/orders/{id}', '/orders{?page}'];

      it('is written in every entry of a check that does not pass, after status (the draft\'s order), at detail full', () => {
        const report = aReport([unavailable('db', 'refused', { affectedEndpoints: endpoints, observations: { connections: { value: 0 } } })]);
        const checks = serialize(report).checks ?? {};
        for (const key of ['db:responseTime', 'db:connections']) {
          const entry = checks[key]?.[0] as Record<string, unknown> | undefined;
          expect(entry?.affectedEndpoints, key).to.deep.equal(endpoints);
          const keys = Object.keys(entry ?? {});
          expect(keys.indexOf('affectedEndpoints'), key).to.equal(keys.indexOf('status') + 1);
        }
        expect(new HealthJsonSerializer({ detail: 'status' }).serialize(report)).not.to.include('/orders');
      });

      it('is left out while the check passes (the draft: SHOULD be omitted for pass)', () => {
        expect(new HealthJsonSerializer().serialize(aReport([working('db', { affectedEndpoints: endpoints })]))).not.to.include('affectedEndpoints');
      });
    });

    it('writes a warning check as warn with its output', () => {
      const checks = serialize(aReport([aCheck({ name: 'disk', errors: [{ kind: 'warning', message: '91% full' }] })])).checks ?? {};
      expect(checks['disk:responseTime']?.[0]).to.include({ status: 'warn', output: 'warning: 91% full' });
    });
  });
});
