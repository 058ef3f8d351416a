import { expect } from 'chai';
import amqp from 'amqplib';
import amqpCallback from 'amqplib/callback_api';
import { Container } from 'inversify';
import { once } from 'node:events';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { AMQP_CONNECTION, RabbitMqHealthCheck } from 'pulsecheck/rabbitmq';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { closeConnection, findConnection, rabbitmqctlAvailable } from '../../support/rabbitmqctl.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { recordTiming } from '../../support/timings.js';
import { margin, timeoutMs, uniqueConnectionName as connectionName, workingTimeoutMs } from '../../support/integrationBudget.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';


/** The service URL with another port and/or password. */
function urlWith(changes: { port?: number; password?: string }): string {
  const url = new URL(serviceUrl('rabbitmq'));
  if (changes.port !== undefined) {
    url.hostname = '127.0.0.1';
    url.port = String(changes.port);
  }
  if (changes.password !== undefined) url.password = changes.password;
  return url.toString();
}

/** The channels amqplib holds open on a connection (its channel table, slot 0 being the connection's own). */
function openChannels(connection: amqp.ChannelModel): number {
  const table = (connection as unknown as { connection: { channels: unknown[] } }).connection.channels;
  return table.slice(1).filter((slot) => slot !== null && slot !== undefined).length;
}

