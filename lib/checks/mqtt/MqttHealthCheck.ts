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
import { untilEvent } from '../shared/untilEvent.js';
import type { MqttClientLike } from './MqttClientLike.js';
import type { MqttHealthCheckOptions } from './MqttHealthCheckOptions.js';
import { MQTT_CLIENT } from './tokens.js';

const topicRule = optionRules.custom('a non-empty MQTT topic name without wildcards (+, #)', (value): value is string => typeof value === 'string' && value !== '' && !/[+#\0]/.test(value));

/** The schema of {@link MqttHealthCheckOptions}. */
const MQTT_HEALTH_CHECK_SCHEMA = { topic: topicRule } as const satisfies OptionSchema<MqttHealthCheckOptions>;

/**
 * Checks an MQTT broker through the application's own `mqtt` client,
 * injected under {@link MQTT_CLIENT}: it reports the client's state honestly
 * (`reconnecting` and `ended` are unavailable, said so; a client still making
 * its first connection is waited for within the deadline, observing
 * `connectWaitMs`), then publishes a small message at QoS 1 to a private
 * topic and awaits the broker's PUBACK under the check's deadline, observing
 * `latencyMs`.
 *
 * A publish whose PUBACK never comes cannot be taken back (the client keeps
 * it in its outgoing store until the broker answers or the client ends):
 * later executions do not pile more on top of it, they wait for it first
 * (observing `pendingPublishMs`). The check adds no listener that outlives an
 * execution.
 *
 * Failures: `unavailable: MQTT client is reconnecting (not connected to the
 * broker)`, `unavailable: MQTT client was ended (end() was called)`,
 * `unavailable: MQTT client could not connect: <reason>`, `unavailable: MQTT
 * publish failed: <reason>`.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import mqtt from 'mqtt';
 * import { HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
 * import { MQTT_CLIENT, MqttHealthCheck } from 'pulsecheck/mqtt';
 *
 * @registerHealthCheck({ name: 'MqttHealthCheck', timeoutMs: 500, tags: ['ready'] })
 * class TelemetryHealthCheck extends MqttHealthCheck {}
 *
 * const container = new Container();
 * container.bind(MQTT_CLIENT).toConstantValue(mqtt.connect(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883'));
 * container.load(healthModule());
 * const report = await container.get(HealthService).run();
 * console.log(container.get(TelemetryHealthCheck) instanceof MqttHealthCheck, report.status);
 * ```
 */
@injectable()
export class MqttHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #client: MqttClientLike;
  readonly #topic: string;
  readonly #publishes = new OneAtATime();

  /**
   * @param client - The application's `mqtt` client; the check never ends it.
   * @param options - See {@link MqttHealthCheckOptions}.
   * @throws TypeError when `client` is not an mqtt client (no `connected`
   *   flag, `publish`, `on` and `removeListener`), or `topic` is not a
   *   non-empty topic name without wildcards.
   */
  constructor(@inject(MQTT_CLIENT) client: MqttClientLike, @unmanaged() options?: MqttHealthCheckOptions) {
    super();
    const owner = new.target.name;
    const candidate = client as Partial<MqttClientLike> | null;
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      typeof candidate.connected !== 'boolean' ||
      typeof candidate.publish !== 'function' ||
      typeof candidate.on !== 'function' ||
      typeof candidate.removeListener !== 'function'
    ) {
      throw new TypeError(`${owner}: expected an mqtt client (what mqtt.connect() returns, bound under MQTT_CLIENT), got ${describeKind(client)}`);
    }
    const topic = validateOptions(MQTT_HEALTH_CHECK_SCHEMA, options, owner).topic ?? `pulsecheck/health/${client.options?.clientId ?? 'client'}`;
    // The default, made of the client's id, obeys the rule too.
    topicRule.check(topic, 'topic', owner);
    this.#client = client;
    this.#topic = topic;
  }

  /**
   * Checks the state and publishes once; see the class description.
   *
   * @param context - The check's signal and recorders.
   * @throws ServiceUnavailable when the client is not connected or the publish fails.
   */
  async check(context: CheckContext): Promise<void> {
    const client = this.#client;
    const { signal } = context;
    if (!client.connected) await this.#untilConnected(context);
    const { promise: publishing, startedAt } = await this.#publishes.start(context, 'pendingPublishMs', () => publish(client, this.#topic));
    try {
      await untilAborted(publishing, signal);
    } catch (error) {
      throw signal.aborted ? error : new ServiceUnavailable(`MQTT publish failed: ${describeThrown(error)}`, { cause: error });
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');
  }

  /** Returns once connected (a client making its first connection is waited for), or throws. */
  async #untilConnected(context: CheckContext): Promise<void> {
    const client = this.#client;
    const state = describeState(client);
    context.observe('state', state);
    if (state === 'ended') throw new ServiceUnavailable('MQTT client was ended (end() was called)');
    if (state === 'reconnecting') throw new ServiceUnavailable('MQTT client is reconnecting (not connected to the broker)');
    const startedAt = performance.now();
    let failure: unknown;
    const onError = (error: unknown): void => {
      failure = error;
    };
    client.on('error', onError);
    try {
      await untilEvent(client, ['connect', 'close', 'end'], context.signal);
    } finally {
      client.removeListener('error', onError);
    }
    context.observe('connectWaitMs', elapsedMs(startedAt), 'ms');
    if (!client.connected) {
      throw new ServiceUnavailable(`MQTT client could not connect: ${failure === undefined ? 'the connection closed' : describeThrown(failure)}`, { cause: failure });
    }
  }
}

function describeState(client: MqttClientLike): 'connected' | 'ended' | 'reconnecting' | 'connecting' {
  if (client.connected) return 'connected';
  if (client.disconnecting === true || client.disconnected === true) return 'ended';
  if (client.reconnecting === true) return 'reconnecting';
  return 'connecting';
}

function publish(client: MqttClientLike, topic: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.publish(topic, 'pulsecheck', { qos: 1, retain: false }, (error) => {
      if (error === undefined || error === null) resolve();
      else reject(error);
    });
  });
}
