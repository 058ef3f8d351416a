/**
 * @internal The prefix of every metric {@link OpenMetricsSerializer} writes,
 * unless given another.
 */
export const DEFAULT_METRIC_PREFIX = 'pulsecheck';

/**
 * @internal The metric families of the OpenMetrics and Prometheus text
 * formats, by role, without their prefix: the one list the serializer
 * writes and the docs of `respond()` and the OpenAPI description name.
 */
export const METRIC_FAMILIES = Object.freeze({
  /** The report's status, as a state set. */
  status: 'status',
  /** Each check's status, as a state set. */
  checkStatus: 'check_status',
  /** Whether each check is critical. */
  checkCritical: 'check_critical',
  /** Each check's duration, in seconds. */
  checkDuration: 'check_duration_seconds',
  /** Each check's numeric observations. */
  checkObservation: 'check_observation',
} as const);

/** @internal A role of {@link METRIC_FAMILIES}. */
export type MetricFamily = keyof typeof METRIC_FAMILIES;

/**
 * @internal The full name of a metric family: `<prefix>_<family>`
 * (`pulsecheck_check_status`).
 *
 * @param family - The family's role.
 * @param prefix - The prefix (validated by the serializer).
 */
export function metricName(family: MetricFamily, prefix: string = DEFAULT_METRIC_PREFIX): string {
  return `${prefix}_${METRIC_FAMILIES[family]}`;
}
