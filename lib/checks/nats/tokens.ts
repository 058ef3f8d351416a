import type { ServiceIdentifier } from 'inversify';
import type { NatsConnectionLike } from './NatsConnectionLike.js';

/**
 * The service identifier {@link NatsHealthCheck} is injected with: bind the
 * application's `nats` connection under it. The check reuses it and never
 * connects or closes it.
 *
 * It is `Symbol.for('pulsecheck.NatsConnection')`, so two copies of the
 * package agree on it.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { connect } from 'nats';
 * import { NATS_CONNECTION } from 'pulsecheck/nats';
 *
 * const container = new Container();
 * container.bind(NATS_CONNECTION).toConstantValue(await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' }));
 * ```
 */
export const NATS_CONNECTION: ServiceIdentifier<NatsConnectionLike> = Symbol.for('pulsecheck.NatsConnection');
