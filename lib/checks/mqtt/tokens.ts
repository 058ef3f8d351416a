import type { ServiceIdentifier } from 'inversify';
import type { MqttClientLike } from './MqttClientLike.js';

/**
 * The service identifier {@link MqttHealthCheck} is injected with: bind the
 * application's `mqtt` client under it. The check reuses it and never
 * connects or ends it.
 *
 * It is `Symbol.for('pulsecheck.MqttClient')`, so two copies of the package
 * agree on it.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import mqtt from 'mqtt';
 * import { MQTT_CLIENT } from 'pulsecheck/mqtt';
 *
 * const container = new Container();
 * container.bind(MQTT_CLIENT).toConstantValue(mqtt.connect(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883'));
 * ```
 */
export const MQTT_CLIENT: ServiceIdentifier<MqttClientLike> = Symbol.for('pulsecheck.MqttClient');
