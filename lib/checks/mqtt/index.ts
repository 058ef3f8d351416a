/**
 * `pulsecheck/mqtt`: a health check for an MQTT broker through the
 * application's own `mqtt` client. Importing it loads no driver: `mqtt` is an
 * optional peer dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export type { MqttClientLike } from './MqttClientLike.js';
export { MqttHealthCheck } from './MqttHealthCheck.js';
export type { MqttHealthCheckOptions } from './MqttHealthCheckOptions.js';
export { MQTT_CLIENT } from './tokens.js';
