import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheckRegistry, healthEndpoints, openApiDocument, type HealthService, type JsonSchema, type RunOptions } from 'pulsecheck';
import { routeChecks } from '#lib/cli/verifyProbes/findProbeProblems.js';
import { routesOf } from '#lib/cli/verifyProbes/verifyProbes.js';
import { postmanCollection } from '#lib/openapi/postmanCollection.js';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { numRuns } from '../support/arbitraries.js';

/** What one consumer made of a route table: each path with the names of the checks it runs, or the error, without the function's name. */
type Outcome = { readonly paths: Readonly<Record<string, readonly string[]>> } | { readonly error: string; readonly kind: string };

type Loose = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): Loose => keys.reduce<Loose>((node, key) => (node[key] ?? {}) as Loose, value as Loose);

function refused(error: unknown, where: string): Outcome {
  if (!(error instanceof Error) || !error.message.startsWith(`${where}: `)) throw error;
  return { error: error.message.slice(where.length + 2), kind: error.name };
}

async function byHealthEndpoints(service: HealthService, routes: unknown): Promise<Outcome> {
  let endpoints;
  try {
    endpoints = healthEndpoints(service, { routes: routes as Record<string, RunOptions> });
  } catch (error) {
    return refused(error, 'healthEndpoints');
  }
  const paths: Record<string, string[]> = {};
  for (const path of endpoints.paths) {
    const response = await endpoints.handle({ method: 'GET', url: `${path}?format=json` });
    paths[path] = Object.keys(JSON.parse(response?.body ?? 'null') as object);
  }
  return { paths };
}

function byOpenApiDocument(service: HealthService, routes: unknown): Outcome {
  try {
    const document = openApiDocument({ service, routes: routes as Record<string, RunOptions> });
    return {
      paths: Object.fromEntries(
        Object.keys(document.paths).map((path) => [path, ((at(document.paths, path, 'get', 'responses', '200', 'content', 'application/json', 'schema').anyOf as JsonSchema[])[0]?.required ?? []) as string[]]),
      ),
    };
  } catch (error) {
    return refused(error, 'openApiDocument');
  }
}

function byPostmanCollection(service: HealthService, routes: unknown): Outcome {
  try {
    const collection = postmanCollection({ service, routes: routes as Record<string, RunOptions>, baseUrl: 'http://127.0.0.1' });
    // Every check of these specs is critical, so the collection's list of critical checks is the route's checks.
    return { paths: Object.fromEntries(collection.item.map((item) => [item.name.slice('GET '.length), JSON.parse(/^var critical = (.*);$/.exec(item.event[0].script.exec[0] ?? '')?.[1] ?? 'null') as string[]])) };
  } catch (error) {
    return refused(error, 'postmanCollection');
  }
}

function byVerifyProbes(service: HealthService, routes: unknown): Outcome {
  const definitions = service.definitions();
  let table;
  try {
    table = routesOf(routes, 'health.js', new Set(definitions.map((definition) => definition.name)));
  } catch (error) {
    // A CliError: verify-probes exits 2 with the message; the kind it would have had is not kept.
    return { ...(refused(error, "export 'routes' of health.js") as { error: string }), kind: 'any' };
  }
  const target = { definitions, routes: table, defaultTimeoutMs: 800 };
  return { paths: Object.fromEntries(Object.keys(table).map((path) => [path, (routeChecks(target, path) ?? []).map((definition) => definition.name)])) };
}

function serviceWith(checks: readonly { readonly name: string; readonly tags: readonly string[] }[]): HealthService {
  const registry = new HealthCheckRegistry();
  for (const check of checks) checkClass(registry, check.name, () => undefined, { tags: [...check.tags] });
  return serviceFor(registry, { latchStartup: false });
}

