/**
 * What {@link MqttHealthCheck} needs from the application's `mqtt` client
 * (the `MqttClient` that `mqtt.connect()` returns): its state flags,
 * `publish` with a completion callback, and `on`/`removeListener` (to wait
 * for a client still making its first connection).
 *
 * @example
 * ```ts
 * import mqtt from 'mqtt';
 * import type { MqttClientLike } from 'pulsecheck/mqtt';
 *
 * const client: MqttClientLike = mqtt.connect('mqtt://127.0.0.1:1883');
 * ```
 */
export interface MqttClientLike {
  /** Whether the client is connected to the broker. */
  readonly connected: boolean;
  /** Whether the client lost its connection and is reconnecting. */
  readonly reconnecting?: boolean;
  /** Whether `end()` was called (the client is closing). */
  readonly disconnecting?: boolean;
  /** Whether the client was ended. */
  readonly disconnected?: boolean;
  /** The client's options; `clientId` names the check's private topic. */
  readonly options?: {
    /** The client's id, unique per broker. */
    readonly clientId?: string;
  };
  /**
   * Publishes a message; at QoS 1 the callback runs when the broker's PUBACK
   * arrives (or with the error that prevented it).
   */
  publish(topic: string, message: string, options: { qos: 1; retain: false }, callback: (error?: Error) => void): unknown;
  /** Subscribes to a client event (`connect`, `error`, `close`, `end`). */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Unsubscribes a listener added with `on`. */
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}
