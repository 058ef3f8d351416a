import { inject, injectable } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { ServiceReturnedUnexpectedResult } from '../../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { describeKind } from '../shared/describeKind.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { OneAtATime } from '../shared/OneAtATime.js';
import { untilAborted } from '../shared/untilAborted.js';
import { untilEvent, type RemovableEmitter } from '../shared/untilEvent.js';
import type { RedisPingable } from './RedisPingable.js';
import { REDIS_CLIENT } from './tokens.js';
import { connectingStatuses, trackClientErrors, type ClientErrors } from './trackClientErrors.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

/**
 * Checks a Redis server through the application's own ioredis client
 * (`Redis` or `Cluster`, or anything {@link RedisPingable}), injected under
 * {@link REDIS_CLIENT}: it sends `PING`, expects `PONG`, and observes the round
 * trip as `latencyMs` (ms).
 *
 * A client still making its first connection (a fresh `new Redis(url)`,
 * status `connecting` or `connect`, no connection error yet) is waited for
 * until it is `ready`, within the check's timeout: a module that creates its
 * client at load time, or a startup probe right after boot, is not failed
 * against a healthy Redis (`connectWaitMs` observes the wait). A lazy client
 * (`lazyConnect`, status `wait`) is connected by the `PING` itself, as by the
 * application's first command. Once the client has had a connection error
 * or lost its connection (status `reconnecting`, `close`, `end`, or
 * `connecting` again), it reports `unavailable` at once, with the status and
 * the last connection error, instead of queueing the `PING` in ioredis's
 * offline queue until the timeout.
 * A `PING` abandoned at the timeout stays in ioredis's command queue until the
 * server answers or the connection drops (set the client's `commandTimeout`
 * to bound that); later executions wait for it instead of adding more.
 *
 * `PING` proves the server answers on this connection; it does not prove
 * that a dataset is present, that memory is available, or (on a cluster) that
 * every node is up.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass. To check a second Redis, give the subclass its own constructor
 * and token.
 *
 * @example
 * ```ts
 * import { Container, inject } from 'inversify';
 * import { Redis } from 'ioredis';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { REDIS_CLIENT, RedisHealthCheck, type RedisPingable } from 'pulsecheck/redis';
 *
 * @registerHealthCheck({ name: 'CacheHealthCheck', timeoutMs: 300 })
 * class CacheHealthCheck extends RedisHealthCheck {}
 *
 * const SESSIONS = Symbol('SessionsRedis');
 *
 * @registerHealthCheck({ name: 'SessionStoreHealthCheck' })
 * class SessionStoreHealthCheck extends RedisHealthCheck {
 *   constructor(@inject(SESSIONS) client: RedisPingable) {
 *     super(client);
 *   }
 * }
 *
 * const container = new Container();
 * container.bind(REDIS_CLIENT).toConstantValue(new Redis('redis://127.0.0.1:6379/0'));
 * container.bind(SESSIONS).toConstantValue(new Redis('redis://127.0.0.1:6379/1'));
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * ```
 */
@injectable()
export class RedisHealthCheck extends HealthCheck {
  /** A `datastore`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };

  readonly #client: RedisPingable;
  readonly #errors: ClientErrors | undefined;
  readonly #pings = new OneAtATime();

  /**
   * @param client - The application's ioredis client, or another
   *   {@link RedisPingable}; the check never connects or quits it.
   * @throws TypeError when `client` has no `ping` method or no `status`.
   */
  constructor(@inject(REDIS_CLIENT) client: RedisPingable) {
    super();
    const candidate = client as Partial<RedisPingable> | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.ping !== 'function' || !('status' in candidate)) {
      throw new TypeError(
        `${new.target.name}: expected an ioredis Redis or Cluster, or an object with a status and a ping() method (bound under REDIS_CLIENT), got ${describeKind(client)}`,
      );
    }
    this.#client = client;
    this.#errors = trackClientErrors(client);
  }

  /**
   * Sends `PING` once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when the client is not ready or `PING` fails.
   * @throws ServiceReturnedUnexpectedResult when the answer is not `PONG`.
   */
  async check(context: CheckContext): Promise<void> {
    const { signal } = context;
    const client = this.#client;
    const status = String(client.status);
    if (status !== 'ready') await this.#untilReady(context, status);
    const { promise: pinging, startedAt } = await this.#pings.start(context, 'pendingPingMs', () => client.ping());
    let reply: unknown;
    try {
      reply = await untilAborted(pinging, signal);
    } catch (error) {
      throw signal.aborted ? error : new ServiceUnavailable(`Redis PING failed: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');
    if (reply !== 'PONG') {
      throw new ServiceReturnedUnexpectedResult(`Redis answered PING with ${describeReply(reply)} instead of "PONG"`);
    }
  }

  /**
   * Returns once the PING may be sent, or throws: a client still making its
   * first connection is waited for (until `ready`, or the first `error`,
   * `close` or `end`, within the signal); a lazy client (`wait`) is left to
   * connect on the PING itself; any other status fails at once.
   */
  async #untilReady(context: CheckContext, status: string): Promise<void> {
    const client = this.#client;
    const errors = this.#errors;
    if (errors?.firstConnection !== true || !connectingStatuses.has(status)) throw notReady(status, errors?.lastError);
    context.observe('statusAtStart', status);
    if (status === 'wait') return; // lazyConnect: ioredis connects on the first command, and PING is that command
    if (typeof client.removeListener !== 'function') throw notReady(status, errors.lastError);
    const startedAt = performance.now();
    const event = await untilEvent(client as RemovableEmitter, ['ready', 'error', 'close', 'end'], context.signal);
    context.observe('connectWaitMs', elapsedMs(startedAt), 'ms');
    const now = String(client.status);
    if (event !== 'ready' || now !== 'ready') throw notReady(now, errors.lastError);
  }
}

function notReady(status: string, lastError: string | undefined): ServiceUnavailable {
  return new ServiceUnavailable(`Redis client is not ready (status: ${status})${lastError === undefined ? '' : `; last error: ${lastError}`}`);
}

function describeReply(reply: unknown): string {
  if (typeof reply === 'string') return JSON.stringify(reply.length > 80 ? `${reply.slice(0, 79)}…` : reply);
  return describeKind(reply);
}