const names = ['a', 'b', 'c', 'd'];
const tag = fc.constantFrom('live', 'ready', 'startup', 'db');
const checks = fc.uniqueArray(fc.record({ name: fc.constantFrom(...names), tags: fc.uniqueArray(tag, { maxLength: 3 }) }), { selector: (check) => check.name, maxLength: 4 });
/** Mostly paths a table may have (some the same once normalised), one in ten one it may not. */
const path = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('/', '//', '/health', '/health/', '/health//', '/h', '/h/', '/ready', '/health/live') },
  { weight: 1, arbitrary: fc.constantFrom('health', '', '/a b', '/x?y=1', '/x#top', '/{id}', '/tab\there') },
);
/** Mostly a well-formed value, one in twelve a malformed one. */
const mostly = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]): fc.Arbitrary<unknown> => fc.oneof({ weight: 11, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
/** Run options naming checks among `known` (a name no check has is a malformed value). */
const wellFormedOrNot = (known: readonly string[]): fc.Arbitrary<Partial<Record<string, unknown>>> => fc.record(
  {
    probe: mostly(fc.constantFrom('liveness', 'readiness', 'startup'), 'alive', 3),
    tags: mostly(fc.uniqueArray(tag, { minLength: 1, maxLength: 2 }), 'db', [''], [1]),
    names: known.length === 0 ? fc.constantFrom<unknown>(['zz'], 'a', ['']) : mostly(fc.uniqueArray(fc.constantFrom(...known), { minLength: 1, maxLength: 2 }), ['zz'], 'a', ['']),
    fresh: mostly(fc.boolean(), 'yes'),
    history: mostly(fc.boolean(), 1),
  },
  { requiredKeys: [] },
);
const runOptions = (known: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    // One in twenty with a misspelt key.
    { weight: 15, arbitrary: fc.tuple(wellFormedOrNot(known), fc.integer({ min: 0, max: 19 })).map(([options, dice]): unknown => (dice === 0 ? { ...options, probes: 'readiness' } : options)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'readiness', [], 7) },
  );
/** The service's checks, and a route table over their names. */
const serviceAndRoutes = checks.chain((given) =>
  fc.tuple(
    fc.constant(given),
    fc.oneof(
      { weight: 12, arbitrary: fc.array(fc.tuple(path, runOptions(given.map((check) => check.name))), { maxLength: 4 }).map((entries) => Object.fromEntries(entries) as unknown) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, [], 'routes', 5) },
    ),
  ),
);

describe('the route rules of healthEndpoints, openApiDocument, postmanCollection and verify-probes', () => {
  it('accept a route table that healthEndpoints accepts: history, as run() takes it (openApiDocument refused it)', () => {
    const service = serviceWith([{ name: 'db', tags: ['ready'] }]);
    const routes = { '/health': { history: false }, '/health/ready': { probe: 'readiness', history: true } } satisfies Record<string, RunOptions>;
    expect(() => healthEndpoints(service, { routes })).to.not.throw();
    expect(Object.keys(openApiDocument({ service, routes }).paths)).to.deep.equal(['/health', '/health/ready']);
    expect(postmanCollection({ service, routes, baseUrl: 'http://127.0.0.1' }).item.map((item) => item.name)).to.deep.equal(['GET /health', 'GET /health/ready']);
    expect(Object.keys(routesOf(routes, 'health.js', new Set(['db'])))).to.deep.equal(['/health', '/health/ready']);
  });

  it('refuse a path a request could never reach, all four with the same message', () => {
    const service = serviceWith([]);
    const message = "route '/x?y=1': a path cannot contain \"?\" (no query, fragment, template braces, whitespace or control characters)";
    expect(() => healthEndpoints(service, { routes: { '/x?y=1': {} } })).to.throw(TypeError, `healthEndpoints: ${message}`);
    expect(() => openApiDocument({ service, routes: { '/x?y=1': {} } })).to.throw(TypeError, `openApiDocument: ${message}`);
    expect(() => postmanCollection({ service, routes: { '/x?y=1': {} }, baseUrl: 'http://127.0.0.1' })).to.throw(TypeError, `postmanCollection: ${message}`);
    expect(() => routesOf({ '/x?y=1': {} }, 'health.js', new Set())).to.throw(`export 'routes' of health.js: ${message}`);
  });

  it('accept the same route tables, refuse the others with the same error, and give each route the same paths and checks', async () => {
    const runs = numRuns(150);
    let acceptedWithRoutes = 0;
    await fc.assert(
      fc.asyncProperty(serviceAndRoutes, async ([given, routes]) => {
        const service = serviceWith(given);
        const served = await byHealthEndpoints(service, routes);
        if ('paths' in served && Object.keys(served.paths).length > 0) acceptedWithRoutes += 1;
        const { kind, ...shared } = served as { kind?: string };
        expect(byOpenApiDocument(service, routes), 'openApiDocument').to.deep.equal(served);
        expect(byPostmanCollection(service, routes), 'postmanCollection').to.deep.equal(served);
        expect(byVerifyProbes(service, routes), 'verify-probes').to.deep.equal(kind === undefined ? served : { ...shared, kind: 'any' });
      }),
      { numRuns: runs },
    );
    // The property says something of accepted tables only if it met enough of them (about one run in six is one).
    expect(acceptedWithRoutes, 'route tables accepted, with at least one route').to.be.at.least(Math.ceil(runs / 20));
  });
});
