import 'reflect-metadata';
import { expect } from 'chai';
import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { inject } from 'inversify';
import { HealthCheck, HealthService } from 'pulsecheck';
import { PulsecheckModule, type PulsecheckModuleFactoryOptions } from 'pulsecheck/nest';
import { activeResources, settleResources } from '../support/activeResources.js';
import { browserAccept } from '../http/fixtures.js';
import { CacheHealthCheck, createApp, DatabaseHealthCheck, initApp, listen, PLATFORMS, ProcessHealthCheck, registry, rootModule, Switches, type StartedNestApp } from './nestFixtures.js';

/** A user's own provider, injected with HealthService. */
@Injectable()
class OrdersService {
  constructor(readonly health: HealthService) {}
}

@Controller()
class HomeController {
  @Get()
  home(): { service: string } {
    return { service: 'orders' };
  }
}

describe('PulsecheckModule', function () {
  this.timeout(20_000);

  for (const platform of PLATFORMS) {
    describe(`in a real Nest application on the ${platform} platform`, () => {
      let started: StartedNestApp;
      let switches: Switches;

      const get = (path: string, init: { method?: string; accept?: string } = {}): Promise<Response> =>
        fetch(`${started.url}${path}`, { method: init.method ?? 'GET', headers: init.accept === undefined ? {} : { accept: init.accept } });

      before(async () => {
        const module = rootModule([PulsecheckModule.forRoot({ registry })], [OrdersService]);
        module.controllers = [HomeController];
        started = await listen(await createApp(module, platform));
        switches = started.app.get(Switches);
      });

      after(async () => {
        await started.close();
      });

      beforeEach(() => {
        switches.databaseDown = false;
        switches.cacheSlow = false;
      });

      it('answers GET /health with the JSON map of every check, each built with its dependency from Nest', async () => {
        const response = await get('/health', { accept: 'application/json' });
        expect(response.status).to.equal(200);
        expect(response.headers.get('content-type')).to.match(/^application\/json/);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(await response.json()).to.deep.equal({ Process: 'working', Database: 'working', Cache: 'working' });
      });

      it("reads the Nest provider's state at every run: a check fails when its dependency says so", async () => {
        switches.databaseDown = true;
        const response = await get('/health', { accept: 'application/json' });
        expect(response.status).to.equal(503);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(((await response.json()) as Record<string, string>).Database).to.equal('unavailable: connect ECONNREFUSED 10.0.0.7:5432');
      });

      it('stays 200 when only a non-critical check warns', async () => {
        switches.cacheSlow = true;
        const response = await get('/health', { accept: 'application/json' });
        expect(response.status).to.equal(200);
        expect(((await response.json()) as Record<string, string>).Cache).to.equal('warning: p99 latency 250 ms');
      });

      it('answers a browser with an HTML page, and lets ?format= choose over Accept', async () => {
        const page = await get('/health', { accept: browserAccept });
        expect(page.headers.get('content-type')).to.match(/^text\/html/);
        expect(await page.text()).to.match(/<html[\s\S]*Database/i);
        const json = await get('/health?format=json', { accept: browserAccept });
        expect(json.headers.get('content-type')).to.match(/^application\/json/);
        expect(json.headers.get('vary')).to.equal(null);
        expect(await json.json()).to.have.property('Database', 'working');
      });

      it('answers an unknown ?format= with a 400 that lists the formats', async () => {
        const response = await get('/health/ready?format=xml');
        expect(response.status).to.equal(400);
        expect(await response.text()).to.include('html, json, health+json, openmetrics, prometheus');
      });

      it('serves each probe on its own path', async () => {
        switches.databaseDown = true;
        const live = await get('/health/live', { accept: 'application/json' });
        expect(live.status).to.equal(200);
        expect(await live.json()).to.deep.equal({ Process: 'working' });
        const ready = await get('/health/ready', { accept: 'application/json' });
        expect(ready.status).to.equal(503);
        expect(Object.keys((await ready.json()) as object)).to.deep.equal(['Database', 'Cache']);
        switches.databaseDown = false;
        const startup = await get('/health/startup', { accept: 'application/json' });
        expect(startup.status).to.equal(200);
        expect(await startup.json()).to.deep.equal({ Database: 'working', Cache: 'working' });
      });

      it('answers HEAD on every path with the status and headers of GET and an empty body', async () => {
        for (const path of ['/health', '/health/live', '/health/ready', '/health/startup']) {
          for (const down of [false, true]) {
            switches.databaseDown = down;
            const asGet = await get(path, { accept: 'application/json' });
            const body = await asGet.text();
            const asHead = await get(path, { method: 'HEAD', accept: 'application/json' });
            expect(asHead.status, `${path}, database down: ${down}`).to.equal(asGet.status);
            expect(asHead.headers.get('content-type')).to.equal(asGet.headers.get('content-type'));
            expect(asHead.headers.get('cache-control')).to.equal('no-store');
            expect(asHead.headers.get('content-length')).to.equal(String(Buffer.byteLength(body)));
            expect(await asHead.text()).to.equal('');
          }
        }
      });

      it('answers 405 with Allow: GET, HEAD for other methods, running no check', async () => {
        const runsBefore = switches.databaseRuns;
        for (const method of ['POST', 'PUT', 'DELETE']) {
          const response = await get('/health/ready', { method });
          expect(response.status, method).to.equal(405);
          expect(response.headers.get('allow')).to.equal('GET, HEAD');
          expect(response.headers.get('cache-control')).to.equal('no-store');
          await response.text();
        }
        expect(switches.databaseRuns).to.equal(runsBefore);
      });

      it('serves a path with a trailing slash and a query string', async () => {
        const response = await get('/health/ready/?verbose=1', { accept: 'application/json' });
        expect(response.status).to.equal(200);
        expect(await response.json()).to.deep.equal({ Database: 'working', Cache: 'working' });
      });

      it("leaves other paths to the application's own controllers and 404s", async () => {
        const home = await get('/', { accept: 'application/json' });
        expect(await home.json()).to.deep.equal({ service: 'orders' });
        const missing = await get('/health/nowhere');
        expect(missing.status).to.equal(404);
        await missing.text();
      });

      it('provides HealthService to any Nest provider: the very service the routes run', async () => {
        const health = started.app.get(OrdersService).health;
        expect(health).to.be.instanceOf(HealthService);
        expect(health).to.equal(started.app.get(HealthService));
        expect((await health.run()).checks.map((check) => check.name)).to.deep.equal(['Process', 'Database', 'Cache']);
      });
    });

    describe(`on shutdown, on the ${platform} platform`, () => {
      it('turns readiness 503 while the server still answers, for drainDelayMs, keeping liveness 200; then closes', async () => {
        const started = await listen(await createApp(rootModule([PulsecheckModule.forRoot({ registry, drainDelayMs: 400 })]), platform));
        const ready = await fetch(`${started.url}/health/ready`, { headers: { accept: 'application/json' } });
        expect(ready.status).to.equal(200);
        await ready.text();
        // After fetch has set up what it keeps (its timers); the server's own handles are counted here and must go.
        const before = activeResources();

        const closing = started.close();
        const t0 = performance.now();
        const draining = await fetch(`${started.url}/health/ready`, { headers: { accept: 'application/json' } });
        expect(draining.status).to.equal(503);
        expect(await draining.json()).to.deep.equal({ shutdown: 'unavailable: shutting down' });
        const live = await fetch(`${started.url}/health/live`, { headers: { accept: 'application/json' } });
        expect(live.status).to.equal(200);
        await live.text();
        await closing;
        expect(performance.now() - t0, 'the drain delay elapsed before close() settled').to.be.at.least(300);
        const refused = await fetch(`${started.url}/health/ready`).then(
          () => 'answered',
          () => 'refused',
        );
        expect(refused).to.equal('refused');
        expect(await settleResources(before, 3000)).to.deep.equal({});
      });

      it('stops background mode when the application closes', async () => {
        const started = await listen(await createApp(rootModule([PulsecheckModule.forRoot({ registry, background: { intervalMs: 50 } })]), platform));
        const health = started.app.get(HealthService);
        expect(health.running, 'started once the application bootstrapped').to.equal(true);
        const report = await health.run();
        expect(report.checks.every((check) => check.cached === true)).to.equal(true);
        await started.close();
        expect(health.running).to.equal(false);
        expect(health.shuttingDown).to.equal(true);
      });
    });
  }

  describe('forRoot(options)', () => {
    it('serves the routes under `path`, after Nest\'s global prefix', async () => {
      const app = await createApp(rootModule([PulsecheckModule.forRoot({ registry, path: '/ops/health' })]), 'express');
      app.setGlobalPrefix('api');
      const started = await listen(app);
      try {
        const ready = await fetch(`${started.url}/api/ops/health/ready`, { headers: { accept: 'application/json' } });
        expect(ready.status).to.equal(200);
        expect(await ready.json()).to.deep.equal({ Database: 'working', Cache: 'working' });
        const unprefixed = await fetch(`${started.url}/health`);
        expect(unprefixed.status).to.equal(404);
        await unprefixed.text();
      } finally {
        await started.close();
      }
    });

    it("writes serviceInfo's fields at the top of health+json, and refuses a malformed one naming forRoot", async () => {
      const serviceInfo = { version: '2', releaseId: '2.4.1', links: { about: 'https://wiki.example.com/orders' } };
      const started = await listen(await createApp(rootModule([PulsecheckModule.forRoot({ registry, serviceInfo })]), 'express'));
      try {
        const response = await fetch(`${started.url}/health/ready`, { headers: { accept: 'application/health+json' } });
        expect(response.headers.get('content-type')).to.match(/^application\/health\+json/);
        expect(await response.json()).to.deep.include(serviceInfo);
        expect((await started.app.get(HealthService).run()).service).to.deep.equal(serviceInfo);
      } finally {
        await started.close();
      }
      expect(() => PulsecheckModule.forRoot({ registry, serviceInfo: { verison: '2' } as never })).to.throw(
        TypeError,
        "PulsecheckModule.forRoot: unknown option 'serviceInfo.verison' (expected one of: version, releaseId, serviceId, description, notes, links)",
      );
    });

    it('applies detail to every response', async () => {
      const started = await listen(await createApp(rootModule([PulsecheckModule.forRoot({ registry, detail: 'summary' })]), 'fastify'));
      try {
        started.app.get(Switches).databaseDown = true;
        const response = await fetch(`${started.url}/health`, { headers: { accept: 'application/json' } });
        expect(response.status).to.equal(503);
        expect(await response.json()).to.deep.equal({ status: 'fail' });
      } finally {
        await started.close();
      }
    });

    it('passes detail functions and detailTimeoutMs on to the endpoints: a detail() that hangs answers at the summary level', async () => {
      const errors: unknown[] = [];
      const module = rootModule([
        PulsecheckModule.forRoot({
          registry,
          detail: (request) => (request.headers?.authorization === 'Bearer ops' ? 'full' : new Promise<never>(() => undefined)),
          detailTimeoutMs: 50,
          onError: (error) => errors.push(error),
        }),
      ]);
      const started = await listen(await createApp(module, 'express'));
      try {
        const operator = await fetch(`${started.url}/health/ready`, { headers: { accept: 'application/json', authorization: 'Bearer ops' } });
        expect(await operator.json()).to.deep.equal({ Database: 'working', Cache: 'working' });
        const other = await fetch(`${started.url}/health/ready`, { headers: { accept: 'application/json' } });
        expect(other.status).to.equal(200);
        expect(await other.json()).to.deep.equal({ status: 'pass' });
        expect(errors).to.have.lengthOf(1);
        expect(String(errors[0])).to.include('50');
      } finally {
        await started.close();
      }
    });

    it('serves no route with path: false, and still provides HealthService', async () => {
      const started = await listen(await createApp(rootModule([PulsecheckModule.forRoot({ checks: [ProcessHealthCheck], path: false })]), 'express'));
      try {
        const response = await fetch(`${started.url}/health`);
        expect(response.status).to.equal(404);
        await response.text();
        expect((await started.app.get(HealthService).run()).status).to.equal('pass');
      } finally {
        await started.close();
      }
    });

    it('waits for a dependency that an async factory provides', async () => {
      const SLOW = Symbol('SlowClient');
      class SlowClientCheck extends HealthCheck {
        constructor(@inject(SLOW) private readonly client: { ok: boolean }) {
          super();
        }

        check(): void {
          if (!this.client.ok) throw new Error('not ok');
        }
      }
      const slowly = { provide: SLOW, useFactory: async () => new Promise((resolve) => setTimeout(() => {
        resolve({ ok: true });
      }, 150)) };
      const app = await initApp(rootModule([PulsecheckModule.forRoot({ checks: [SlowClientCheck] })], [slowly]), 'express');
      try {
        expect((await app.get(HealthService).run()).checks[0]?.output).to.equal('working');
      } finally {
        await app.close();
      }
    });

    it('builds the checks in onModuleInit: a run started before init() waits for them, and answers once init() comes', async () => {
      const CLIENT = Symbol('Client');
      const built: string[] = [];
      class ClientCheck extends HealthCheck {
        constructor(@inject(CLIENT) private readonly client: { ok: boolean }) {
          super();
          built.push('check');
        }

        check(): void {
          if (!this.client.ok) throw new Error('not ok');
        }
      }
      const client = { provide: CLIENT, useFactory: async () => new Promise((resolve) => setTimeout(() => {
        resolve({ ok: true });
      }, 50)) };
      const app = await createApp(rootModule([PulsecheckModule.forRoot({ checks: [ClientCheck], defaultTimeoutMs: 5_000 })], [client]), 'express');
      try {
        expect(built, 'no check is built before onModuleInit').to.deep.equal([]);
        let settled = false;
        const early = app.get(HealthService).run().finally(() => (settled = true));
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(settled, 'the run waits for init()').to.equal(false);
        await app.init();
        expect(built).to.deep.equal(['check']);
        const report = await early;
        expect(report.checks.map((check) => [check.name, check.status, check.output])).to.deep.equal([['ClientCheck', 'pass', 'working']]);
      } finally {
        await app.close();
      }
    });

    it("reports a run before init() that init() never follows as a timeout, under the check's own timeout", async () => {
      const app = await createApp(rootModule([PulsecheckModule.forRoot({ checks: [DatabaseHealthCheck], defaultTimeoutMs: 50 })]), 'express');
      try {
        const report = await app.get(HealthService).run();
        expect(report.httpStatus).to.equal(503);
        expect(report.checks[0]?.status).to.equal('fail');
        expect(report.checks[0]?.output).to.equal('timeout: did not finish within 50 ms');
      } finally {
        await app.close();
      }
    });

    it("fails at startup, naming the check and the token, when the provider's factory returned null", async () => {
      const NULLISH = Symbol('NullClient');
      class NullClientCheck extends HealthCheck {
        constructor(@inject(NULLISH) private readonly client: unknown) {
          super();
        }

        check(): void {
          expect(this.client).to.equal(null);
        }
      }
      const failure = await initApp(rootModule([PulsecheckModule.forRoot({ checks: [NullClientCheck] })], [{ provide: NULLISH, useFactory: async () => Promise.resolve(null) }]), 'express').then(
        async (app: INestApplication) => {
          await app.close();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect((failure as Error | undefined)?.message).to.equal(
        "PulsecheckModule: NullClientCheck needs Symbol(NullClient) (constructor parameter #0); Nest's provider for it holds null: make its factory return the client",
      );
    });

    it('fails at startup, naming the check, the parameter and the token, when no Nest module provides a dependency', async () => {
      const MISSING = Symbol('PaymentsClient');
      class PaymentsHealthCheck extends HealthCheck {
        constructor(@inject(MISSING) private readonly payments: unknown) {
          super();
        }

        check(): void {
          expect(this.payments).to.equal(undefined);
        }
      }
      const failure = await initApp(rootModule([PulsecheckModule.forRoot({ checks: [PaymentsHealthCheck] })]), 'express').then(
        async (app: INestApplication) => {
          await app.close();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(Error);
      expect((failure as Error).message).to.equal(
        'PulsecheckModule: PaymentsHealthCheck needs Symbol(PaymentsClient) (constructor parameter #0), which no Nest module provides ' +
          'and pulsecheck does not bind: add a provider for it to a module of the application',
      );
    });

    it('names a class token by its class', async () => {
      class Unprovided {}
      class NeedsClass extends HealthCheck {
        constructor(@inject(Unprovided) private readonly thing: Unprovided) {
          super();
        }

        check(): void {
          expect(this.thing).to.equal(undefined);
        }
      }
      const failure = await initApp(rootModule([PulsecheckModule.forRoot({ checks: [NeedsClass] })]), 'express').then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).to.include('NeedsClass needs class Unprovided (constructor parameter #0)');
    });

    it('rejects malformed options at once, naming the option', () => {
      const forRoot = (options: unknown): unknown => PulsecheckModule.forRoot(options as never);
      expect(() => forRoot({ pth: '/health' })).to.throw(TypeError, /PulsecheckModule\.forRoot: .*'pth'/);
      expect(() => forRoot({ path: 'health' })).to.throw(TypeError, "PulsecheckModule.forRoot: path must be a string that starts with '/' (or false), got 'health'");
      expect(() => forRoot({ path: '/a', routes: {} })).to.throw(TypeError, 'PulsecheckModule.forRoot: give either path or routes, not both');
      expect(() => forRoot({ drainDelayMs: -1 })).to.throw(RangeError, /drainDelayMs/);
      expect(() => forRoot({ background: { intervalMs: 10, every: 1 } })).to.throw(TypeError, "PulsecheckModule.forRoot: unknown option 'background.every' (expected one of: intervalMs, staleAfterMs)");
      expect(() => forRoot({ global: 'yes' })).to.throw(TypeError, /global/);
      expect(() => forRoot(null)).to.throw(TypeError, 'PulsecheckModule.forRoot: options must be an object, got null');
    });

    it('rejects every option healthModule, healthEndpoints and HealthService.start would reject, at once, naming forRoot', () => {
      const forRoot = (options: unknown): unknown => PulsecheckModule.forRoot(options as never);
      const cases: [unknown, typeof TypeError | typeof RangeError, string][] = [
        [{ checks: [CacheHealthCheck, CacheHealthCheck] }, TypeError, 'PulsecheckModule.forRoot: checks lists the same class twice'],
        [{ checks: [class NotACheck {}] }, TypeError, 'PulsecheckModule.forRoot: checks[0]: class NotACheck does not extend HealthCheck'],
        [{ registry, checks: [CacheHealthCheck] }, TypeError, 'PulsecheckModule.forRoot: give either registry or checks, not both'],
        [{ defaultTimeoutMs: 0 }, RangeError, 'PulsecheckModule.forRoot: defaultTimeoutMs must be a positive finite number of milliseconds, got 0'],
        [{ historySize: -1 }, RangeError, 'PulsecheckModule.forRoot: historySize must be a whole number from 0 to 10000, got -1'],
        [{ defaultFailAfter: { count: 2, after: 1 } }, TypeError, "PulsecheckModule.forRoot: unknown option 'defaultFailAfter.after' (expected one of: count, durationMs)"],
        [{ detail: 'everything' }, TypeError, "PulsecheckModule.forRoot: detail must be one of 'full', 'status', 'summary' or a function, got 'everything'"],
        [{ detailTimeoutMs: 3e9 }, RangeError, 'PulsecheckModule.forRoot: detailTimeoutMs must be at most 2147483647 ms'],
        [{ refreshSeconds: 0.5 }, RangeError, 'PulsecheckModule.forRoot: refreshSeconds must be a positive integer number of seconds, got 0.5 (number)'],
        [{ onError: 'log' }, TypeError, 'PulsecheckModule.forRoot: onError must be a function'],
        [{ background: {} }, RangeError, 'PulsecheckModule.forRoot: background.intervalMs must be a positive finite number of milliseconds, got undefined (undefined)'],
        [{ background: { intervalMs: 3e9 } }, RangeError, 'PulsecheckModule.forRoot: background.intervalMs must be at most 2147483647 ms'],
        [{ background: { intervalMs: 10, staleAfterMs: 0 } }, RangeError, 'PulsecheckModule.forRoot: background.staleAfterMs must be a positive finite number of milliseconds, got 0'],
      ];
      for (const [options, type, message] of cases) {
        expect(() => forRoot(options), message).to.throw(type, message);
      }
    });

    it('words each service option as healthModule() and the HealthService constructor do, but names forRoot', async () => {
      const { healthModule } = await import('pulsecheck');
      const bad: object[] = [{ defaultTimeoutMs: -1 }, { defaultCacheTtlMs: 'x' }, { singleFlight: 1 }, { latchStartup: null }, { historySize: 1.5 }, { defaultFailAfter: 0 }, { defaultRecoverAfter: {} }, { defaultTimout: 5 }];
      for (const options of bad) {
        const messages = [
          () => PulsecheckModule.forRoot(options as never),
          () => healthModule(options as never),
          () => new HealthService([], options as never),
        ].map((call) => {
          try {
            call();
            return 'accepted';
          } catch (error) {
            // The list of known options is each function's own; the rest is one wording.
            return (error as Error).message.replace(/^(PulsecheckModule\.forRoot|healthModule|HealthService): /, '').replace(/ \(expected one of: .*\)$/, '');
          }
        });
        expect(new Set(messages).size, `${JSON.stringify(options)}: ${messages.join(' | ')}`).to.equal(1);
        expect(messages[0]).not.to.equal('accepted');
      }
    });

    it('rejects, at startup, a route naming a check the service lacks, naming forRoot', async () => {
      for (const [options, message] of [
        [{ registry, routes: { '/h': { names: ['Nope'] } } }, "PulsecheckModule.forRoot: route '/h': no check named 'Nope'"],
      ] as const) {
        const failure = await initApp(rootModule([PulsecheckModule.forRoot(options)]), 'express').then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        expect(failure?.message).to.include(message);
      }
    });
  });

  describe('forRootAsync(options)', () => {
    it("types the factory's result as what start-up accepts: no path, routes or global", () => {
      const accepted = (): unknown =>
        PulsecheckModule.forRootAsync({
          // @ts-expect-error -- path is given to forRootAsync itself; the factory's result type leaves it out
          useFactory: () => ({ path: '/elsewhere' }),
        });
      const typed: PulsecheckModuleFactoryOptions = { defaultTimeoutMs: 5 };
      // @ts-expect-error -- neither routes nor global is part of the factory's result
      const refused: PulsecheckModuleFactoryOptions = { routes: {}, global: false };
      expect([typeof accepted, typed, refused]).to.deep.equal(['function', { defaultTimeoutMs: 5 }, { routes: {}, global: false }]);
    });

    @Injectable()
    class HealthConfig {
      readonly timeoutMs = 321;
      readonly detail = 'status' as const;
    }

    @Module({ providers: [HealthConfig], exports: [HealthConfig] })
    class ConfigModule {}

    it('takes the options from a factory injected with a config provider', async () => {
      const module = rootModule([
        PulsecheckModule.forRootAsync({
          imports: [ConfigModule],
          inject: [HealthConfig],
          useFactory: (config: HealthConfig) => ({ registry, defaultTimeoutMs: config.timeoutMs, detail: config.detail }),
          path: '/status',
        }),
      ]);
      const started = await listen(await createApp(module, 'fastify'));
      try {
        started.app.get(Switches).databaseDown = true;
        const response = await fetch(`${started.url}/status/ready`, { headers: { accept: 'application/json' } });
        expect(response.status).to.equal(503);
        expect(await response.json()).to.deep.equal({ Database: 'unavailable', Cache: 'working' });
        const definitions = started.app.get(HealthService).definitions();
        expect(definitions.map((definition) => definition.name)).to.deep.equal(['Process', 'Database', 'Cache']);
        const report = await started.app.get(HealthService).run({ names: ['Process'] });
        expect(report.checks[0]?.status).to.equal('pass');
      } finally {
        await started.close();
      }
    });

    it('rejects malformed options at once, and malformed factory options at startup', async () => {
      const forRootAsync = (options: unknown): unknown => PulsecheckModule.forRootAsync(options as never);
      expect(() => forRootAsync({})).to.throw(TypeError, "PulsecheckModule.forRootAsync: useFactory must be a function that returns the module's options");
      expect(() => forRootAsync({ useFactory: () => ({}), injects: [] })).to.throw(TypeError, /unknown option 'injects'/);
      expect(() => forRootAsync({ useFactory: () => ({}), path: 'x' })).to.throw(TypeError, /path must be a string that starts with '\/'/);
      expect(() => forRootAsync({ useFactory: () => ({}), global: 1 })).to.throw(TypeError, 'PulsecheckModule.forRootAsync: global must be a boolean, got 1 (number)');
      expect(() => forRootAsync({ useFactory: () => ({}), inject: 'Config' })).to.throw(TypeError, "PulsecheckModule.forRootAsync: inject must be an array of tokens, got 'Config'");
      for (const [made, message] of [
        [{ defaultTimeoutMs: 0 }, 'defaultTimeoutMs'],
        [{ path: '/elsewhere' }, "useFactory() returned 'path'; give it to forRootAsync() itself"],
        [{ detial: 'full' }, "PulsecheckModule.forRootAsync: useFactory(): unknown option 'detial'"],
        [{ background: { intervalMs: 0 } }, 'PulsecheckModule.forRootAsync: useFactory(): background.intervalMs must be a positive finite number of milliseconds, got 0'],
        [{ routes: {} }, "useFactory() returned 'routes'; give it to forRootAsync() itself"],
        [{ global: false }, "useFactory() returned 'global'; give it to forRootAsync() itself"],
      ] as const) {
        const failure = await initApp(rootModule([PulsecheckModule.forRootAsync({ useFactory: () => ({ registry, ...made }) })]), 'express').then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        expect(failure?.message, JSON.stringify(made)).to.include(message);
      }
    });
  });

  it('builds CacheHealthCheck and DatabaseHealthCheck with the same Switches instance as the application', async () => {
    const app = await initApp(rootModule([PulsecheckModule.forRoot({ checks: [DatabaseHealthCheck, CacheHealthCheck] })]), 'express');
    try {
      app.get(Switches).databaseDown = true;
      expect((await app.get(HealthService).run()).status).to.equal('fail');
    } finally {
      await app.close();
    }
  });
});