describe('RabbitMqHealthCheck against RabbitMQ (integration)', function () {
  this.timeout(60_000);
  const closers: (() => Promise<void>)[] = [];

  before(async function () {
    await requireService(this, 'rabbitmq');
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function connect(name = connectionName(), url = serviceUrl('rabbitmq')): Promise<amqp.ChannelModel> {
    const connection = await amqp.connect(url, { clientProperties: { connection_name: name } });
    connection.on('error', () => undefined); // the application's listener: a forced close emits 'error' before 'close'
    let open = true;
    connection.on('close', () => {
      open = false;
    });
    closers.push(async () => {
      if (open) await connection.close();
    });
    return connection;
  }

  async function connectRecovering(url: string, name = connectionName(), initialDelay = 50): Promise<amqp.RecoveringChannelModel> {
    const connection = await amqp.connect(url, {
      clientProperties: { connection_name: name },
      timeout: 1000,
      recovery: { waitForConnect: false, initialDelay, maxDelay: Math.max(200, initialDelay) },
    });
    connection.on('error', () => undefined);
    closers.push(() => connection.close());
    return connection;
  }

  it('reports working from the decorator alone, with the latency, and closes its channel', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'QueueHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class QueueHealthCheck extends RabbitMqHealthCheck {}

    const connection = await connect();
    const container = new Container();
    container.bind(AMQP_CONNECTION).toConstantValue(connection);
    container.load(healthModule({ registry }));
    const result = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('RabbitMQ', 'healthy', result);
    expect(result.name).to.equal('QueueHealthCheck');
    expect(result.output).to.equal('working');
    expect(result.observations.latencyMs?.unit).to.equal('ms');
    expect(result.observations.latencyMs?.value).to.be.a('number').above(0);
    expect(openChannels(connection)).to.equal(0);
    expect(container.get(QueueHealthCheck)).to.be.instanceOf(RabbitMqHealthCheck);
  });

  it("reports a refused connection as unavailable at once, with the driver's reason and no password", async () => {
    const port = await closedPort();
    const connection = await connectRecovering(urlWith({ port, password: 's3cret-pw' }));
    const check = new RabbitMqHealthCheck(connection);
    await once(connection, 'connect-failed');
    const result = await runCheck(check, timeoutMs);
    recordTiming('RabbitMQ', 'refused (recovering connection)', result);
    expect(result.output).to.equal(`unavailable: RabbitMQ connection failed, retrying: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(result.output).to.not.include('s3cret-pw');
    expect(result.durationMs).to.be.below(timeoutMs);

    let lastError: unknown;
    await amqp.connect(urlWith({ port, password: 's3cret-pw' })).catch((error: unknown) => {
      lastError = error;
    });
    const provided = await runCheck(
      new RabbitMqHealthCheck(() => {
        throw lastError;
      }),
      timeoutMs,
    );
    recordTiming('RabbitMQ', 'refused (provider)', provided);
    expect(provided.output).to.equal(`unavailable: no RabbitMQ connection: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('times out on a server that accepts and never answers, and leaves no socket once amqplib gives up', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const connection = await connectRecovering(urlWith({ port: hung.port }));
    const result = await runCheck(new RabbitMqHealthCheck(connection), timeoutMs);
    recordTiming('RabbitMQ', 'hung server (handshake)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    await connection.close(); // rejects the abandoned channel request: observed, not unhandled
    await hung.waitUntilIdle(3000); // amqplib's own connect timeout (1000 ms here) lets the socket go
  });

  it('times out when an established connection hangs, closes the channel that opens after the timeout, and leaves no socket', async () => {
    const target = new URL(serviceUrl('rabbitmq'));
    const proxy = await StallingProxy.start({ host: target.hostname, port: Number(target.port || 5672) });
    closers.push(() => proxy.close());
    const connection = await connect(connectionName(), urlWith({ port: proxy.port }));
    const check = new RabbitMqHealthCheck(connection);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

    proxy.stall();
    const result = await runCheck(check, timeoutMs);
    recordTiming('RabbitMQ', 'hung connection (channel open)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    expect(openChannels(connection), 'the channel being opened').to.equal(1);

    proxy.resume(); // the broker answers the held Channel.Open now; the check closes that channel
    const deadline = performance.now() + 3000;
    while (openChannels(connection) > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openChannels(connection), 'channels left open').to.equal(0);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

    await connection.close();
    await proxy.waitUntilIdle(1000);
  });

  describe('with an amqplib/callback_api connection', () => {
    function connectWithCallbacks(url = serviceUrl('rabbitmq')): Promise<amqpCallback.Connection> {
      return new Promise((resolve, reject) => {
        amqpCallback.connect(url, { clientProperties: { connection_name: connectionName() } }, (error, connection) => {
          if (error !== null) {
            reject(error);
            return;
          }
          connection.on('error', () => undefined);
          let open = true;
          connection.on('close', () => {
            open = false;
          });
          closers.push(
            () =>
              new Promise<void>((done) => {
                if (open) {
                  connection.close(() => {
                    done();
                  });
                }
                else done();
              }),
          );
          resolve(connection);
        });
      });
    }

    it('reports working after a real round trip, and closes its channel', async () => {
      const connection = await connectWithCallbacks();
      const result = await runCheck(new RabbitMqHealthCheck(connection), workingTimeoutMs);
      recordTiming('RabbitMQ', 'healthy (callback_api)', result);
      expect(result.output).to.equal('working');
      expect(openChannels(connection as unknown as amqp.ChannelModel)).to.equal(0);
    });

    it('times out, never passes, while the broker is frozen; closes the late channel once it answers', async () => {
      const target = new URL(serviceUrl('rabbitmq'));
      const proxy = await StallingProxy.start({ host: target.hostname, port: Number(target.port || 5672) });
      closers.push(() => proxy.close());
      const connection = await connectWithCallbacks(urlWith({ port: proxy.port }));
      closers.push(() => {
        proxy.resume(); // runs first (closers run in reverse): lets the connection close even if an assertion failed while stalled
        return Promise.resolve();
      });
      const check = new RabbitMqHealthCheck(connection);
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

      proxy.stall();
      const frozen = await runCheck(check, timeoutMs);
      recordTiming('RabbitMQ', 'frozen broker (callback_api)', frozen);
      expect(kinds(frozen)).to.deep.equal(['timeout']);
      expect(frozen.durationMs).to.be.at.least(timeoutMs - 1).and.below(timeoutMs + margin);

      proxy.resume();
      const deadline = performance.now() + 3000;
      while (openChannels(connection as unknown as amqp.ChannelModel) > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(openChannels(connection as unknown as amqp.ChannelModel), 'channels left open').to.equal(0);
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    });

    it('times out against a server that accepts and never answers after the handshake began (HungServer behind a recovering callback connection)', async () => {
      const hung = await HungServer.start();
      closers.push(() => hung.close());
      const connection = amqpCallback.connect(urlWith({ port: hung.port }), { timeout: 1000, recovery: { waitForConnect: false, initialDelay: 50, maxDelay: 200 } });
      connection.on('error', () => undefined);
      const result = await runCheck(new RabbitMqHealthCheck(connection), timeoutMs);
      recordTiming('RabbitMQ', 'hung server (callback_api, recovering)', result);
      expect(kinds(result)).to.deep.equal(['timeout']);
      await new Promise<void>((done) => {
        connection.close(() => {
          done();
        });
      });
      await hung.waitUntilIdle(3000);
    });
  });

  it('reports a wrong password as unavailable with a readable reason', async () => {
    const connection = await connectRecovering(urlWith({ password: 's3cret-wrong-pw' }));
    const check = new RabbitMqHealthCheck(connection);
    await once(connection, 'connect-failed');
    const result = await runCheck(check, timeoutMs);
    recordTiming('RabbitMQ', 'wrong credentials', result);
    expect(result.output).to.match(/^unavailable: RabbitMQ connection failed, retrying: .*ACCESS.REFUSED/);
    expect(result.output).to.not.include('s3cret-wrong-pw');
  });

  describe('when the broker closes the connection', () => {
    /** Closes the connection from the broker's side: rabbitmqctl when usable here, else a proxy cutting the socket. */
    async function killable(): Promise<{ url: string; kill: (name: string) => Promise<string> }> {
      if (await rabbitmqctlAvailable()) {
        return {
          url: serviceUrl('rabbitmq'),
          kill: async (name) => {
            await closeConnection(name, 'pulsecheck spec: closed by the broker');
            return 'rabbitmqctl close_connection';
          },
        };
      }
      const target = new URL(serviceUrl('rabbitmq'));
      const proxy = await StallingProxy.start({ host: target.hostname, port: Number(target.port || 5672) });
      closers.push(() => proxy.close());
      console.warn('      rabbitmqctl is not usable here: the connection is cut by a proxy instead');
      return {
        url: urlWith({ port: proxy.port }),
        kill: () => {
          proxy.cut();
          return Promise.resolve('proxy cut');
        },
      };
    }

    it('fails, then works again once the application has reconnected (connection provider)', async () => {
      const { url, kill } = await killable();
      const name = connectionName();
      let current: amqp.ChannelModel | undefined = await connect(name, url);
      const check = new RabbitMqHealthCheck(() => current);
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

      const closed = once(current, 'close');
      const how = await kill(name);
      await closed;
      const failed = await runCheck(check, timeoutMs);
      recordTiming('RabbitMQ', `connection closed by the broker (${how}), provider`, failed);
      expect(kinds(failed)).to.deep.equal(['unavailable']);
      expect(failed.output).to.match(/^unavailable: RabbitMQ connection is closed: /);
      if (how.startsWith('rabbitmqctl')) expect(failed.output).to.include('CONNECTION_FORCED - pulsecheck spec: closed by the broker');

      current = await connect(name, url); // what the application's reconnect logic does
      const recovered = await runCheck(check, workingTimeoutMs);
      recordTiming('RabbitMQ', 'recovered after reconnecting (provider)', recovered);
      expect(recovered.output).to.equal('working');
    });

    it("fails, then works again once amqplib's recovery has reconnected (recovering connection)", async () => {
      const { url, kill } = await killable();
      const name = connectionName();
      // Recovery waits 1.5 s, so the check runs while the connection is down even on a busy machine.
      const connection = await connectRecovering(url, name, 1500);
      await connection.waitForConnect();
      const check = new RabbitMqHealthCheck(connection);
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');

      const lost = once(connection, 'disconnect');
      const how = await kill(name);
      await lost;
      const failed = await runCheck(check, timeoutMs);
      recordTiming('RabbitMQ', `connection closed by the broker (${how}), recovering`, failed);
      expect(failed.output).to.match(/^unavailable: RabbitMQ connection lost, reconnecting: /);

      await once(connection, 'connect');
      const recovered = await runCheck(check, workingTimeoutMs);
      recordTiming('RabbitMQ', "recovered by amqplib's recovery", recovered);
      expect(recovered.output).to.equal('working');
    });
  });

  it('leaks nothing over 300 runs: no channel left open, no extra listener, no extra handle', async () => {
    const name = connectionName();
    const connection = await connect(name);
    const check = new RabbitMqHealthCheck(connection);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const before = activeResources();
    const listeners = connection.eventNames().map((event) => [event, connection.listenerCount(event)]);

    const service = new HealthService([check], { defaultTimeoutMs: workingTimeoutMs });
    expect(await tallyOutputs(service, 300)).to.deep.equal([['working', 300]]);
    expect(openChannels(connection), 'channels amqplib holds open').to.equal(0);
    expect(connection.eventNames().map((event) => [event, connection.listenerCount(event)]), 'listeners').to.deep.equal(listeners);
    if (await rabbitmqctlAvailable()) {
      expect(await findConnection(name), 'the broker: one connection, no channel').to.deep.include({ channels: 0 });
    }
    expect(await settleResources(before), 'extra handles').to.deep.equal({});
  });
});
