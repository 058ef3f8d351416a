import { validate, compileErrors } from '@readme/openapi-parser';
import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_HEALTH_ROUTES, HealthCheckRegistry, HealthService, openApiDocument, type JsonSchema, type OpenApiDocument } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { numRuns } from '../support/arbitraries.js';

/** The example service's checks, as definitions: names, tags, criticality. */
const exampleChecks = [
  { name: 'DatabaseHealthCheck', tags: ['ready'], description: 'PostgreSQL at postgres://app:hunter2@db:5432/app' },
  { name: 'CacheHealthCheck', tags: ['ready'] },
  { name: 'EventLoopHealthCheck', tags: ['live'] },
  { name: 'DiskSpaceHealthCheck', critical: false },
];

type Loose = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): Loose => keys.reduce<Loose>((node, key) => (node[key] ?? {}) as Loose, value as Loose);

/** What @readme/openapi-parser says of a document: no errors, or their text. */
async function validationErrors(document: object): Promise<string> {
  // validate() dereferences in place: give it a copy.
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  return result.valid ? '' : compileErrors(result);
}

describe('openApiDocument', () => {
  describe('having the checks of a service', () => {
    const document: OpenApiDocument = openApiDocument({ checks: exampleChecks, servers: [{ url: 'https://orders.example.com', description: 'production' }], title: 'Orders', version: '2.3.0' });

    it('is a valid OpenAPI 3.1 document by @readme/openapi-parser', async () => {
      expect(document.openapi).to.equal('3.1.0');
      expect(await validationErrors(document)).to.equal('');
    });

    it('has one path per default route, each with GET and HEAD', () => {
      expect(Object.keys(document.paths)).to.deep.equal(Object.keys(DEFAULT_HEALTH_ROUTES));
      for (const item of Object.values(document.paths)) expect(Object.keys(item)).to.deep.equal(['get', 'head']);
      expect(at(document.paths, '/health/ready', 'get').operationId).to.equal('getHealthReady');
      expect(document.info).to.include({ title: 'Orders', version: '2.3.0' });
      expect(document.servers).to.deep.equal([{ url: 'https://orders.example.com', description: 'production' }]);
    });

    it('marks every operation public with security: [] (redocly security-defined), and says the same-host server when given none (no-empty-servers)', () => {
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of ['get', 'head']) expect(at(item, method).security, `${method} ${path}`).to.deep.equal([]);
      }
      expect(openApiDocument({ checks: exampleChecks }).servers).to.deep.equal([{ url: '/', description: 'The host that serves this document.' }]);
      expect(openApiDocument({ checks: exampleChecks, servers: [] }).servers).to.have.length(1);
    });

    it('answers 200 in every format, 503 only in JSON, HTML and health+json, and documents 400 and 500', () => {
      const responses = at(document.paths, '/health', 'get', 'responses');
      expect(Object.keys(responses)).to.deep.equal(['200', '400', '500', '503']);
      expect(Object.keys(at(responses, '200', 'content'))).to.deep.equal([
        'text/html; charset=utf-8',
        'application/json',
        'application/health+json',
        'application/openmetrics-text; version=1.0.0; charset=utf-8',
        'text/plain; version=0.0.4; charset=utf-8',
      ]);
      expect(Object.keys(at(responses, '503', 'content'))).to.deep.equal(['text/html; charset=utf-8', 'application/json', 'application/health+json']);
      expect(Object.keys(at(responses, '400', 'content'))).to.deep.equal(['text/plain; charset=utf-8']);
      expect(at(document.paths, '/health', 'head', 'responses', '200')).to.not.have.property('content');
    });

    it("names the checks each route runs as the flat map's required properties", () => {
      const flatMap = (path: string): JsonSchema => (at(document.paths, path, 'get', 'responses', '200', 'content', 'application/json', 'schema').anyOf as JsonSchema[])[0] ?? {};
      expect(flatMap('/health').required).to.deep.equal(['DatabaseHealthCheck', 'CacheHealthCheck', 'EventLoopHealthCheck', 'DiskSpaceHealthCheck']);
      expect(flatMap('/health/live').required).to.deep.equal(['EventLoopHealthCheck']);
      expect(flatMap('/health/ready').required).to.deep.equal(['DatabaseHealthCheck', 'CacheHealthCheck', 'DiskSpaceHealthCheck']);
      expect(flatMap('/health/startup').required).to.deep.equal(['DatabaseHealthCheck', 'CacheHealthCheck', 'DiskSpaceHealthCheck']);
      expect(flatMap('/health').additionalProperties).to.equal(false);
      expect(at(flatMap('/health').properties, 'DiskSpaceHealthCheck').description).to.match(/Non-critical/);
    });

    it('lets readiness answer 503 with the shutdown pseudo-check, and no other route', () => {
      const alternatives = (path: string): unknown[] => at(document.paths, path, 'get', 'responses', '503', 'content', 'application/json', 'schema').anyOf as unknown[];
      expect(alternatives('/health/ready')).to.deep.include({ $ref: '#/components/schemas/PulsecheckShuttingDown' });
      expect(alternatives('/health')).to.not.deep.include({ $ref: '#/components/schemas/PulsecheckShuttingDown' });
    });

    it('redacts the secrets in check descriptions', () => {
      const text = JSON.stringify(document);
      expect(text).to.include('PostgreSQL at postgres://app:');
      expect(text).to.not.include('hunter2');
    });

    it('names every component Pulsecheck…, and every $ref resolves inside the document', () => {
      const names = [...Object.keys(document.components.schemas), ...Object.keys(document.components.parameters)];
      expect(names.filter((name) => !name.startsWith('Pulsecheck'))).to.deep.equal([]);
      const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
      expect(refs).to.not.have.length(0);
      for (const [, kind = '', name = ''] of refs) expect(at(document.components, kind), `${kind}/${name}`).to.have.property(name);
    });
  });

  describe('having a base path and routes of its own', () => {
    it('mounts every route under the base path, a trailing slash ignored', async () => {
      const document = openApiDocument({ checks: exampleChecks, basePath: '/api/', routes: { ...DEFAULT_HEALTH_ROUTES, '/health/db/': { names: ['DatabaseHealthCheck'] }, '/': {} } });
      expect(Object.keys(document.paths)).to.deep.equal(['/api/health', '/api/health/live', '/api/health/ready', '/api/health/startup', '/api/health/db', '/api']);
      expect(at(document.paths, '/api/health/db', 'get').summary).to.equal('Health of selected checks');
      expect(await validationErrors(document)).to.equal('');
    });
  });

  describe('having fragment: true', () => {
    it('returns only paths and components, which merge into a valid document of your own', async () => {
      const fragment = openApiDocument({ checks: exampleChecks, fragment: true });
      expect(Object.keys(fragment)).to.deep.equal(['paths', 'components']);
      const mine = {
        openapi: '3.1.0',
        info: { title: 'Orders API', version: '2.3.0' },
        paths: { '/orders': { get: { operationId: 'listOrders', responses: { '200': { description: 'The orders', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } } } }, ...fragment.paths },
        components: {
          schemas: { Order: { type: 'object', properties: { id: { type: 'string' } } }, ...fragment.components.schemas },
          parameters: { ...fragment.components.parameters },
        },
      };
      expect(await validationErrors(mine)).to.equal('');
    });
  });

  describe('having a HealthService', () => {
    it('takes the names from its definitions(), in registration order', () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'b-second-registered-first', () => undefined, { tags: ['live'] });
      checkClass(registry, 'a-registered-second', () => undefined);
      const document = openApiDocument({ service: serviceFor(registry) });
      const schema = at(document.paths, '/health', 'get', 'responses', '200', 'content', 'application/json', 'schema');
      expect(((schema.anyOf as JsonSchema[])[0] ?? {}).required).to.deep.equal(['b-second-registered-first', 'a-registered-second']);
    });

    it('selects the checks of each route exactly as HealthService.run does', async () => {
      const tag = fc.constantFrom('live', 'ready', 'startup', 'db');
      const definitions = fc.uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd', 'e'), tags: fc.uniqueArray(tag, { maxLength: 3 }) }), { selector: (check) => check.name, minLength: 1, maxLength: 5 });
      const route = fc.record({ probe: fc.option(fc.constantFrom('liveness', 'readiness', 'startup'), { nil: undefined }), tags: fc.option(fc.uniqueArray(tag, { minLength: 1, maxLength: 2 }), { nil: undefined }) });
      await fc.assert(
        fc.asyncProperty(definitions, route, async (checks, given) => {
          const registry = new HealthCheckRegistry();
          for (const check of checks) checkClass(registry, check.name, () => undefined, { tags: check.tags });
          const run = { ...(given.probe === undefined ? {} : { probe: given.probe }), ...(given.tags === undefined ? {} : { tags: given.tags }) };
          const service = serviceFor(registry);
          const report = await service.run(run);
          const document = openApiDocument({ service, routes: { '/x': run } });
          const schema = at(document.paths, '/x', 'get', 'responses', '200', 'content', 'application/json', 'schema');
          expect(((schema.anyOf as JsonSchema[])[0] ?? {}).required).to.deep.equal(report.checks.map((check) => check.name));
        }),
        { numRuns: numRuns(100) },
      );
    });
  });

  describe('when the options are malformed', () => {
    const cases: [string, unknown, RegExp, typeof TypeError | typeof RangeError][] = [
      ['no options', undefined, /^openApiDocument: give service \(a HealthService\) or checks/, TypeError],
      ['neither service nor checks', {}, /give service \(a HealthService\) or checks/, TypeError],
      ['both service and checks', { service: new HealthService([]), checks: [] }, /either service or checks, not both/, TypeError],
      ['an unknown option', { checks: [], basepath: '/api' }, /unknown option 'basepath'/, TypeError],
      ['a service that is not one', { service: {} }, /service must be a HealthService/, TypeError],
      ['checks that are not an array', { checks: 'db' }, /checks must be an array/, TypeError],
      ['a check without a name', { checks: [{ critical: true }] }, /checks\[0\]: name must be a non-empty string/, TypeError],
      ['two checks of one name', { checks: [{ name: 'db' }, { name: 'db' }] }, /checks\[1\]: two checks are named 'db'/, TypeError],
      ['a check timeout of 0', { checks: [{ name: 'db', timeoutMs: 0 }] }, /timeoutMs must be a positive finite number/, RangeError],
      ['a base path without a slash', { checks: [], basePath: 'api' }, /basePath must start with '\/'/, TypeError],
      ['a base path with a query', { checks: [], basePath: '/api?x=1' }, /basePath: a path cannot contain "\?"/, TypeError],
      ['a route with a template', { checks: [], routes: { '/health/{id}': {} } }, /route '\/health\/\{id\}': a path cannot contain "\{"/, TypeError],
      ['a route given twice', { checks: [], routes: { '/health': {}, '/health/': {} } }, /the path '\/health' is given twice/, TypeError],
      ['a route with an unknown probe', { checks: [], routes: { '/h': { probe: 'alive' } } }, /probe must be one of liveness, readiness, startup, got 'alive'/, RangeError],
      ['a route naming an unknown check (a RangeError, as healthEndpoints and run() throw)', { checks: [{ name: 'db' }], routes: { '/h': { names: ['cache'] } } }, /no check named 'cache' \(known: db\)/, RangeError],
      ['servers that are not an array', { checks: [], servers: 'https://x' }, /servers must be an array/, TypeError],
      ['a server without a url', { checks: [], servers: [{}] }, /servers\[0\]: url must be a non-empty string/, TypeError],
      ['an empty title', { checks: [], title: ' ' }, /title must be a non-empty string/, TypeError],
      ['a fragment flag that is not a boolean', { checks: [], fragment: 'yes' }, /fragment must be a boolean/, TypeError],
    ];
    for (const [what, options, message, kind] of cases) {
      it(`throws a ${kind.name} for ${what}`, () => {
        expect(() => openApiDocument(options as Parameters<typeof openApiDocument>[0])).to.throw(kind, message);
      });
    }
  });
});
