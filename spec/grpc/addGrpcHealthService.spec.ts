import { expect } from 'chai';
import { Server, status as grpcStatus } from '@grpc/grpc-js';
import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';
import { addGrpcHealthService, GRPC_HEALTH_SERVICES, GrpcHealthCheck } from 'pulsecheck/grpc';
import { FaultProxy } from 'pulsecheck/testing';
import sinon from 'sinon';
import { activeResourcesAfterATurn, settleResources } from '../support/activeResources.js';
import { HealthClientFixture, startHealthServer, type HealthServer } from './fixtures.js';

/** What the fixture checks report, flipped by the specs. */
const switches = { databaseDown: false, cacheDown: false, slowMs: 0 };

const registry = new HealthCheckRegistry();

@registerHealthCheck({ registry, name: 'Process', tags: ['live'] })
class ProcessHealthCheck extends HealthCheck {
  check(): void {
    // the process answers, so it is alive
  }
}

@registerHealthCheck({ registry, name: 'Database' })
class DatabaseHealthCheck extends HealthCheck {
  async check(context: CheckContext): Promise<void> {
    if (switches.slowMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, switches.slowMs);
        context.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (switches.databaseDown) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.7:5432');
  }
}

@registerHealthCheck({ registry, name: 'Cache', critical: false, tags: ['ready', 'payments'] })
class CacheHealthCheck extends HealthCheck {
  check(): void {
    if (switches.cacheDown) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.8:6379');
  }
}

const checks = (): HealthCheck[] => [new ProcessHealthCheck(), new DatabaseHealthCheck(), new CacheHealthCheck()];
const payments = { 'payments.v1.Payments': { tags: ['payments'] }, database: { names: ['Database'] } };

