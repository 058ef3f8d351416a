import { expect } from 'chai';
import type amqp from 'amqplib';
import type amqpCallback from 'amqplib/callback_api';
import { Container, inject } from 'inversify';
import { EventEmitter } from 'node:events';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import {
  AMQP_CONNECTION,
  RabbitMqHealthCheck,
  type AmqpCallbackChannelLike,
  type AmqpCallbackConnectionLike,
  type AmqpChannelLike,
  type AmqpConnectionLike,
  type AmqpConnectionSource,
} from 'pulsecheck/rabbitmq';
import { kinds, runCheck } from '../../support/runCheck.js';
import { deferred } from '../../support/deferred.js';

const watched = ['close', 'blocked', 'unblocked', 'disconnect', 'connect', 'connect-failed', 'reconnect-failed'];

/** An amqplib-shaped connection: an event emitter whose channels the spec scripts and counts. */
class FakeConnection extends EventEmitter implements AmqpConnectionLike {
  opened = 0;
  closed = 0;
  constructor(private readonly open: () => Promise<AmqpChannelLike> = () => Promise.resolve({ close: () => Promise.resolve() })) {
    super();
  }
  async createChannel(): Promise<AmqpChannelLike> {
    const channel = await this.open();
    this.opened += 1;
    return {
      close: async () => {
        await channel.close();
        this.closed += 1;
      },
    };
  }
  /** How many of the check's listeners are attached. */
  listening(): number {
    return watched.reduce((sum, event) => sum + this.listenerCount(event), 0);
  }
}

