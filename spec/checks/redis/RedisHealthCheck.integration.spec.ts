import { expect } from 'chai';
import { Container } from 'inversify';
import { Redis } from 'ioredis';
import { once } from 'node:events';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { REDIS_CLIENT, RedisHealthCheck } from 'pulsecheck/redis';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { recordTiming } from '../../support/timings.js';
import { margin, timeoutMs, uniqueConnectionName as connectionName, workingTimeoutMs } from '../../support/integrationBudget.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';


describe('RedisHealthCheck against Redis (integration)', function () {
  this.timeout(30_000);
  const clients: Redis[] = [];
  const closers: (() => Promise<void>)[] = [];

  before(async function () {
    await requireService(this, 'redis');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    for (const close of closers.splice(0)) await close();
  });

  function makeClient(options: { connectionName?: string; retryStrategy?: () => number } = {}, url = serviceUrl('redis')): Redis {
    const client = new Redis(url, { connectionName: connectionName(), ...options });
    client.on('error', () => undefined); // the application's listener; the check records the reason itself
    clients.push(client);
    return client;
  }

  async function ready(client: Redis): Promise<Redis> {
    if (client.status !== 'ready') await once(client, 'ready');
    return client;
  }

  /** The connections Redis lists under this client's name. */
  async function listedConnections(name: string): Promise<number> {
    const admin = await ready(makeClient({ connectionName: 'pulsecheck-spec-admin' }));
    const list = (await admin.client('LIST')) as string;
    admin.disconnect();
    return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
  }

  it('reports working from the decorator alone, with the latency', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'CacheHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class CacheHealthCheck extends RedisHealthCheck {}

    const client = await ready(makeClient());
    const container = new Container();
    container.bind(REDIS_CLIENT).toConstantValue(client);
    container.load(healthModule({ registry }));
    const result = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('Redis', 'healthy', result);
    expect(result.name).to.equal('CacheHealthCheck');
    expect(result.output).to.equal('working');
    expect(result.observations.latencyMs?.unit).to.equal('ms');
    expect(result.observations.latencyMs?.value).to.be.a('number').above(0);
    expect(container.get(CacheHealthCheck)).to.be.instanceOf(RedisHealthCheck);
  });

  it("reports a refused connection as unavailable at once, with the driver's reason and no password", async () => {
    const port = await closedPort();
    const client = makeClient({}, `redis://:s3cret-pw@127.0.0.1:${port}`);
    const check = new RedisHealthCheck(client);
    await once(client, 'error'); // the first connection attempt failed
    const result = await runCheck(check, timeoutMs);
    recordTiming('Redis', 'refused', result);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.match(new RegExp(`^unavailable: Redis client is not ready \\(status: (connecting|reconnecting)\\); last error: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`));
    expect(result.output).to.not.include('s3cret-pw');
    expect(result.durationMs).to.be.below(timeoutMs);
  });

  it('waits for a client created just now (status connecting) and reports working once it is ready', async () => {
    const client = makeClient();
    expect(client.status).to.equal('connecting');
    const result = await runCheck(new RedisHealthCheck(client), workingTimeoutMs);
    recordTiming('Redis', 'fresh client (first connection waited for)', result);
    expect(result.output).to.equal('working');
    expect(result.observations.statusAtStart?.value).to.equal('connecting');
    expect(result.observations.connectWaitMs?.value).to.be.a('number');
    for (const event of ['ready', 'error', 'close', 'end']) expect(client.listenerCount(event), `${event} listeners`).to.be.at.most(2);
  });

  it('connects a lazy client (lazyConnect) with its PING and reports working', async () => {
    const client = new Redis(serviceUrl('redis'), { connectionName: connectionName(), lazyConnect: true });
    clients.push(client);
    expect(client.status).to.equal('wait');
    const result = await runCheck(new RedisHealthCheck(client), workingTimeoutMs);
    expect(result.output).to.equal('working');
    expect(client.status).to.equal('ready');
  });

  it('fails a fresh client whose first connection is refused as soon as it is, with the reason', async () => {
    const port = await closedPort();
    const client = makeClient({}, `redis://127.0.0.1:${port}`);
    const result = await runCheck(new RedisHealthCheck(client), timeoutMs);
    recordTiming('Redis', 'fresh client, refused', result);
    expect(result.output).to.match(new RegExp(`^unavailable: Redis client is not ready \\(status: \\w+\\); last error: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`));
    expect(result.durationMs).to.be.below(timeoutMs);
  });

  it('times out on a server that accepts and never answers (ioredis waits for its ready check), removing its listeners', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const client = makeClient({}, `redis://127.0.0.1:${hung.port}`);
    await once(client, 'connect');
    const check = new RedisHealthCheck(client);
    const listeners = client.listenerCount('ready');
    const result = await runCheck(check, timeoutMs);
    recordTiming('Redis', 'hung server (ready check unanswered)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.observations.statusAtStart?.value).to.equal('connect');
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.listenerCount('ready'), 'ready listeners after the timeout').to.equal(listeners);
    client.disconnect();
    await hung.waitUntilIdle(1000);
  });

  it('times out when an established connection hangs, waits on its PING instead of sending more, and leaves no socket once the client is ended', async () => {
    const target = new URL(serviceUrl('redis'));
    const proxy = await StallingProxy.start({ host: target.hostname, port: Number(target.port || 6379) });
    closers.push(() => proxy.close());
    const client = await ready(makeClient({}, `redis://127.0.0.1:${proxy.port}`));
    const check = new RedisHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

    proxy.stall();
    const result = await runCheck(check, timeoutMs);
    recordTiming('Redis', 'hung connection (PING)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    const again = await runCheck(check, timeoutMs);
    expect(kinds(again)).to.deep.equal(['timeout']);
    expect(again.observations.pendingPingMs?.value, 'the second execution waited on the first PING').to.be.a('number');
    expect(proxy.openConnections).to.equal(1);

    client.disconnect(); // the abandoned PING is rejected now; spec/setup.ts would catch it unhandled
    await proxy.waitUntilIdle(1000);
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('fails when the server kills its connection, then works again once ioredis has reconnected', async () => {
    const client = await ready(makeClient({ retryStrategy: () => 50 }));
    const check = new RedisHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

    const id = await client.client('ID');
    const admin = await ready(makeClient({ connectionName: 'pulsecheck-spec-admin' }));
    const closed = once(client, 'close');
    expect(await admin.client('KILL', 'ID', String(id))).to.equal(1);
    await closed;
    const failed = await runCheck(check, timeoutMs);
    recordTiming('Redis', 'connection killed (CLIENT KILL ID)', failed);
    expect(kinds(failed)).to.deep.equal(['unavailable']);
    expect(failed.output).to.match(/^unavailable: Redis client is not ready \(status: (close|reconnecting|connecting|connect)\)/);

    await ready(client);
    const recovered = await runCheck(check, workingTimeoutMs);
    recordTiming('Redis', 'recovered after the kill', recovered);
    expect(recovered.output).to.equal('working');
  });

  it('leaks nothing over 300 runs: no extra connection, no extra handle', async () => {
    const name = connectionName();
    const client = await ready(makeClient({ connectionName: name }));
    const check = new RedisHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const before = activeResources();
    const listeners = ['error', 'ready', 'close', 'end'].map((event) => client.listenerCount(event));

    const service = new HealthService([check], { defaultTimeoutMs: workingTimeoutMs });
    expect(await tallyOutputs(service, 300)).to.deep.equal([['working', 300]]);
    expect(['error', 'ready', 'close', 'end'].map((event) => client.listenerCount(event)), 'listeners on the client').to.deep.equal(listeners);
    expect(await listedConnections(name), 'connections Redis lists under our name').to.equal(1);
    expect(await settleResources(before), 'extra handles').to.deep.equal({});
  });
});
