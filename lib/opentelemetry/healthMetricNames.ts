/**
 * The names of the instruments and attributes {@link registerHealthMetrics}
 * creates, in the OpenTelemetry semantic-convention style (dot-separated
 * namespaces, the state-set idiom of `hw.status` for the status gauge,
 * durations in seconds as `http.server.request.duration`).
 *
 * @example
 * ```ts
 * import { HEALTH_METRIC_NAMES } from 'pulsecheck/opentelemetry';
 *
 * console.log(HEALTH_METRIC_NAMES.status); // health.check.status
 * ```
 */
export const HEALTH_METRIC_NAMES = Object.freeze({
  /** Observable gauge, unit `1`: `1` for the check's current status, `0` for the two others. */
  status: 'health.check.status',
  /** Histogram, unit `s`: the duration of every execution of a check. */
  duration: 'health.check.duration',
  /** Attribute: the check's name (string). */
  name: 'health.check.name',
  /** Attribute: whether a failure of the check fails the service (boolean). */
  critical: 'health.check.critical',
  /** Attribute: the check's tags (string array). */
  tags: 'health.check.tags',
  /** Attribute: `pass`, `warn` or `fail` (on the gauge, the status the data point stands for; on the histogram, the execution's status). */
  statusAttribute: 'health.check.status',
} as const);
