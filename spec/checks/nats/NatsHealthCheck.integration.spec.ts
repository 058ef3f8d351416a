import { expect } from 'chai';
import { Container } from 'inversify';
import { connect, type NatsConnection } from 'nats';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { NATS_CONNECTION, NatsHealthCheck, type NatsConnectionLike } from 'pulsecheck/nats';
import { assertCheckConforms } from 'pulsecheck/testing';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { margin, timeoutMs, workingTimeoutMs } from '../../support/integrationBudget.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';
import { recordTiming } from '../../support/timings.js';
import { conformance, hostAndPort } from '../../testing/conformance/budget.js';

const target = (): { host: string; port: number } => hostAndPort(serviceUrl('nats'), 4222);

describe('NatsHealthCheck against NATS (integration)', function () {
  this.timeout(30_000);
  const connections: NatsConnection[] = [];
  const closers: (() => Promise<void>)[] = [];

  before(async function () {
    await requireService(this, 'nats');
  });

  afterEach(async () => {
    for (const nc of connections.splice(0)) if (!nc.isClosed()) await nc.close();
    for (const close of closers.splice(0)) await close();
  });

  async function open(port = target().port, host = target().host): Promise<NatsConnection> {
    const nc = await connect({ servers: `${host}:${port}`, reconnectTimeWait: 100, maxReconnectAttempts: -1, name: 'pulsecheck-spec' });
    connections.push(nc);
    return nc;
  }

  it('reports working with the round trip, and JetStream when asked, from the decorator alone', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'NatsHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class EventsHealthCheck extends NatsHealthCheck {}

    const nc = await open();
    const container = new Container();
    container.bind(NATS_CONNECTION).toConstantValue(nc);
    container.load(healthModule({ registry }));
    const result = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('NATS', 'healthy', result);
    expect(result.output).to.equal('working');
    expect(result.observations.state).to.deep.equal({ value: 'connected' });
    expect(result.observations.latencyMs?.unit).to.equal('ms');
    expect(container.get(EventsHealthCheck)).to.be.instanceOf(NatsHealthCheck);

    const jetStream = await runCheck(new NatsHealthCheck(nc, { jetStream: true }), workingTimeoutMs);
    recordTiming('NATS', 'healthy with JetStream', jetStream);
    expect(jetStream.output).to.equal('working');
    expect(jetStream.observations.jetStreamMs?.unit).to.equal('ms');
  });

  it('reports a closed and a draining connection as unavailable, saying which', async () => {
    const draining = await open();
    const sub = draining.subscribe('pulsecheck.spec.drain');
    const drained = draining.drain();
    expect((await runCheck(new NatsHealthCheck(draining))).output).to.equal('unavailable: NATS connection is draining');
    await drained;
    sub.unsubscribe();
    expect((await runCheck(new NatsHealthCheck(draining))).output).to.equal('unavailable: NATS connection is closed');
  });

  it('times out on an established connection that stops answering, queues no second PING, then recovers', async () => {
    const proxy = await StallingProxy.start(target());
    closers.push(() => proxy.close());
    const nc = await open(proxy.port, '127.0.0.1');
    const check = new NatsHealthCheck(nc);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    proxy.stall();
    const hung = await runCheck(check, timeoutMs);
    recordTiming('NATS', 'hung connection (PING)', hung);
    expect(kinds(hung)).to.deep.equal(['timeout']);
    expect(hung.durationMs).to.be.below(timeoutMs + margin);
    const again = await runCheck(check, timeoutMs);
    expect(again.observations.pendingPingMs?.value, 'waits for the first PING').to.be.at.least(timeoutMs - 50);
    proxy.resume();
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
  });

  it('reports the connection cut (server side) as reconnecting, then works once the client has reconnected', async () => {
    const proxy = await StallingProxy.start(target());
    closers.push(() => proxy.close());
    const nc = await open(proxy.port, '127.0.0.1');
    const check = new NatsHealthCheck(nc);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cut = await runCheck(check, timeoutMs);
    recordTiming('NATS', 'connection cut (proxy)', cut);
    expect(cut.output).to.equal('unavailable: NATS connection is reconnecting (disconnected from the server)');
    expect(cut.observations.state).to.deep.equal({ value: 'reconnecting' });
    const deadline = performance.now() + 5000;
    let recovered = await runCheck(check, workingTimeoutMs);
    while (recovered.output !== 'working' && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      recovered = await runCheck(check, workingTimeoutMs);
    }
    recordTiming('NATS', 'recovered after the cut', recovered);
    expect(recovered.output).to.equal('working');
  });

  it('leaks nothing over 300 runs (with JetStream): no socket, timer or listener', async () => {
    const nc = await open();
    const check = new NatsHealthCheck(nc, { jetStream: true });
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const before = activeResources();
    expect(await tallyOutputs(new HealthService([check], { defaultTimeoutMs: workingTimeoutMs }), 300)).to.deep.equal([['working', 300]]);
    expect(await settleResources(before), 'extra handles').to.deep.equal({});
  });

  it('conforms under every fault (assertCheckConforms)', async () => {
    await assertCheckConforms({
      ...conformance,
      target: target(),
      create: async ({ host, port }) => {
        const nc = await connect({ servers: `${host}:${port}`, reconnectTimeWait: 100, maxReconnectAttempts: -1, pingInterval: 60_000 });
        return { check: new NatsHealthCheck(nc), dispose: () => nc.close() };
      },
    });
  });
});

describe('NatsHealthCheck, constructed', () => {
  it('rejects what is not a nats connection, and jetStream without jetstreamManager', () => {
    class Events extends NatsHealthCheck {}
    expect(() => new Events({} as NatsConnectionLike)).to.throw(TypeError, /^Events: expected a nats connection \(what connect\(\) resolves to, bound under NATS_CONNECTION\), got an object/);
    const bare: NatsConnectionLike = { isClosed: () => false, isDraining: () => false, flush: () => Promise.resolve() };
    expect(() => new Events(bare, { jetStream: true })).to.throw(TypeError, /^Events: jetStream needs a connection with jetstreamManager\(\)/);
    expect(() => new Events(bare, { jetStreamTimeoutMs: 0 })).to.throw(RangeError, /^Events: jetStreamTimeoutMs must be a positive finite number/);
    expect(NatsHealthCheck.traits).to.deep.equal({ componentType: 'component', externalDependency: true });
  });

  it('reports a JetStream that does not answer as unavailable with the reason', async () => {
    const nc: NatsConnectionLike = {
      isClosed: () => false,
      isDraining: () => false,
      flush: () => Promise.resolve(),
      jetstreamManager: () => Promise.reject(new Error('503')),
    };
    expect((await runCheck(new NatsHealthCheck(nc, { jetStream: true }))).output).to.equal('unavailable: NATS JetStream is not reachable: 503');
  });
});
