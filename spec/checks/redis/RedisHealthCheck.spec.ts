import { expect } from 'chai';
import { Container, inject } from 'inversify';
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import sinon from 'sinon';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { REDIS_CLIENT, RedisHealthCheck, type RedisPingable } from 'pulsecheck/redis';
import { kinds, runCheck } from '../../support/runCheck.js';
import { deferred } from '../../support/deferred.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';

/** An ioredis-shaped client: an event emitter with a status and a scripted PING. */
class FakeRedis extends EventEmitter implements RedisPingable {
  status = 'ready';
  pings = 0;
  constructor(private readonly answer: () => Promise<string> = () => Promise.resolve('PONG')) {
    super();
  }
  ping(): Promise<string> {
    this.pings += 1;
    return this.answer();
  }
}

describe('RedisHealthCheck', () => {
  afterEach(() => {
    sinon.restore();
  });

  describe('constructor', () => {
    it('rejects something without ping() and status, naming the class and the token', () => {
      expect(() => new RedisHealthCheck({ ping: () => Promise.resolve('PONG') } as unknown as RedisPingable)).to.throw(
        TypeError,
        /^RedisHealthCheck: expected an ioredis Redis or Cluster.*REDIS_CLIENT.*got an object/,
      );
      expect(() => new RedisHealthCheck(null as unknown as RedisPingable)).to.throw(TypeError, /got null/);
    });

    it('accepts an ioredis client by type, without connecting it', () => {
      const client = new Redis({ lazyConnect: true });
      const pingable: RedisPingable = client;
      expect(new RedisHealthCheck(pingable)).to.be.instanceOf(RedisHealthCheck);
      expect(client.status).to.equal('wait');
      client.disconnect();
    });

    it('listens to a client once, however many checks share it', () => {
      const client = new FakeRedis();
      new RedisHealthCheck(client);
      new RedisHealthCheck(client);
      expect(client.listenerCount('error')).to.equal(1);
      expect(client.listenerCount('ready')).to.equal(1);
      expect(client.listenerCount('close')).to.equal(1);
      expect(client.listenerCount('end')).to.equal(1);
    });
  });

  describe('check', () => {
    it('reports working when PING answers PONG, and observes the latency', async () => {
      const client = new FakeRedis();
      const result = await runCheck(new RedisHealthCheck(client));
      expect(result.output).to.equal('working');
      expect(client.pings).to.equal(1);
      expect(result.observations.latencyMs?.unit).to.equal('ms');
      expect(result.observations.latencyMs?.value).to.be.a('number').that.is.at.least(0);
    });

    it('reports a client that is not ready as unavailable at once, without sending PING', async () => {
      const client = new FakeRedis();
      client.status = 'reconnecting';
      const result = await runCheck(new RedisHealthCheck(client));
      expect(result.output).to.equal('unavailable: Redis client is not ready (status: reconnecting)');
      expect(client.pings).to.equal(0);
    });

    it('names the last connection error while the client is not ready, and forgets it once ready', async () => {
      const client = new FakeRedis();
      client.on('error', () => undefined); // the application's own listener
      const check = new RedisHealthCheck(client);
      client.status = 'reconnecting';
      client.emit('error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' }));
      expect((await runCheck(check)).output).to.equal('unavailable: Redis client is not ready (status: reconnecting); last error: connect ECONNREFUSED 127.0.0.1:6390');

      client.emit('ready');
      client.status = 'connecting';
      expect((await runCheck(check)).output).to.equal('unavailable: Redis client is not ready (status: connecting)');
    });

    it("keeps ioredis's report of an unhandled error event when the application has no error listener", () => {
      const printed = sinon.stub(console, 'error');
      const alone = new FakeRedis();
      new RedisHealthCheck(alone);
      alone.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6390'));
      expect(printed.callCount).to.equal(1);
      expect(printed.firstCall.args[0]).to.equal('[ioredis] Unhandled error event:');
      expect(String(printed.firstCall.args[1])).to.match(/^Error: connect ECONNREFUSED 127\.0\.0\.1:6390\n/);

      const listened = new FakeRedis();
      listened.on('error', () => undefined);
      new RedisHealthCheck(listened);
      listened.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6390'));
      expect(printed.callCount, 'the application listens: nothing printed').to.equal(1);
    });

    it("reports a failed PING as unavailable with the driver's reason", async () => {
      const client = new FakeRedis(() => Promise.reject(new Error('NOAUTH Authentication required.')));
      const result = await runCheck(new RedisHealthCheck(client));
      expect(result.output).to.equal('unavailable: Redis PING failed: NOAUTH Authentication required.');
    });

    it('reports a PING that throws synchronously as unavailable', async () => {
      const client: RedisPingable = {
        status: 'ready',
        ping: () => {
          throw new Error('Connection is closed.');
        },
      };
      const result = await runCheck(new RedisHealthCheck(client));
      expect(result.output).to.equal('unavailable: Redis PING failed: Connection is closed.');
    });

    it('reports an answer other than PONG as an unexpected result', async () => {
      const result = await runCheck(new RedisHealthCheck(new FakeRedis(() => Promise.resolve('LOADING'))));
      expect(result.output).to.equal('unexpected result: Redis answered PING with "LOADING" instead of "PONG"');
      const odd = await runCheck(new RedisHealthCheck(new FakeRedis(() => Promise.resolve(42 as unknown as string))));
      expect(odd.output).to.equal('unexpected result: Redis answered PING with number instead of "PONG"');
    });

    it('times out on a PING that never answers, and does not send another one behind it', async () => {
      const hung = deferred<string>();
      let calls = 0;
      const client = new FakeRedis(() => {
        calls += 1;
        return calls === 1 ? hung.promise : Promise.resolve('PONG');
      });
      const check = new RedisHealthCheck(client);

      expect(kinds(await runCheck(check, 30))).to.deep.equal(['timeout']);
      const second = await runCheck(check, 30);
      expect(kinds(second)).to.deep.equal(['timeout']);
      expect(second.observations.pendingPingMs?.value).to.be.a('number').that.is.at.least(25);
      expect(calls, 'PINGs sent while the first one hangs').to.equal(1);

      hung.reject(new Error('Command timed out')); // settles late: observed, not unhandled
      expect((await runCheck(check)).output).to.equal('working');
      expect(calls).to.equal(2);
    });
  });

  describe('while the client makes its first connection', () => {
    /** A fresh client: created in `status`, connecting in the background. */
    function connectingClient(status: string): FakeRedis {
      const client = new FakeRedis();
      client.status = status;
      client.on('error', () => undefined); // the application's own listener
      return client;
    }

    /** Listeners on the client besides the check's own four (error, ready, close, end) and the application's error listener. */
    function extraListeners(client: FakeRedis): number {
      return ['ready', 'error', 'close', 'end'].reduce((sum, event) => sum + client.listenerCount(event), 0) - 5;
    }

    for (const status of ['connecting', 'connect']) {
      it(`waits for a client in status ${status} to become ready, then PINGs, observing the wait, and removes its listeners`, async () => {
        const client = connectingClient(status);
        const check = new RedisHealthCheck(client);
        setTimeout(() => {
          client.status = 'ready';
          client.emit('ready');
        }, 30);
        const result = await runCheck(check, 2000);
        expect(result.output).to.equal('working');
        expect(client.pings).to.equal(1);
        expect(result.observations.statusAtStart?.value).to.equal(status);
        expect(result.observations.connectWaitMs?.value).to.be.a('number').that.is.at.least(20);
        expect(extraListeners(client), 'listeners left on the client').to.equal(0);
      });
    }

    it('fails with the connection error as soon as the first attempt fails, without PING', async () => {
      const client = connectingClient('connecting');
      const check = new RedisHealthCheck(client);
      setTimeout(() => {
        client.emit('error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' }));
      }, 10);
      const result = await runCheck(check, 2000);
      expect(result.output).to.equal('unavailable: Redis client is not ready (status: connecting); last error: connect ECONNREFUSED 127.0.0.1:6390');
      expect(result.durationMs).to.be.below(1000);
      expect(client.pings).to.equal(0);
      expect(extraListeners(client)).to.equal(0);
    });

    it('fails when the client is closed or ended while connecting', async () => {
      for (const [event, status] of [['close', 'reconnecting'], ['end', 'end']] as const) {
        const client = connectingClient('connect');
        const check = new RedisHealthCheck(client);
        setTimeout(() => {
          client.status = status;
          client.emit(event);
        }, 10);
        expect((await runCheck(check, 2000)).output).to.equal(`unavailable: Redis client is not ready (status: ${status})`);
        expect(extraListeners(client)).to.equal(0);
      }
    });

    it('times out on a client that never becomes ready, and removes its listeners at the timeout', async () => {
      const client = connectingClient('connect');
      const result = await runCheck(new RedisHealthCheck(client), 40);
      expect(kinds(result)).to.deep.equal(['timeout']);
      expect(result.observations.statusAtStart?.value).to.equal('connect');
      expect(client.pings).to.equal(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(extraListeners(client)).to.equal(0);
    });

    it('leaves no listener behind over 300 executions that time out', async () => {
      const client = connectingClient('connecting');
      const service = new HealthService([new RedisHealthCheck(client)], { defaultTimeoutMs: 1 });
      expect(await tallyOutputs(service, 300)).to.deep.equal([['timeout: did not finish within 1 ms', 300]]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(extraListeners(client)).to.equal(0);
    });

    it('lets a lazy client (lazyConnect, status wait) connect on the PING itself', async () => {
      const client = new FakeRedis(() => {
        client.status = 'ready';
        return Promise.resolve('PONG');
      });
      client.status = 'wait';
      const result = await runCheck(new RedisHealthCheck(client));
      expect(result.output).to.equal('working');
      expect(result.observations.statusAtStart?.value).to.equal('wait');
      expect(client.pings).to.equal(1);
    });

    it('fails at once, with the last error, once the client has failed and is connecting again', async () => {
      const client = connectingClient('connecting');
      const check = new RedisHealthCheck(client);
      client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6390'));
      client.status = 'connecting'; // the retry
      const result = await runCheck(check, 2000);
      expect(result.output).to.equal('unavailable: Redis client is not ready (status: connecting); last error: connect ECONNREFUSED 127.0.0.1:6390');
      expect(result.durationMs).to.be.below(1000);
      expect(extraListeners(client)).to.equal(0);
    });

    it('fails at once when a client that was ready is connecting again, though it reported no error', async () => {
      const client = connectingClient('connecting');
      const check = new RedisHealthCheck(client);
      client.status = 'ready';
      client.emit('ready');
      client.status = 'close';
      client.emit('close');
      client.status = 'connecting';
      expect((await runCheck(check, 2000)).output).to.equal('unavailable: Redis client is not ready (status: connecting)');
    });

    it('fails at once for a client it cannot wait on (no removeListener)', async () => {
      const client: RedisPingable = { status: 'connecting', ping: () => Promise.resolve('PONG'), on: () => undefined };
      expect((await runCheck(new RedisHealthCheck(client), 2000)).output).to.equal('unavailable: Redis client is not ready (status: connecting)');
    });
  });

  describe('used as the guide shows', () => {
    it('runs from the decorator alone, and twice under two names and two tokens', async () => {
      const registry = new HealthCheckRegistry();
      const SESSIONS = Symbol('SessionsRedis');

      @registerHealthCheck({ name: 'CacheHealthCheck', registry })
      class CacheHealthCheck extends RedisHealthCheck {}

      @registerHealthCheck({ name: 'SessionStoreHealthCheck', registry })
      class SessionStoreHealthCheck extends RedisHealthCheck {
        constructor(@inject(SESSIONS) client: RedisPingable) {
          super(client);
        }
      }

      const cache = new FakeRedis();
      const sessions = new FakeRedis();
      sessions.status = 'end';
      const container = new Container();
      container.bind(REDIS_CLIENT).toConstantValue(cache);
      container.bind(SESSIONS).toConstantValue(sessions);
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([
        ['CacheHealthCheck', 'working'],
        ['SessionStoreHealthCheck', 'unavailable: Redis client is not ready (status: end)'],
      ]);
      expect(cache.pings).to.equal(1);
      expect(container.get(CacheHealthCheck)).to.be.instanceOf(RedisHealthCheck);
      expect(container.get(SessionStoreHealthCheck)).to.be.instanceOf(RedisHealthCheck);
    });
  });
});
