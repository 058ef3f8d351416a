/**
 * The names of the instruments and attributes {@link registerHealthMetrics}
 * creates, following the OpenTelemetry semantic conventions: dot-separated
 * lowercase namespaces; metric and attribute names share one namespace, so
 * no attribute is named like a metric (the status gauge `health.check.status`
 * carries its state in `health.check.state`, as `hw.status` carries
 * `hw.state` and `system.memory.usage` carries `system.memory.state`);
 * durations in seconds as `http.server.request.duration`.
 *
 * Tags are a template attribute, as `http.request.header.<key>`: a check
 * tagged `ready` carries `health.check.tag.ready = true`, which a Prometheus
 * query selects with `{health_check_tag_ready="true"}` (one label per tag;
 * a single string or array attribute could only be matched by regular
 * expression).
 *
 * @example
 * ```ts
 * import { HEALTH_METRIC_NAMES } from 'pulsecheck/opentelemetry';
 *
 * console.log(HEALTH_METRIC_NAMES.status); // health.check.status
 * console.log(`${HEALTH_METRIC_NAMES.tag}.ready`); // health.check.tag.ready
 * ```
 */
export const HEALTH_METRIC_NAMES = Object.freeze({
  /** Observable gauge, unit `1`: `1` for the check's current state, `0` for the two others. */
  status: 'health.check.status',
  /** Histogram, unit `s`: the duration of every execution of a check. */
  duration: 'health.check.duration',
  /** Attribute: the check's name (string). */
  name: 'health.check.name',
  /** Attribute: whether a failure of the check fails the service (boolean). */
  critical: 'health.check.critical',
  /** Attribute: `pass`, `warn` or `fail` (on the gauge, the state the data point stands for; on the histogram, the execution's status). */
  state: 'health.check.state',
  /** Template attribute `health.check.tag.<tag>`: `true` for each of the check's tags. */
  tag: 'health.check.tag',
} as const);