describe('addGrpcHealthService', function () {
  this.timeout(20_000);
  let service: HealthService;
  let server: HealthServer | undefined;
  let client: HealthClientFixture | undefined;

  beforeEach(() => {
    Object.assign(switches, { databaseDown: false, cacheDown: false, slowMs: 0 });
    service = new HealthService(checks(), { defaultTimeoutMs: 1_000 });
  });

  afterEach(async () => {
    client?.close();
    client = undefined;
    await server?.close();
    server = undefined;
    await service.stop();
  });

  async function serve(options?: Parameters<typeof startHealthServer>[1]): Promise<HealthClientFixture> {
    server = await startHealthServer(service, options);
    client = new HealthClientFixture(server.port);
    return client;
  }

  describe('having malformed arguments', () => {
    it('should name the function and the problem', () => {
      const grpcServer = new Server();
      expect(() => addGrpcHealthService(Object.create(null) as Server, service)).to.throw(TypeError, 'addGrpcHealthService: server must be a @grpc/grpc-js Server');
      expect(() => addGrpcHealthService(grpcServer, Object.create(null) as HealthService)).to.throw(TypeError, 'addGrpcHealthService: service must be a HealthService');
      expect(() => addGrpcHealthService(grpcServer, service, { service: {} } as never)).to.throw(TypeError, "addGrpcHealthService: unknown option 'service'");
      expect(() => addGrpcHealthService(grpcServer, service, { services: { readiness: { tags: ['x'] } } })).to.throw(RangeError, 'addGrpcHealthService: services["readiness"] is a built-in name');
      expect(() => addGrpcHealthService(grpcServer, service, { services: { db: { names: ['Databse'] } } })).to.throw(RangeError, `addGrpcHealthService: services["db"]: no check named 'Databse'`);
      expect(() => addGrpcHealthService(grpcServer, service, { services: { db: { probe: 'ready' as never } } })).to.throw(RangeError, 'addGrpcHealthService: services["db"]: probe must be one of liveness, readiness, startup');
    });

    it('should refuse a second health service on the same server (grpc-js says so)', () => {
      const grpcServer = new Server();
      addGrpcHealthService(grpcServer, service).close();
      expect(() => addGrpcHealthService(grpcServer, service)).to.throw(/grpc\.health\.v1\.Health|already/i);
    });
  });

  describe('Check', () => {
    it('should answer the built-in names from the probes, as the HTTP routes do', async () => {
      const health = await serve();
      expect(Object.keys(GRPC_HEALTH_SERVICES)).to.deep.equal(['', 'liveness', 'readiness', 'startup']);
      switches.databaseDown = true;
      expect(await health.check('')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('startup'), 'no check is tagged startup: the readiness checks').to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('liveness'), 'a dependency down never fails liveness').to.deep.equal({ status: 'SERVING' });
      switches.databaseDown = false;
      for (const name of ['', 'liveness', 'readiness', 'startup']) expect(await health.check(name), name).to.deep.equal({ status: 'SERVING' });
      switches.databaseDown = true;
      expect(await health.check('startup'), 'latched once it passed, as /health/startup').to.deep.equal({ status: 'SERVING' });
      expect(await health.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
    });

    it('should answer SERVING for warn (a non-critical check failed) and NOT_SERVING for fail', async () => {
      const health = await serve();
      switches.cacheDown = true;
      expect((await service.run()).status).to.equal('warn');
      expect(await health.check('')).to.deep.equal({ status: 'SERVING' });
      switches.databaseDown = true;
      expect(await health.check('')).to.deep.equal({ status: 'NOT_SERVING' });
    });

    it('should answer mapped names from their run options (tags, names)', async () => {
      const health = await serve({ services: payments });
      switches.databaseDown = true;
      expect(await health.check('payments.v1.Payments'), 'tags: [payments] runs Cache only').to.deep.equal({ status: 'SERVING' });
      expect(await health.check('database')).to.deep.equal({ status: 'NOT_SERVING' });
      switches.databaseDown = false;
      expect(await health.check('database')).to.deep.equal({ status: 'SERVING' });
    });

    it('should answer NOT_FOUND for an unknown name, as the protocol says', async () => {
      const health = await serve({ services: payments });
      const answer = await health.check('orders.v1.Orders');
      expect(answer).to.include({ code: grpcStatus.NOT_FOUND });
      expect((answer as { details: string }).details).to.include('unknown service name "orders.v1.Orders"').and.include('"payments.v1.Payments"');
    });

    describe('when the caller\'s deadline is shorter than a fresh run', () => {
      it('should answer before the deadline: UNKNOWN while nothing is known, then the latest statuses', async () => {
        const health = await serve();
        expect(await health.check('liveness')).to.deep.equal({ status: 'SERVING' }); // the connection is open: the deadline is the call's only
        switches.slowMs = 900; // Database takes 900 ms of its 1,000 ms timeout
        let startedAt = performance.now();
        expect(await health.check('readiness', 500)).to.deep.equal({ status: 'UNKNOWN' });
        expect(performance.now() - startedAt).to.be.below(500);
        await service.run({ fresh: true }); // now every check has a status
        switches.databaseDown = true;
        startedAt = performance.now();
        expect(await health.check('readiness', 500), 'the latest known status (the run started meanwhile fails later)').to.deep.equal({ status: 'SERVING' });
        expect(performance.now() - startedAt).to.be.below(500);
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // the run that Check started ends: Database failed
        startedAt = performance.now();
        expect(await health.check('readiness', 500)).to.deep.equal({ status: 'NOT_SERVING' });
        expect(performance.now() - startedAt).to.be.below(500);
      });

      it('should answer at once from background mode\'s latest results', async () => {
        const health = await serve();
        switches.slowMs = 600;
        service.start({ intervalMs: 60_000 });
        await new Promise((resolve) => setTimeout(resolve, 700));
        const startedAt = performance.now();
        expect(await health.check('', 100)).to.deep.equal({ status: 'SERVING' });
        expect(performance.now() - startedAt).to.be.below(60);
      });

      it('should wait for a fresh run when the deadline allows it', async () => {
        const health = await serve();
        switches.slowMs = 300;
        switches.databaseDown = true;
        const startedAt = performance.now();
        expect(await health.check('readiness', 5_000)).to.deep.equal({ status: 'NOT_SERVING' });
        expect(performance.now() - startedAt).to.be.at.least(290);
      });
    });
  });

  describe('during shutdown', () => {
    it('should answer NOT_SERVING for readiness, the whole service and mapped names, and keep answering liveness', async () => {
      const health = await serve({ services: payments });
      const readiness = health.watch('readiness');
      const liveness = health.watch('liveness');
      expect(await readiness.nth(0)).to.equal('SERVING');
      expect(await liveness.nth(0)).to.equal('SERVING');
      server?.handle.beginShutdown();
      expect(service.shuttingDown).to.equal(true);
      expect(await readiness.nth(1), 'Watch hears of the shutdown at once').to.equal('NOT_SERVING');
      expect(await health.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('payments.v1.Payments')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('liveness')).to.deep.equal({ status: 'SERVING' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(liveness.statuses).to.deep.equal(['SERVING']);
    });

    it('should answer NOT_SERVING when the service itself began shutting down', async () => {
      const health = await serve();
      service.beginShutdown();
      expect(await health.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('')).to.deep.equal({ status: 'NOT_SERVING' });
      expect(await health.check('liveness')).to.deep.equal({ status: 'SERVING' });
    });
  });

  describe('Watch', () => {
    it('should answer SERVICE_UNKNOWN for an unknown name, and keep the stream open', async () => {
      const health = await serve();
      const stream = health.watch('orders.v1.Orders');
      expect(await stream.nth(0)).to.equal('SERVICE_UNKNOWN');
      expect(stream.ended).to.equal(false);
      stream.cancel();
    });

    it('should stream the current status at once, then each change of a dependency cut through a TCP proxy and restored', async () => {
      // The dependency is another gRPC service's health, reached through a FaultProxy.
      const downstream = new HealthService([new ProcessHealthCheck()]);
      const downstreamServer = await startHealthServer(downstream);
      const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: downstreamServer.port } });
      try {
        const target = `127.0.0.1:${proxy.port}`;
        class DownstreamHealthCheck extends GrpcHealthCheck {
          constructor() {
            super({ target, service: 'liveness' });
          }
        }
        service = new HealthService([new DownstreamHealthCheck()], { defaultTimeoutMs: 500 });
        const health = await serve();
        service.start({ intervalMs: 50 });
        const stream = health.watch('');
        expect(await stream.nth(0)).to.equal('SERVING');
        await proxy.setFault('refuse');
        expect(await stream.nth(1)).to.equal('NOT_SERVING');
        expect(await health.check('')).to.deep.equal({ status: 'NOT_SERVING' });
        await proxy.setFault('pass');
        expect(await stream.nth(2)).to.equal('SERVING');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(stream.statuses, 'a change is written once; unchanged rounds write nothing').to.deep.equal(['SERVING', 'NOT_SERVING', 'SERVING']);
        stream.cancel();
        await service.stop();
      } finally {
        await proxy.close();
        await downstreamServer.close();
      }
    });

    it('should hear the changes of checks that last changed before it was added (background mode started first)', async () => {
      service.start({ intervalMs: 50 });
      await service.run(); // every check has run, and will not change status again until told
      const health = await serve();
      const stream = health.watch('');
      expect(await stream.nth(0)).to.equal('SERVING');
      switches.databaseDown = true;
      expect(await stream.nth(1)).to.equal('NOT_SERVING');
      switches.databaseDown = false;
      expect(await stream.nth(2)).to.equal('SERVING');
      stream.cancel();
    });

    it('should feed 50 concurrent watchers from one status-change subscription', async () => {
      const subscribe = sinon.spy(service, 'onStatusChange');
      const health = await serve();
      const streams = Array.from({ length: 50 }, (_, index) => health.watch(index % 2 === 0 ? '' : 'readiness'));
      expect(await Promise.all(streams.map((stream) => stream.nth(0)))).to.deep.equal(Array(50).fill('SERVING'));
      expect(server?.handle.watchers).to.equal(50);
      switches.databaseDown = true;
      await service.run();
      expect(await Promise.all(streams.map((stream) => stream.nth(1)))).to.deep.equal(Array(50).fill('NOT_SERVING'));
      expect(subscribe.callCount, 'one subscription for every stream').to.equal(1);
      for (const stream of streams) stream.cancel();
      await waitFor(() => server?.handle.watchers === 0);
    });

    it('should leave no handle behind once its streams are cancelled', async () => {
      const health = await serve();
      expect(await health.check('')).to.deep.equal({ status: 'SERVING' }); // the connection is open before counting
      const before = await activeResourcesAfterATurn();
      const streams = Array.from({ length: 20 }, () => health.watch('readiness'));
      await Promise.all(streams.map((stream) => stream.nth(0)));
      for (const stream of streams) stream.cancel();
      await waitFor(() => server?.handle.watchers === 0);
      expect(await settleResources(before)).to.deep.equal({});
    });

    it('should end every stream on close(), so that tryShutdown finishes', async () => {
      const health = await serve();
      const stream = health.watch('');
      expect(await stream.nth(0)).to.equal('SERVING');
      server?.handle.close();
      await waitFor(() => stream.ended);
      expect(server?.handle.watchers).to.equal(0);
      const late = health.watch('');
      await waitFor(() => late.ended);
      expect(late.statuses).to.deep.equal([]);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
