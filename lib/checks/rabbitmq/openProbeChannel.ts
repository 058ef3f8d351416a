import { describeKind } from '../shared/describeKind.js';
import { noop } from '../shared/noop.js';
import type { AmqpCallbackChannelLike, AmqpCallbackConnectionLike, AmqpChannelLike, AmqpConnectionLike } from './AmqpConnectionLike.js';

/** @internal A channel the check opened, and how to close it (by promise or by callback, like the connection that opened it). */
export interface ProbeChannel {
  close(): Promise<void>;
}

type Callback<T> = (error: unknown, value?: T) => void;

/**
 * @internal True when `connection.createChannel` takes a callback: amqplib's
 * `callback_api` connections (`CallbackModel`, and `RecoveringCallbackModel`
 * from `connect(url, { recovery }, cb)`) declare `createChannel(options, cb)`;
 * the promise API's declare `createChannel(options)`.
 */
export function takesCallbacks(connection: AmqpConnectionLike | AmqpCallbackConnectionLike): connection is AmqpCallbackConnectionLike {
  return connection.createChannel.length >= 2;
}

/**
 * @internal Opens a channel with a real round trip to the broker: through
 * the promise of a promise-API connection, or through the callback of a
 * `callback_api` connection (whose `createChannel` returns before the broker
 * answers). A `createChannel()` that returns neither a promise nor takes a
 * callback is never taken for a pass: the channel it returned is closed and
 * the promise rejects with a `TypeError` naming what to bind instead.
 */
export function openProbeChannel(connection: AmqpConnectionLike | AmqpCallbackConnectionLike): Promise<ProbeChannel> {
  if (takesCallbacks(connection)) {
    return new Promise<ProbeChannel>((resolve, reject) => {
      const opened: Callback<AmqpCallbackChannelLike> = (error, channel) => {
        if (error !== null && error !== undefined) {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the driver's error on unchanged
          reject(error);
        } else if (channel === undefined || typeof (channel as Partial<AmqpCallbackChannelLike> | null)?.close !== 'function') {
          reject(new TypeError(`createChannel's callback gave ${describeKind(channel)}, not a channel with a close() method`));
        } else {
          resolve({ close: () => closeByCallback(channel) });
        }
      };
      connection.createChannel(opened);
    });
  }
  return new Promise<ProbeChannel>((resolve, reject) => {
    const opening: unknown = (connection as AmqpConnectionLike).createChannel();
    if (typeof (opening as PromiseLike<unknown> | null)?.then === 'function') {
      resolve(
        (opening as PromiseLike<AmqpChannelLike>).then((channel) => ({
          close: () =>
            new Promise<void>((done) => {
              done(channel.close());
            }),
        })),
      );
      return;
    }
    const stray = opening as Partial<AmqpChannelLike> | null | undefined;
    if (typeof stray?.close === 'function') {
      try {
        Promise.resolve(stray.close()).catch(noop);
      } catch {
        // closing a channel we never meant to open: best effort
      }
    }
    reject(
      new TypeError(
        `createChannel() returned ${describeKind(opening)} instead of a promise, so no round trip to the broker can be awaited; bind an amqplib connection (from 'amqplib' or 'amqplib/callback_api'), or a function returning one, under AMQP_CONNECTION`,
      ),
    );
  });
}

function closeByCallback(channel: AmqpCallbackChannelLike): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    channel.close((error?: unknown) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the driver's error on unchanged
      if (error !== null && error !== undefined) reject(error);
      else resolve();
    });
  });
}
