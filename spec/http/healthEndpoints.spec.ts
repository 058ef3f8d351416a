import { expect } from 'chai';
import { DEFAULT_HEALTH_ROUTES, healthEndpoints, type HealthEndpointsOptions, type HealthRequest, type HealthService } from 'pulsecheck';
import { DETAIL_LEVELS } from '#lib/render/DetailLevel.js';
import { expectPlainHeaders } from './expectPlainHeaders.js';
import { browserAccept, makeHealth, type Switches } from './fixtures.js';
import { warningsDuring } from '../support/warningsDuring.js';

const json = { accept: 'application/json' };

describe('healthEndpoints', () => {
  let health: HealthService;
  let switches: Switches;

  beforeEach(() => {
    ({ health, switches } = makeHealth());
  });

  describe('having the default routes', () => {
    it('owns /health and the three probe paths', () => {
      expect(healthEndpoints(health).paths).to.deep.equal(['/health', '/health/live', '/health/ready', '/health/startup']);
    });

    it('declines paths it does not own', async () => {
      const endpoints = healthEndpoints(health);
      for (const url of ['/', '/healthz', '/health/lively', '/api/health', '/HEALTH', '']) {
        expect(await endpoints.handle({ url, headers: json }), url).to.equal(undefined);
      }
      expect(switches.databaseRuns).to.equal(0);
    });

    it('answers GET /health with every check, 200 and no-store', async () => {
      const response = await healthEndpoints(health).handle({ method: 'GET', url: '/health', headers: json });
      expect(response?.statusCode).to.equal(200);
      expect(response?.headers['Content-Type']).to.match(/^application\/json/);
      expect(response?.headers['Cache-Control']).to.equal('no-store');
      expect(JSON.parse(response?.body ?? '')).to.deep.equal({ Process: 'working', Database: 'working', Cache: 'working' });
    });

    it('answers 503 with the error message when a critical check fails', async () => {
      switches.databaseDown = true;
      const response = await healthEndpoints(health).handle({ url: '/health', headers: json });
      expect(response?.statusCode).to.equal(503);
      expect(JSON.parse(response?.body ?? '')).to.have.property('Database', 'unavailable: connect ECONNREFUSED 10.0.0.7:5432');
    });

    it('runs only the live checks on /health/live and the readiness checks on /health/ready', async () => {
      switches.databaseDown = true;
      const endpoints = healthEndpoints(health);
      const live = await endpoints.handle({ url: '/health/live', headers: json });
      expect(live?.statusCode).to.equal(200);
      expect(JSON.parse(live?.body ?? '')).to.deep.equal({ Process: 'working' });
      const ready = await endpoints.handle({ url: '/health/ready', headers: json });
      expect(ready?.statusCode).to.equal(503);
      expect(Object.keys(JSON.parse(ready?.body ?? '') as object)).to.deep.equal(['Database', 'Cache']);
      const startup = await endpoints.handle({ url: '/health/startup', headers: json });
      expect(startup?.statusCode).to.equal(503);
    });

    it('fails readiness but not liveness after beginShutdown()', async () => {
      const endpoints = healthEndpoints(health);
      health.beginShutdown();
      const ready = await endpoints.handle({ url: '/health/ready', headers: json });
      expect(ready?.statusCode).to.equal(503);
      expect(JSON.parse(ready?.body ?? '')).to.deep.equal({ shutdown: 'unavailable: shutting down' });
      expect((await endpoints.handle({ url: '/health/live', headers: json }))?.statusCode).to.equal(200);
    });
  });

  describe('when reading the request', () => {
    it('ignores a trailing slash, a query string and a fragment, and accepts an absolute URL', async () => {
      const endpoints = healthEndpoints(health);
      for (const url of ['/health/ready/', '/health/ready?x=1', '/health/ready#top', 'http://pod:8080/health/ready?x=1', 'https://example.com/health/ready/']) {
        const response = await endpoints.handle({ url, headers: json });
        expect(response?.statusCode, url).to.equal(200);
        expect(Object.keys(JSON.parse(response?.body ?? '') as object), url).to.deep.equal(['Database', 'Cache']);
      }
    });

    it('lets ?format= beat the Accept header', async () => {
      const endpoints = healthEndpoints(health);
      const html = await endpoints.handle({ url: '/health?format=html', headers: json });
      expect(html?.headers['Content-Type']).to.match(/^text\/html/);
      const asJson = await endpoints.handle({ url: '/health?format=json', headers: { accept: browserAccept } });
      expect(asJson?.headers['Content-Type']).to.match(/^application\/json/);
    });

    it('negotiates from Accept, given as a string, an array, or under another casing', async () => {
      const endpoints = healthEndpoints(health);
      const headerSets: HealthRequest['headers'][] = [{ accept: browserAccept }, { accept: ['text/html', 'application/xhtml+xml'] }, { Accept: browserAccept }];
      for (const headers of headerSets) {
        const response = await endpoints.handle({ url: '/health', headers });
        expect(response?.headers['Content-Type'], JSON.stringify(headers)).to.match(/^text\/html/);
      }
      const none = await endpoints.handle({ url: '/health' });
      expect(none?.statusCode).to.equal(200);
      expect(JSON.parse(none?.body ?? '')).to.have.property('Database', 'working');
    });

    it('answers JSON to a request that sends Content-Type: application/json and Accept */*', async () => {
      const response = await healthEndpoints(health).handle({ url: '/health', headers: { accept: '*/*', 'content-type': 'application/json' } });
      expect(response?.headers['Content-Type']).to.match(/^application\/json/);
    });

    it('answers HEAD (in any case) with the status and headers of GET and an empty body', async () => {
      switches.databaseDown = true;
      const endpoints = healthEndpoints(health);
      const asGet = await endpoints.handle({ method: 'GET', url: '/health', headers: json });
      for (const method of ['HEAD', 'head']) {
        const asHead = await endpoints.handle({ method, url: '/health', headers: json });
        expect(asHead?.statusCode).to.equal(503);
        expect(asHead?.headers).to.deep.equal(asGet?.headers);
        expect(asHead?.body).to.equal('');
      }
    });

    it('answers 405 with Allow: GET, HEAD for other methods, without running checks', async () => {
      const endpoints = healthEndpoints(health);
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'patch']) {
        const response = await endpoints.handle({ method, url: '/health', headers: json });
        expect(response?.statusCode, method).to.equal(405);
        expect(response?.headers.Allow).to.equal('GET, HEAD');
        expect(response?.headers['Cache-Control']).to.equal('no-store');
        expect(Object.keys(response?.headers ?? {})).to.deep.equal(['Content-Type', 'Cache-Control', 'Allow', 'Content-Length']);
        expectPlainHeaders(response?.headers ?? {});
        expect(response?.body).to.include(method.toUpperCase());
      }
      expect(switches.databaseRuns).to.equal(0);
    });

    it('answers an unknown ?format= with a 400 that lists the formats, without running checks', async () => {
      const endpoints = healthEndpoints(health, {
        detail: () => {
          throw new Error('detail() must not be asked for a 400');
        },
      });
      for (const method of ['GET', 'HEAD']) {
        const response = await endpoints.handle({ method, url: '/health?format=xml', headers: json });
        expect(response?.statusCode, method).to.equal(400);
        expect(response?.headers['Content-Type']).to.equal('text/plain; charset=utf-8');
        expect(response?.body).to.equal(method === 'HEAD' ? '' : 'unknown format; use one of: html, json, health+json, openmetrics, prometheus (health+json may also be written healthjson)\n');
        expectPlainHeaders(response?.headers ?? {});
      }
      expect(switches.databaseRuns).to.equal(0);
      const empty = await healthEndpoints(health).handle({ url: '/health?format=', headers: json });
      expect(empty?.statusCode).to.equal(200);
    });

    it('answers every status (200, 503, 400, 405, 500) with headers of one plain shape', async () => {
      const endpoints = healthEndpoints(health);
      const failing = healthEndpoints({ run: () => Promise.reject(new Error('boom')) } as unknown as HealthService, { onError: () => undefined });
      const responses = [
        await endpoints.handle({ url: '/health', headers: json }),
        await endpoints.handle({ url: '/health?format=xml' }),
        await endpoints.handle({ method: 'POST', url: '/health' }),
        await failing.handle({ url: '/health' }),
      ];
      switches.databaseDown = true;
      responses.push(await endpoints.handle({ url: '/health', headers: { accept: browserAccept } }));
      expect(responses.map((response) => response?.statusCode)).to.deep.equal([200, 400, 405, 500, 503]);
      for (const response of responses) expectPlainHeaders(response?.headers ?? {});
    });

    it('declines a request without a string url instead of throwing', async () => {
      const endpoints = healthEndpoints(health);
      expect(await endpoints.handle({ url: undefined } as unknown as HealthRequest)).to.equal(undefined);
      expect(await endpoints.handle(null as unknown as HealthRequest)).to.equal(undefined);
    });
  });

  describe('having custom routes', () => {
    it('serves exactly the given paths, each with its run options', async () => {
      const endpoints = healthEndpoints(health, {
        routes: { '/livez': { probe: 'liveness' }, '/readyz/': { probe: 'readiness' }, '/checks/db': { names: ['Database'] } },
      });
      expect(endpoints.paths).to.deep.equal(['/livez', '/readyz', '/checks/db']);
      expect(await endpoints.handle({ url: '/health', headers: json })).to.equal(undefined);
      expect(JSON.parse((await endpoints.handle({ url: '/livez', headers: json }))?.body ?? '')).to.deep.equal({ Process: 'working' });
      expect(JSON.parse((await endpoints.handle({ url: '/checks/db', headers: json }))?.body ?? '')).to.deep.equal({ Database: 'working' });
    });

    it('can extend DEFAULT_HEALTH_ROUTES', () => {
      const endpoints = healthEndpoints(health, { routes: { ...DEFAULT_HEALTH_ROUTES, '/healthz': {} } });
      expect(endpoints.paths).to.include.members(['/health', '/health/ready', '/healthz']);
    });
  });

  describe('having a detail option', () => {
    it('shows state words without messages at the status level', async () => {
      switches.databaseDown = true;
      const response = await healthEndpoints(health, { detail: 'status' }).handle({ url: '/health', headers: json });
      expect(response?.statusCode).to.equal(503);
      expect(JSON.parse(response?.body ?? '')).to.deep.equal({ Process: 'working', Database: 'unavailable', Cache: 'working' });
      expect(response?.body).not.to.include('ECONNREFUSED');
    });

    it('asks the detail function for each request, with that request', async () => {
      switches.databaseDown = true;
      const seen: HealthRequest[] = [];
      const endpoints = healthEndpoints(health, {
        detail: async (request) => {
          seen.push(request);
          await Promise.resolve();
          return request.headers?.authorization === 'Bearer ok' ? 'full' : 'status';
        },
      });
      const trusted = { url: '/health', headers: { ...json, authorization: 'Bearer ok' } };
      expect((await endpoints.handle(trusted))?.body).to.include('ECONNREFUSED');
      expect((await endpoints.handle({ url: '/health', headers: json }))?.body).not.to.include('ECONNREFUSED');
      expect(seen[0]).to.equal(trusted);
      expect(seen).to.have.length(2);
    });

    it('fails closed to the summary level, and reports the error, when the function throws, rejects or returns nonsense', async () => {
      switches.databaseDown = true;
      const broken: NonNullable<HealthEndpointsOptions['detail']>[] = [
        () => {
          throw new Error('token store down');
        },
        () => Promise.reject(new Error('token store down')),
        () => 'everything' as 'full',
      ];
      for (const detail of broken) {
        const errors: unknown[] = [];
        const response = await healthEndpoints(health, { detail, onError: (error) => errors.push(error) }).handle({ url: '/health', headers: json });
        expect(response?.statusCode).to.equal(503);
        expect(JSON.parse(response?.body ?? '')).to.deep.equal({ status: 'fail' });
        expect(errors).to.have.length(1);
        expect(String(errors[0])).to.match(/token store down|returned 'everything'/);
      }
    });

    it('names what the function returned and every level it may return, from the one list of levels, when it returns no level', async () => {
      const errors: unknown[] = [];
      const endpoints = healthEndpoints(health, { detail: () => 'everything' as 'full', onError: (error) => errors.push(error) });
      await endpoints.handle({ url: '/health', headers: json });
      expect(errors.map(String)).to.deep.equal([
        `TypeError: healthEndpoints: detail() returned 'everything'; expected one of ${DETAIL_LEVELS.map((level) => `'${level}'`).join(', ')} (answering with 'summary')`,
      ]);
    });

    it('answers the summary, and reports the limit, when the function never settles', async () => {
      switches.databaseDown = true;
      const errors: unknown[] = [];
      const endpoints = healthEndpoints(health, {
        detail: () => new Promise<'full'>(() => undefined),
        detailTimeoutMs: 30,
        onError: (error) => errors.push(error),
      });
      const response = await endpoints.handle({ url: '/health', headers: json });
      expect(response?.statusCode).to.equal(503);
      expect(JSON.parse(response?.body ?? '')).to.deep.equal({ status: 'fail' });
      expect(errors.map(String)).to.deep.equal([`Error: healthEndpoints: detail() did not settle within 30 ms (answering with 'summary')`]);
    });

    it('keeps the level of a function that settles within the limit, however long the run takes', async () => {
      switches.databaseDown = true;
      const order: string[] = [];
      const endpoints = healthEndpoints(health, {
        detail: async (): Promise<'full'> => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push('detail');
          return 'full';
        },
        detailTimeoutMs: 10_000,
        onError: (error) => order.push(`error ${String(error)}`),
      });
      const response = await endpoints.handle({ url: '/health', headers: json });
      expect(response?.body).to.include('ECONNREFUSED');
      expect(order).to.deep.equal(['detail']);
    });

    it('asks the function while the checks run, not before them', async () => {
      let release: (() => void) | undefined;
      const endpoints = healthEndpoints(health, {
        detail: () => {
          return new Promise<'status'>((resolve) => {
            release = () => { resolve('status'); };
          });
        },
      });
      const pending = endpoints.handle({ url: '/health', headers: json });
      await new Promise((resolve) => setImmediate(resolve));
      // The run started although the level is not known yet.
      expect(switches.databaseRuns).to.equal(1);
      release?.();
      expect((await pending)?.statusCode).to.equal(200);
    });

    describe('when the function throws or returns a hostile value', () => {
      /** A Proxy that throws on every trap, so that even `instanceof`, `String()` or reading `then` throws. */
      const hostile = (): object =>
        new Proxy(
          {},
          Object.fromEntries(
            ['get', 'has', 'set', 'getPrototypeOf', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf', 'apply', 'construct'].map((trap) => [
              trap,
              () => {
                throw new Error(`trap ${trap}`);
              },
            ]),
          ),
        );
      const cases: [string, NonNullable<HealthEndpointsOptions['detail']>][] = [
        ['throws an object without prototype', () => {
          throw Object.create(null) as Error;
        }],
        ['rejects with an object without prototype', () => Promise.reject(Object.create(null) as Error)],
        ['throws a Proxy that throws on every trap', () => {
          throw hostile() as Error;
        }],
        ['returns a Proxy that throws on every trap', () => hostile() as unknown as 'full'],
        ['returns a thenable whose then throws', () => ({ then: () => {
          throw Object.create(null) as Error;
        } }) as unknown as Promise<'full'>],
        ['returns a thenable that rejects with a Proxy', () => ({ then: (_resolve: unknown, reject: (reason: unknown) => void) => {
          reject(hostile());
        } }) as unknown as Promise<'full'>],
        ['returns an object without prototype', () => Object.create(null) as 'full'],
        ['returns a symbol', () => Symbol('full') as unknown as 'full'],
      ];

      /** Runs `act` with process warnings captured instead of printed, and unhandled rejections recorded. */
      const capturing = async (act: () => Promise<void>): Promise<{ warnings: string[]; unhandled: unknown[] }> => {
        const warnings: string[] = [];
        const unhandled: unknown[] = [];
        const onWarning = (warning: Error): void => {
          warnings.push(warning.message);
        };
        const onUnhandled = (reason: unknown): void => {
          unhandled.push(reason);
        };
        const printers = process.listeners('warning');
        process.removeAllListeners('warning');
        process.on('warning', onWarning);
        process.on('unhandledRejection', onUnhandled);
        try {
          await act();
          await new Promise((resolve) => setImmediate(resolve));
          await new Promise((resolve) => setImmediate(resolve));
        } finally {
          process.off('warning', onWarning);
          process.off('unhandledRejection', onUnhandled);
          for (const printer of printers) process.on('warning', printer);
        }
        return { warnings, unhandled };
      };

      for (const [what, detail] of cases) {
        it(`answers the summary with the report's status code, never 500, when it ${what}`, async () => {
          switches.databaseDown = true;
          const errors: unknown[] = [];
          const { unhandled } = await capturing(async () => {
            const response = await healthEndpoints(health, { detail, onError: (error) => errors.push(error) }).handle({ url: '/health', headers: json });
            expect(response?.statusCode).to.equal(503);
            expect(JSON.parse(response?.body ?? '')).to.deep.equal({ status: 'fail' });
            switches.databaseDown = false;
            const passing = await healthEndpoints(health, { detail, onError: (error) => errors.push(error) }).handle({ url: '/health', headers: json });
            expect(passing?.statusCode).to.equal(200);
            expect(JSON.parse(passing?.body ?? '')).to.deep.equal({ status: 'pass' });
          });
          expect(errors).to.have.length(2);
          expect(unhandled).to.deep.equal([]);
        });

        it(`answers the summary, and emits a warning, when it ${what} and there is no onError, or onError throws it too`, async () => {
          switches.databaseDown = true;
          let thrown: unknown;
          const { warnings, unhandled } = await capturing(async () => {
            const onErrors: (((error: unknown) => void) | undefined)[] = [
              undefined,
              (error: unknown) => {
                thrown = error;
                throw error as Error;
              },
              () => {
                throw hostile() as Error;
              },
              // An async hook that rejects: onError is typed to return nothing, but nothing stops it.
              // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a hostile reason is the point
              () => Promise.reject(hostile()),
            ];
            for (const onError of onErrors) {
              const response = await healthEndpoints(health, onError === undefined ? { detail } : { detail, onError }).handle({ url: '/health', headers: json });
              expect(response?.statusCode).to.equal(503);
              expect(JSON.parse(response?.body ?? '')).to.deep.equal({ status: 'fail' });
            }
          });
          expect(thrown).not.to.equal(undefined);
          expect(warnings).to.have.length(4);
          for (const warning of warnings) expect(warning).to.match(/^pulsecheck: health endpoint error: /);
          expect(unhandled).to.deep.equal([]);
        });
      }
    });

    it('passes refreshSeconds to the HTML page', async () => {
      const response = await healthEndpoints(health, { refreshSeconds: 15 }).handle({ url: '/health', headers: { accept: browserAccept } });
      expect(response?.body).to.match(/<meta[^>]+http-equiv="refresh"[^>]+content="15/i);
    });
  });

  describe('when the service itself fails', () => {
    it('answers 500 and reports the error instead of rejecting', async () => {
      const failing = { run: () => Promise.reject(new Error('boom')) } as unknown as HealthService;
      const errors: unknown[] = [];
      const endpoints = healthEndpoints(failing, { onError: (error) => errors.push(error) });
      const response = await endpoints.handle({ url: '/health', headers: json });
      expect(response?.statusCode).to.equal(500);
      expect(response?.headers['Cache-Control']).to.equal('no-store');
      expect(response?.body).not.to.include('boom');
      expect(errors.map(String)).to.deep.equal(['Error: boom']);
      const head = await endpoints.handle({ method: 'HEAD', url: '/health', headers: json });
      expect(head?.statusCode).to.equal(500);
      expect(head?.body).to.equal('');
    });

    it('emits a process warning when there is no onError, or onError throws', async () => {
      const failing = { run: () => Promise.reject(new Error('boom')) } as unknown as HealthService;
      const warnings = await warningsDuring(async () => {
        await healthEndpoints(failing).handle({ url: '/health' });
        await healthEndpoints(failing, {
          onError: () => {
            throw new Error('hook broke');
          },
        }).handle({ url: '/health' });
      });
      expect(warnings.map((warning) => warning.message)).to.deep.equal(['pulsecheck: health endpoint error: boom', 'pulsecheck: health endpoint error: hook broke']);
    });
  });

  describe('having bad arguments', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['a service that is not one', () => healthEndpoints({} as unknown as HealthService), /^healthEndpoints: service must be a HealthService/],
      ['an unknown option', () => healthEndpoints(health, { route: {} } as HealthEndpointsOptions), /unknown option 'route'/],
      ['a path without a leading slash', () => healthEndpoints(health, { routes: { health: {} } }), /route 'health': a path must start with '\/'/],
      ['the same path twice', () => healthEndpoints(health, { routes: { '/h': {}, '/h/': {} } }), /the path '\/h' is given twice/],
      ['a route that is not run options', () => healthEndpoints(health, { routes: { '/h': 'readiness' as never } }), /^healthEndpoints: route '\/h': options must be an object, got 'readiness'$/],
      ['an unknown route key', () => healthEndpoints(health, { routes: { '/h': { probes: 'x' } as never } }), /route '\/h': unknown option 'probes'/],
      ['an unknown probe', () => healthEndpoints(health, { routes: { '/h': { probe: 'alive' as never } } }), /probe must be one of liveness, readiness, startup, got 'alive'/],
      ['an unknown check name', () => healthEndpoints(health, { routes: { '/h': { names: ['Db'] } } }), /no check named 'Db' \(known: Process, Database, Cache\)/],
      ['malformed tags', () => healthEndpoints(health, { routes: { '/h': { tags: 'db' as never } } }), /tags must be an array of non-empty strings/],
      ['an unknown detail level', () => healthEndpoints(health, { detail: 'all' as never }), /detail must be one of 'full', 'status', 'summary' or a function, got 'all'/],
      ['a non-positive refreshSeconds', () => healthEndpoints(health, { refreshSeconds: 0 }), /healthEndpoints: refreshSeconds must be a positive integer number of seconds, got 0/],
      ['a fractional refreshSeconds', () => healthEndpoints(health, { refreshSeconds: 2.5 }), /healthEndpoints: refreshSeconds must be a positive integer number of seconds, got 2.5/],
      ['a zero detailTimeoutMs', () => healthEndpoints(health, { detailTimeoutMs: 0 }), /healthEndpoints: detailTimeoutMs must be a positive finite number of milliseconds, got 0/],
      ['a detailTimeoutMs no timer can hold', () => healthEndpoints(health, { detailTimeoutMs: 2 ** 31 }), /healthEndpoints: detailTimeoutMs/],
      ['an onError that is not a function', () => healthEndpoints(health, { onError: 'log' as never }), /onError must be a function/],
    ];
    for (const [what, call, message] of cases) {
      it(`throws for ${what}`, () => {
        expect(call).to.throw(message);
      });
    }

    it('throws a RangeError for an unknown probe and TypeErrors otherwise', () => {
      expect(() => healthEndpoints(health, { routes: { '/h': { probe: 'alive' as never } } })).to.throw(RangeError);
      expect(() => healthEndpoints(health, { routes: { health: {} } })).to.throw(TypeError);
    });
  });
});
