import { expect } from 'chai';
import { HealthCheckRegistry, healthEndpoints, JsonSerializer, openApiDocument, ServiceUnavailable, type DetailLevel, type HealthService } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { DocumentValidator } from './documentValidator.js';

/** A service whose checks pass, fail, warn, observe, carry a colon in a name, and sit in each probe. */
function makeService(): { service: HealthService; switches: { down: boolean } } {
  const registry = new HealthCheckRegistry();
  const switches = { down: false };

  checkClass(
    registry,
    'Process',
    (context) => {
      context.observe('heapUsed', 1234, 'bytes');
    },
    { tags: ['live'] },
  );
  checkClass(
    registry,
    'Database',
    () => {
      if (switches.down) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.7:5432 (postgres://app:hunter2@db/app)');
    },
    { tags: ['ready'], timeoutMs: 300 },
  );
  checkClass(
    registry,
    'cache:eu',
    (context) => {
      context.addWarning('hit rate below 50%');
      context.observe('hitRate', 0.42);
    },
    { critical: false },
  );
  return { service: serviceFor(registry), switches };
}

const formats = ['json', 'html', 'health+json', 'openmetrics', 'prometheus'] as const;

describe('the schemas of openApiDocument, against what healthEndpoints really answers', () => {
  for (const down of [false, true]) {
    for (const detail of ['full', 'status', 'summary'] as const satisfies readonly DetailLevel[]) {
      describe(`having a critical check ${down ? 'down' : 'up'}, at detail '${detail}'`, () => {
        it('answers every route, in every format and for HEAD, as the document says', async () => {
          const { service, switches } = makeService();
          switches.down = down;
          const validator = new DocumentValidator(openApiDocument({ service }));
          const endpoints = healthEndpoints(service, { detail });
          const seen = new Set<number>();
          for (const path of endpoints.paths) {
            for (const format of [...formats, undefined]) {
              const response = await endpoints.handle({ url: format === undefined ? path : `${path}?format=${encodeURIComponent(format)}` });
              if (response === undefined) throw new Error(`${path} not served`);
              seen.add(response.statusCode);
              const checked = { status: response.statusCode, contentType: response.headers['Content-Type'] ?? null, body: response.body };
              expect(validator.problems(path, 'get', checked), `GET ${path} ?format=${format ?? '(none)'}: ${response.body.slice(0, 300)}`).to.deep.equal([]);
            }
            const head = await endpoints.handle({ url: path, method: 'HEAD' });
            expect(validator.problems(path, 'head', { status: head?.statusCode ?? 0, contentType: null, body: head?.body ?? '' })).to.deep.equal([]);
          }
          expect([...seen].sort()).to.deep.equal(down ? [200, 503] : [200]);
        });
      });
    }
  }

  describe('while the service shuts down', () => {
    it("answers readiness with the 'shutdown' pseudo-check, as the document says", async () => {
      const { service } = makeService();
      const validator = new DocumentValidator(openApiDocument({ service }));
      service.beginShutdown();
      const response = await healthEndpoints(service).handle({ url: '/health/ready?format=json' });
      expect(response?.statusCode).to.equal(503);
      expect(validator.problems('/health/ready', 'get', { status: 503, contentType: response?.headers['Content-Type'] ?? null, body: response?.body ?? '' })).to.deep.equal([]);
    });
  });

  describe('having a report that does not match', () => {
    it('is caught: a check missing from the map, one too many, a non-string value, an undocumented status or content type', () => {
      const { service } = makeService();
      const validator = new DocumentValidator(openApiDocument({ service }));
      const json = (body: unknown): { status: number; contentType: string; body: string } => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      expect(validator.problems('/health/live', 'get', json({ Process: 'working' }))).to.deep.equal([]);
      expect(validator.problems('/health/live', 'get', json({}))).to.not.deep.equal([]);
      expect(validator.problems('/health/live', 'get', json({ Process: 'working', Database: 'working' }))).to.not.deep.equal([]);
      expect(validator.problems('/health/live', 'get', json({ Process: 1 }))).to.not.deep.equal([]);
      expect(validator.problems('/health/live', 'get', { ...json({ Process: 'working' }), status: 418 })).to.not.deep.equal([]);
      expect(validator.problems('/health/live', 'get', { status: 503, contentType: 'text/plain; version=0.0.4; charset=utf-8', body: '' })).to.not.deep.equal([]);
    });
  });

  describe('the detailed report (JsonSerializer({ detailed: true }), pulsecheck --format json)', () => {
    for (const detail of ['full', 'status'] as const) {
      it(`matches PulsecheckDetailedReport at detail '${detail}'`, async () => {
        const { service, switches } = makeService();
        switches.down = true;
        const validator = new DocumentValidator(openApiDocument({ service }));
        const report = await service.run();
        const body: unknown = JSON.parse(new JsonSerializer({ detailed: true, detail }).serialize(report));
        expect(validator.componentProblems('PulsecheckDetailedReport', body)).to.deep.equal([]);
        expect(validator.componentProblems('PulsecheckDetailedReport', { status: 'fail', checks: [] })).to.not.deep.equal([]);
      });
    }
  });
});