describe('RabbitMqHealthCheck', () => {
  describe('constructor', () => {
    it('rejects something that is neither a connection nor a function, naming the class and the token', () => {
      expect(() => new RabbitMqHealthCheck({} as unknown as AmqpConnectionSource)).to.throw(
        TypeError,
        /^RabbitMqHealthCheck: expected an amqplib connection.*AMQP_CONNECTION.*got an object/,
      );
      expect(() => new RabbitMqHealthCheck('amqp://localhost' as unknown as AmqpConnectionSource)).to.throw(TypeError, /got string/);
    });

    it('fits amqplib connections, recovering connections and providers (checked when the spec compiles)', () => {
      const plain = (model: amqp.ChannelModel): AmqpConnectionSource => model;
      const recovering = (model: amqp.RecoveringChannelModel): AmqpConnectionSource => model;
      const provider = (current: () => amqp.ChannelModel | undefined): AmqpConnectionSource => current;
      const callbacks = (connection: amqpCallback.Connection): AmqpConnectionSource => connection;
      const recoveringCallbacks = (connection: amqpCallback.RecoveringConnection): AmqpConnectionSource => connection;
      expect([plain, recovering, provider, callbacks, recoveringCallbacks]).to.have.length(5);
    });

    it('listens to a connection once, however many checks share it, and not to a provider', () => {
      const connection = new FakeConnection();
      new RabbitMqHealthCheck(connection);
      new RabbitMqHealthCheck(connection);
      expect(connection.listening()).to.equal(watched.length);
      const other = new FakeConnection();
      new RabbitMqHealthCheck(() => other);
      expect(other.listening()).to.equal(0);
    });
  });

  describe('check', () => {
    it('opens and closes a channel, and observes the round trip', async () => {
      const connection = new FakeConnection();
      const result = await runCheck(new RabbitMqHealthCheck(connection));
      expect(result.output).to.equal('working');
      expect([connection.opened, connection.closed]).to.deep.equal([1, 1]);
      expect(result.observations.latencyMs?.unit).to.equal('ms');
      expect(result.observations.latencyMs?.value).to.be.a('number').that.is.at.least(0);
    });

    it("reports a channel that cannot be opened as unavailable with the driver's reason", async () => {
      const connection = new FakeConnection(() => Promise.reject(new Error('No channels left to allocate')));
      const result = await runCheck(new RabbitMqHealthCheck(connection));
      expect(result.output).to.equal('unavailable: RabbitMQ could not open a channel: No channels left to allocate');
    });

    it('reports a channel that cannot be closed as unavailable', async () => {
      const connection = new FakeConnection(() => Promise.resolve({ close: () => Promise.reject(new Error('Channel ended, no reply will be forthcoming')) }));
      const result = await runCheck(new RabbitMqHealthCheck(connection));
      expect(result.output).to.equal('unavailable: RabbitMQ could not close the probe channel: Channel ended, no reply will be forthcoming');
    });

    it('reports a connection the broker closed at once, with its reason, and stops listening to it', async () => {
      const connection = new FakeConnection();
      const check = new RabbitMqHealthCheck(connection);
      connection.emit('close', new Error('Connection closed: 320 (CONNECTION-FORCED) with message "CONNECTION_FORCED - maintenance"'));
      const result = await runCheck(check);
      expect(result.output).to.equal('unavailable: RabbitMQ connection is closed: Connection closed: 320 (CONNECTION-FORCED) with message "CONNECTION_FORCED - maintenance"');
      expect(connection.opened).to.equal(0);
      expect(connection.listening()).to.equal(0);
    });

    it('reports a connection the application closed', async () => {
      const connection = new FakeConnection();
      const check = new RabbitMqHealthCheck(connection);
      connection.emit('close');
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ connection is closed: closed by the application');
    });

    it('reports a blocked connection until the broker unblocks it', async () => {
      const connection = new FakeConnection();
      const check = new RabbitMqHealthCheck(connection);
      connection.emit('blocked', 'low on memory');
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ blocked the connection: low on memory');
      expect(connection.opened, 'no channel opened on a blocked connection').to.equal(0);
      connection.emit('unblocked');
      expect((await runCheck(check)).output).to.equal('working');
    });

    it('follows a recovering connection: lost, failing to come back, back, given up', async () => {
      const connection = new FakeConnection();
      const check = new RabbitMqHealthCheck(connection);
      connection.emit('disconnect', new Error('Connection closed: 320 (CONNECTION-FORCED)'));
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ connection lost, reconnecting: Connection closed: 320 (CONNECTION-FORCED)');
      connection.emit('connect-failed', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5672'), { code: 'ECONNREFUSED' }));
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ connection failed, retrying: connect ECONNREFUSED 127.0.0.1:5672');
      connection.emit('connect');
      expect((await runCheck(check)).output).to.equal('working');
      connection.emit('reconnect-failed', new Error('connect ECONNREFUSED 127.0.0.1:5672'));
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ connection is closed: recovery gave up: connect ECONNREFUSED 127.0.0.1:5672');
      expect(connection.listening()).to.equal(0);
    });

    it('closes a channel that opens only after the timeout', async () => {
      const late = deferred<AmqpChannelLike>();
      const connection = new FakeConnection(() => late.promise);
      const result = await runCheck(new RabbitMqHealthCheck(connection), 30);
      expect(kinds(result)).to.deep.equal(['timeout']);
      late.resolve({ close: () => Promise.resolve() });
      await new Promise((resolve) => setImmediate(resolve));
      expect([connection.opened, connection.closed]).to.deep.equal([1, 1]);
    });

    it('does not open another channel while an abandoned open is pending', async () => {
      const late = deferred<AmqpChannelLike>();
      let calls = 0;
      const connection = new FakeConnection(() => {
        calls += 1;
        return calls === 1 ? late.promise : Promise.resolve({ close: () => Promise.resolve() });
      });
      const check = new RabbitMqHealthCheck(connection);
      expect(kinds(await runCheck(check, 30))).to.deep.equal(['timeout']);
      const second = await runCheck(check, 30);
      expect(kinds(second)).to.deep.equal(['timeout']);
      expect(second.observations.pendingOpenMs?.value).to.be.a('number').that.is.at.least(25);
      expect(calls).to.equal(1);
      late.reject(new Error('Connection closed (Error: Unexpected close)')); // fails late: observed, not unhandled
      expect((await runCheck(check)).output).to.equal('working');
      expect(calls).to.equal(2);
    });
  });

  describe('check, given an amqplib/callback_api connection', () => {
    /** A callback_api-shaped connection: createChannel(options, cb) returns the channel before the broker answers. */
    class FakeCallbackConnection extends EventEmitter implements AmqpCallbackConnectionLike {
      opened = 0;
      closed = 0;
      answers: ((error: Error | null) => void)[] = [];
      /** Whether the broker answers Channel.Open at once, fails it, or never answers. */
      constructor(private readonly broker: 'answers' | 'frozen' | Error = 'answers') {
        super();
      }
      createChannel(options: unknown, callback?: (error: Error | null, channel: AmqpCallbackChannelLike) => void): AmqpCallbackChannelLike {
        const cb = callback ?? (options as (error: Error | null, channel: AmqpCallbackChannelLike) => void);
        const channel: AmqpCallbackChannelLike = {
          close: (done) => {
            this.closed += 1;
            setImmediate(() => {
              done(null);
            });
          },
        };
        const answer = (error: Error | null): void => {
          if (error === null) this.opened += 1;
          cb(error, channel);
        };
        if (this.broker === 'answers') setImmediate(answer, null);
        else if (this.broker instanceof Error) setImmediate(answer, this.broker);
        else this.answers.push(answer);
        return channel; // returned at once, whatever the broker does: not proof of anything
      }
    }

    it('opens a channel with a callback, waits for the answer, closes it, and reports working', async () => {
      const connection = new FakeCallbackConnection();
      const result = await runCheck(new RabbitMqHealthCheck(connection));
      expect(result.output).to.equal('working');
      expect([connection.opened, connection.closed]).to.deep.equal([1, 1]);
      expect(result.observations.latencyMs?.unit).to.equal('ms');
    });

    it('times out, instead of passing, while the broker does not answer; closes the channel that opens late', async () => {
      const connection = new FakeCallbackConnection('frozen');
      const check = new RabbitMqHealthCheck(connection);
      expect(kinds(await runCheck(check, 30))).to.deep.equal(['timeout']);
      expect(connection.answers).to.have.length(1);
      connection.answers[0]!(null);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect([connection.opened, connection.closed]).to.deep.equal([1, 1]);
    });

    it("reports a channel the broker refuses as unavailable with the driver's reason", async () => {
      const result = await runCheck(new RabbitMqHealthCheck(new FakeCallbackConnection(new Error('Channel ended, no reply will be forthcoming'))));
      expect(result.output).to.equal('unavailable: RabbitMQ could not open a channel: Channel ended, no reply will be forthcoming');
    });

    it('never passes a createChannel() that returns a channel without a promise or a callback, and names what to bind', async () => {
      let closed = 0;
      const connection = {
        createChannel: () => ({
          close: () => {
            closed += 1;
          },
        }),
      } as unknown as AmqpConnectionLike;
      const result = await runCheck(new RabbitMqHealthCheck(connection));
      expect(kinds(result)).to.deep.equal(['unknown error']);
      expect(result.output).to.match(/RabbitMqHealthCheck: the connection's createChannel\(\) returned an object \(\[object Object\]\) instead of a promise.*amqplib connection \(from 'amqplib' or 'amqplib\/callback_api'\).*AMQP_CONNECTION/);
      expect(closed, 'the stray channel was closed').to.equal(1);
    });
  });

  describe('check, given a connection provider', () => {
    it('uses the connection the provider returns each time, listening to each once', async () => {
      const first = new FakeConnection();
      const second = new FakeConnection();
      let current: FakeConnection | undefined = first;
      const check = new RabbitMqHealthCheck(() => current);
      expect((await runCheck(check)).output).to.equal('working');
      first.emit('close', new Error('Connection closed: 320 (CONNECTION-FORCED)'));
      expect((await runCheck(check)).output).to.equal('unavailable: RabbitMQ connection is closed: Connection closed: 320 (CONNECTION-FORCED)');
      current = second;
      expect((await runCheck(check)).output).to.equal('working');
      expect((await runCheck(check)).output).to.equal('working');
      expect([first.opened, second.opened]).to.deep.equal([1, 2]);
      expect(second.listening()).to.equal(watched.length);
    });

    it('reports no connection, with the reason the provider throws', async () => {
      expect((await runCheck(new RabbitMqHealthCheck(() => undefined))).output).to.equal(
        'unavailable: no RabbitMQ connection (the connection provider returned undefined)',
      );
      const refused = new RabbitMqHealthCheck(() => {
        throw new Error('Handshake terminated by server: 403 (ACCESS-REFUSED)');
      });
      expect((await runCheck(refused)).output).to.equal('unavailable: no RabbitMQ connection: Handshake terminated by server: 403 (ACCESS-REFUSED)');
    });

    it('reports a provider that returns something else as a programming error', async () => {
      const check = new RabbitMqHealthCheck(() => ({}) as unknown as AmqpConnectionLike);
      const result = await runCheck(check);
      expect(result.output).to.equal('unknown error: TypeError: RabbitMqHealthCheck: the connection provider returned an object ([object Object]), not an object with a createChannel() method');
    });
  });

  describe('used as the guide shows', () => {
    it('runs from the decorator alone, and twice under two names and two tokens', async () => {
      const registry = new HealthCheckRegistry();
      const EVENTS = Symbol('EventsConnection');

      @registerHealthCheck({ name: 'QueueHealthCheck', registry })
      class QueueHealthCheck extends RabbitMqHealthCheck {}

      @registerHealthCheck({ name: 'EventBusHealthCheck', registry })
      class EventBusHealthCheck extends RabbitMqHealthCheck {
        constructor(@inject(EVENTS) connection: AmqpConnectionSource) {
          super(connection);
        }
      }

      const queue = new FakeConnection();
      const events = new FakeConnection();
      const container = new Container();
      container.bind(AMQP_CONNECTION).toConstantValue(queue);
      container.bind(EVENTS).toConstantValue(() => events);
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([
        ['QueueHealthCheck', 'working'],
        ['EventBusHealthCheck', 'working'],
      ]);
      expect([queue.opened, events.opened]).to.deep.equal([1, 1]);
      expect(container.get(QueueHealthCheck)).to.be.instanceOf(RabbitMqHealthCheck);
      expect(container.get(EventBusHealthCheck)).to.be.instanceOf(RabbitMqHealthCheck);
    });
  });
});
