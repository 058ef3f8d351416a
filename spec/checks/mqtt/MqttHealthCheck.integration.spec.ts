import { expect } from 'chai';
import { Container } from 'inversify';
import mqtt from 'mqtt';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { MQTT_CLIENT, MqttHealthCheck, type MqttClientLike } from 'pulsecheck/mqtt';
import { assertCheckConforms } from 'pulsecheck/testing';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { margin, timeoutMs, uniqueConnectionName, workingTimeoutMs } from '../../support/integrationBudget.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';
import { recordTiming } from '../../support/timings.js';
import { conformance, hostAndPort } from '../../testing/conformance/budget.js';

const target = (): { host: string; port: number } => hostAndPort(serviceUrl('mqtt'), 1883);

/** Every listener the client holds, by event, to prove the check adds none that outlives a run. */
function listenerCounts(client: mqtt.MqttClient): Record<string, number> {
  return Object.fromEntries(client.eventNames().map((event) => [String(event), client.listenerCount(event)]));
}

describe('MqttHealthCheck against Mosquitto (integration)', function () {
  this.timeout(30_000);
  const clients: mqtt.MqttClient[] = [];
  const closers: (() => Promise<void>)[] = [];

  before(async function () {
    await requireService(this, 'mqtt');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.endAsync(true);
    for (const close of closers.splice(0)) await close();
  });

  function open(port = target().port, host = target().host, options: mqtt.IClientOptions = {}): mqtt.MqttClient {
    const client = mqtt.connect({ host, port, clientId: uniqueConnectionName(), reconnectPeriod: 100, connectTimeout: 2000, ...options });
    client.on('error', () => undefined); // the application's own listener
    clients.push(client);
    return client;
  }

  async function connected(client: mqtt.MqttClient): Promise<mqtt.MqttClient> {
    if (!client.connected) await new Promise((resolve) => client.once('connect', resolve));
    return client;
  }

  it('reports working with the PUBACK round trip, from the decorator alone; a fresh client still connecting is waited for', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'MqttHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class TelemetryHealthCheck extends MqttHealthCheck {}

    const client = open();
    expect(client.connected, 'still connecting').to.equal(false);
    const container = new Container();
    container.bind(MQTT_CLIENT).toConstantValue(client);
    container.load(healthModule({ registry }));
    const first = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('MQTT', 'fresh client (connecting)', first);
    expect(first.output).to.equal('working');
    expect(first.observations.state).to.deep.equal({ value: 'connecting' });
    expect(first.observations.connectWaitMs?.unit).to.equal('ms');
    const second = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('MQTT', 'healthy', second);
    expect(second.output).to.equal('working');
    expect(second.observations.latencyMs?.unit).to.equal('ms');
    expect(container.get(TelemetryHealthCheck)).to.be.instanceOf(MqttHealthCheck);
  });

  it('reports a refused broker on the first connection, and then reconnecting, as unavailable', async () => {
    const port = await closedPort();
    const client = open(port, '127.0.0.1', { reconnectPeriod: 1000 });
    const check = new MqttHealthCheck(client);
    const first = await runCheck(check, workingTimeoutMs);
    recordTiming('MQTT', 'refused', first);
    expect(first.output).to.match(/^unavailable: MQTT client (could not connect: .+|is reconnecting \(not connected to the broker\))$/);
    const later = await runCheck(check, timeoutMs);
    expect(later.output).to.equal('unavailable: MQTT client is reconnecting (not connected to the broker)');
  });

  it('times out on a broker that accepts and never answers (CONNACK never comes)', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const client = open(hung.port, '127.0.0.1', { reconnectPeriod: 0, connectTimeout: 1000 });
    const result = await runCheck(new MqttHealthCheck(client), timeoutMs);
    recordTiming('MQTT', 'hung broker (connecting)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
  });

  it('times out when an established connection stops answering, queues no second publish, then recovers', async () => {
    const proxy = await StallingProxy.start(target());
    closers.push(() => proxy.close());
    const client = await connected(open(proxy.port, '127.0.0.1', { keepalive: 0 }));
    const check = new MqttHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    proxy.stall();
    const hung = await runCheck(check, timeoutMs);
    recordTiming('MQTT', 'hung connection (PUBACK)', hung);
    expect(kinds(hung)).to.deep.equal(['timeout']);
    const again = await runCheck(check, timeoutMs);
    expect(again.observations.pendingPublishMs?.value).to.be.at.least(timeoutMs - 50);
    proxy.resume();
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
  });

  it('reports the connection cut (server side) as reconnecting, then works once the client has reconnected', async () => {
    const proxy = await StallingProxy.start(target());
    closers.push(() => proxy.close());
    const client = await connected(open(proxy.port, '127.0.0.1', { reconnectPeriod: 200 }));
    const check = new MqttHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cut = await runCheck(check, timeoutMs);
    recordTiming('MQTT', 'connection cut (proxy)', cut);
    expect(cut.output).to.equal('unavailable: MQTT client is reconnecting (not connected to the broker)');
    await new Promise((resolve) => client.once('connect', resolve));
    const recovered = await runCheck(check, workingTimeoutMs);
    recordTiming('MQTT', 'recovered after the cut', recovered);
    expect(recovered.output).to.equal('working');
  });

  it('reports an ended client as unavailable', async () => {
    const client = await connected(open());
    await client.endAsync();
    expect((await runCheck(new MqttHealthCheck(client))).output).to.equal('unavailable: MQTT client was ended (end() was called)');
  });

  it('leaks nothing over 300 runs: no socket, timer, or listener on the client', async () => {
    const client = await connected(open());
    const check = new MqttHealthCheck(client);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const listeners = listenerCounts(client);
    const before = activeResources();
    expect(await tallyOutputs(new HealthService([check], { defaultTimeoutMs: workingTimeoutMs }), 300)).to.deep.equal([['working', 300]]);
    expect(await settleResources(before), 'extra handles').to.deep.equal({});
    expect(listenerCounts(client)).to.deep.equal(listeners);
  });

  it('conforms under every fault (assertCheckConforms)', async () => {
    await assertCheckConforms({
      ...conformance,
      target: target(),
      create: async ({ host, port }) => {
        const client = await mqtt.connectAsync({ host, port, clientId: uniqueConnectionName(), reconnectPeriod: 100, connectTimeout: 1000 });
        client.on('error', () => undefined);
        return { check: new MqttHealthCheck(client), dispose: () => client.endAsync(true) };
      },
    });
  });
});

describe('MqttHealthCheck, constructed', () => {
  it('rejects what is not an mqtt client, and a topic with wildcards', () => {
    class Telemetry extends MqttHealthCheck {}
    expect(() => new Telemetry({} as MqttClientLike)).to.throw(TypeError, /^Telemetry: expected an mqtt client \(what mqtt\.connect\(\) returns, bound under MQTT_CLIENT\), got an object/);
    const fake: MqttClientLike = { connected: true, publish: () => undefined, on: () => undefined, removeListener: () => undefined };
    expect(() => new Telemetry(fake, { topic: 'health/#' })).to.throw(TypeError, /^Telemetry: topic must be a non-empty MQTT topic name without wildcards/);
    expect(MqttHealthCheck.traits).to.deep.equal({ componentType: 'component', externalDependency: true });
  });
});
