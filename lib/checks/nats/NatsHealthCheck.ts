import { inject, injectable, unmanaged } from 'inversify';
import type { CheckContext } from '../../core/CheckContext.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { describeKind } from '../shared/describeKind.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { OneAtATime } from '../shared/OneAtATime.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { NatsConnectionLike } from './NatsConnectionLike.js';
import type { NatsHealthCheckOptions } from './NatsHealthCheckOptions.js';
import { NATS_CONNECTION } from './tokens.js';

/** The schema of {@link NatsHealthCheckOptions}: rules and defaults. */
const NATS_HEALTH_CHECK_SCHEMA = {
  jetStream: optionRules.withDefault(optionRules.boolean, false),
  jetStreamTimeoutMs: optionRules.withDefault(optionRules.positiveMs, 1000),
} as const satisfies OptionSchema<NatsHealthCheckOptions>;

/**
 * Checks a NATS server through the application's own `nats` connection,
 * injected under {@link NATS_CONNECTION}: it reports the connection's state
 * honestly (`closed`, `draining` and `reconnecting` are unavailable, said so),
 * then sends a PING and awaits the PONG (`rtt()`, else `flush()`) under the
 * check's deadline, observing `latencyMs`. With `{ jetStream: true }` it then
 * asks the JetStream API for the account info (observing `jetStreamMs`).
 *
 * A PING that never gets its PONG cannot be taken back: later executions do
 * not pile more on top of it, they wait for it first (observing
 * `pendingPingMs`), as `RedisHealthCheck` does.
 *
 * Failures: `unavailable: NATS connection is closed`, `unavailable: NATS
 * connection is draining`, `unavailable: NATS connection is reconnecting
 * (disconnected from the server)`, `unavailable: NATS round trip failed:
 * <reason>`, `unavailable: NATS JetStream is not reachable: <reason>` (for
 * example `503`, JetStream not enabled). The check never connects, drains or
 * closes the connection: a `nats` connection resolves only once connected,
 * and reconnects on its own.
 *
 * @example
 * ```ts
 * import { Container, inject } from 'inversify';
 * import { connect } from 'nats';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { NATS_CONNECTION, NatsHealthCheck, type NatsConnectionLike } from 'pulsecheck/nats';
 *
 * @registerHealthCheck({ name: 'NatsHealthCheck', timeoutMs: 500, tags: ['ready'] })
 * class EventsHealthCheck extends NatsHealthCheck {
 *   constructor(@inject(NATS_CONNECTION) nc: NatsConnectionLike) {
 *     super(nc, { jetStream: true, jetStreamTimeoutMs: 500 });
 *   }
 * }
 *
 * const container = new Container();
 * container.bind(NATS_CONNECTION).toConstantValue(await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' }));
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * console.log(container.get(EventsHealthCheck) instanceof NatsHealthCheck, report.status);
 * ```
 */
@injectable()
export class NatsHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #connection: NatsConnectionLike;
  readonly #jetStream: boolean;
  readonly #jetStreamTimeoutMs: number;
  readonly #pings = new OneAtATime();

  /**
   * @param connection - The application's `nats` connection; the check never closes it.
   * @param options - See {@link NatsHealthCheckOptions}.
   * @throws TypeError when `connection` is not a nats connection (no
   *   `isClosed`, `isDraining` and `flush`), when `options` has an unknown
   *   key, or `jetStream` is given and the connection has no `jetstreamManager`.
   * @throws RangeError when `jetStreamTimeoutMs` is not a positive number of ms.
   */
  constructor(@inject(NATS_CONNECTION) connection: NatsConnectionLike, @unmanaged() options?: NatsHealthCheckOptions) {
    super();
    const owner = new.target.name;
    const candidate = connection as Partial<NatsConnectionLike> | null;
    if (typeof candidate !== 'object' || candidate === null || typeof candidate.isClosed !== 'function' || typeof candidate.isDraining !== 'function' || typeof candidate.flush !== 'function') {
      throw new TypeError(`${owner}: expected a nats connection (what connect() resolves to, bound under NATS_CONNECTION), got ${describeKind(connection)}`);
    }
    const valid = validateOptions(NATS_HEALTH_CHECK_SCHEMA, options, owner);
    const jetStream = valid.jetStream ?? NATS_HEALTH_CHECK_SCHEMA.jetStream.defaultValue;
    if (jetStream && typeof candidate.jetstreamManager !== 'function') {
      throw new TypeError(`${owner}: jetStream needs a connection with jetstreamManager() (nats 2.x)`);
    }
    this.#connection = connection;
    this.#jetStream = jetStream;
    this.#jetStreamTimeoutMs = valid.jetStreamTimeoutMs ?? NATS_HEALTH_CHECK_SCHEMA.jetStreamTimeoutMs.defaultValue;
  }

  /**
   * Checks the state and the round trip once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when the connection is not usable, the round trip fails, or JetStream does not answer.
   */
  async check(context: CheckContext): Promise<void> {
    const connection = this.#connection;
    const { signal } = context;
    const state = describeState(connection);
    context.observe('state', state);
    if (state !== 'connected') throw new ServiceUnavailable(`NATS connection is ${state === 'reconnecting' ? 'reconnecting (disconnected from the server)' : state}`);

    const { promise: pinging, startedAt } = await this.#pings.start<unknown>(context, 'pendingPingMs', () => (typeof connection.rtt === 'function' ? connection.rtt() : connection.flush()));
    try {
      await untilAborted(pinging, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      if (describeState(connection) === 'reconnecting') throw new ServiceUnavailable('NATS connection is reconnecting (disconnected from the server)', { cause: error });
      throw new ServiceUnavailable(`NATS round trip failed: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');

    if (!this.#jetStream) return;
    const jetStreamStarted = performance.now();
    try {
      await untilAborted(
        (async () => connection.jetstreamManager?.({ timeout: this.#jetStreamTimeoutMs }))(),
        signal,
      );
    } catch (error) {
      throw signal.aborted ? error : new ServiceUnavailable(`NATS JetStream is not reachable: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('jetStreamMs', elapsedMs(jetStreamStarted), 'ms');
  }
}

/**
 * The connection's state: `closed`, `draining`, `reconnecting` (the client's
 * own `protocol.connected` flag is false while it is not closed: nats.js
 * exposes it on the connection object), or `connected`.
 */
function describeState(connection: NatsConnectionLike): 'closed' | 'draining' | 'reconnecting' | 'connected' {
  if (connection.isClosed()) return 'closed';
  if (connection.isDraining()) return 'draining';
  const protocol = (connection as { protocol?: { connected?: unknown } }).protocol;
  if (typeof protocol === 'object' && protocol !== null && protocol.connected === false) return 'reconnecting';
  return 'connected';
}
