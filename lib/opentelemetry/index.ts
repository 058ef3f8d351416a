/**
 * `pulsecheck/opentelemetry`: the health of a `HealthService` as
 * OpenTelemetry metrics (a status gauge and a duration histogram per check).
 * `@opentelemetry/api` is an optional peer dependency, loaded by this
 * subpath only.
 *
 * @packageDocumentation
 */
export { HEALTH_METRIC_NAMES } from './healthMetricNames.js';
export type { HealthMetricsOptions } from './HealthMetricsOptions.js';
export { registerHealthMetrics } from './registerHealthMetrics.js';
