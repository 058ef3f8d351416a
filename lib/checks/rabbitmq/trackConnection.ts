import { describeThrown } from '../../core/describeThrown.js';
import type { AmqpCallbackConnectionLike, AmqpConnectionLike } from './AmqpConnectionLike.js';

/** @internal What the check knows about one connection, from its events. */
export interface ConnectionState {
  /** Why the connection is closed for good, once it is. */
  closed: string | undefined;
  /** Why a recovering connection is currently down (it is reconnecting). */
  down: string | undefined;
  /** Why the broker blocked the connection, while it does. */
  blocked: string | undefined;
}

type Listener = (...args: unknown[]) => void;

const states = new WeakMap<object, ConnectionState>();

/**
 * @internal The state of `connection`, listening to its events the first
 * time it is seen: one set of listeners per connection object, however many
 * checks and executions look at it, removed once the connection is closed for
 * good. A connection that is not an event emitter gets a state that never
 * changes (its failures show when a channel cannot be opened).
 */
export function trackConnection(connection: AmqpConnectionLike | AmqpCallbackConnectionLike): ConnectionState {
  const known = states.get(connection);
  if (known !== undefined) return known;
  const state: ConnectionState = { closed: undefined, down: undefined, blocked: undefined };
  states.set(connection, state);
  if (typeof connection.on !== 'function') return state;

  const listeners: Record<string, Listener> = {
    // a plain amqplib connection: closed for good (by the broker with an error, or by the application)
    close: (error?: unknown) => {
      state.closed = error === undefined || error === null ? 'closed by the application' : describeThrown(error);
      state.blocked = undefined;
      detach();
    },
    blocked: (reason?: unknown) => {
      state.blocked = typeof reason === 'string' && reason !== '' ? reason : 'no reason given';
    },
    unblocked: () => {
      state.blocked = undefined;
    },
    // a recovering amqplib connection (connect(url, { recovery })): lost, back, failing to come back
    disconnect: (error?: unknown) => {
      state.down = `connection lost, reconnecting: ${describeThrown(error)}`;
      state.blocked = undefined;
    },
    'connect-failed': (error?: unknown) => {
      state.down = `connection failed, retrying: ${describeThrown(error)}`;
    },
    connect: () => {
      state.down = undefined;
      state.blocked = undefined;
    },
    'reconnect-failed': (error?: unknown) => {
      state.closed = `recovery gave up: ${describeThrown(error)}`;
      state.down = undefined;
      detach();
    },
  };
  const detach = (): void => {
    if (typeof connection.removeListener !== 'function') return;
    for (const [event, listener] of Object.entries(listeners)) connection.removeListener(event, listener);
  };
  for (const [event, listener] of Object.entries(listeners)) connection.on(event, listener);
  return state;
}
