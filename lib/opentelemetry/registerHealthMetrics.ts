import { metrics, type Attributes, type Histogram, type Meter, type ObservableGauge, type ObservableResult } from '@opentelemetry/api';
import { describeThrown } from '../core/describeThrown.js';
import type { HealthService } from '../core/HealthService.js';
import { describeValue } from '../options/describeValue.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import type { CheckResult } from '../report/CheckResult.js';
import { HEALTH_STATUSES, type HealthStatus } from '../report/HealthStatus.js';
import { millisecondsToSeconds } from '../report/millisecondsToSeconds.js';
import type { HealthMetricsOptions } from './HealthMetricsOptions.js';
import { HEALTH_METRIC_NAMES as names } from './healthMetricNames.js';

const statuses = HEALTH_STATUSES;
/**
 * The schema of {@link HealthMetricsOptions}. A `meter` is checked when it is
 * used (so is the one a provider gives): an OpenTelemetry Meter with
 * `createObservableGauge()` and `createHistogram()`.
 */
const HEALTH_METRICS_SCHEMA = {
  meter: optionRules.custom('an OpenTelemetry Meter (with createObservableGauge() and createHistogram())', (value): value is Meter => typeof value === 'object' && value !== null),
  meterProvider: optionRules.custom(
    'an OpenTelemetry MeterProvider (with getMeter())',
    (value): value is NonNullable<HealthMetricsOptions['meterProvider']> => typeof value === 'object' && value !== null && typeof (value as { getMeter?: unknown }).getMeter === 'function',
  ),
} as const satisfies OptionSchema<HealthMetricsOptions>;
/** The bucket boundaries (seconds) that the HTTP semantic conventions advise for request durations. */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** The global meter provider, as a key of {@link registrations}. */
const globalProvider = {};
/** The meters and meter providers each service is registered with, until the function returned is called. */
const registrations = new WeakMap<HealthService, Set<object>>();

/**
 * Publishes the health of `service` as OpenTelemetry metrics:
 *
 * | instrument | kind | unit | attributes |
 * | --- | --- | --- | --- |
 * | `health.check.status` | observable gauge | `1` | `health.check.name`, `health.check.critical`, `health.check.state`, `health.check.tag.<tag>` |
 * | `health.check.duration` | histogram | `s` | `health.check.name`, `health.check.critical`, `health.check.state`, `health.check.tag.<tag>` |
 *
 * The gauge reports, at each collection, three data points per check that
 * has run at least once: `1` for the status of its latest execution and `0`
 * for the others (in Prometheus, alert on
 * `health_check_status{health_check_state="fail"} == 1`). Each tag is one
 * attribute, `health.check.tag.<tag> = true` (see {@link HEALTH_METRIC_NAMES}).
 * The histogram records the duration of every execution, in seconds, with
 * the status it ended in. Both are fed by {@link HealthService.onResult}, so
 * they see whatever runs the checks: probes, background mode, the CLI.
 * Results reused from the cache are not executions and are not recorded.
 *
 * Only this subpath loads `@opentelemetry/api` (an optional peer
 * dependency); `import 'pulsecheck'` never does.
 *
 * @param service - The service whose checks to measure.
 * @param options - The meter or meter provider; see {@link HealthMetricsOptions}.
 * @returns A function that stops the recording and the gauge's reports (the
 *   instruments stay registered, as OpenTelemetry cannot remove them). Safe
 *   to call twice.
 * @throws TypeError when `service` is not a HealthService, `options` is
 *   malformed or names both a meter and a meter provider, the meter cannot
 *   create instruments (it throws, or returns something that is not one), or
 *   `service` is already registered with the same meter or meter provider
 *   (every duration would be counted twice; call the function the first
 *   registration returned before registering again).
 *
 * @example
 * ```ts
 * import { MeterProvider, InMemoryMetricExporter, AggregationTemporality, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
 * import { HealthService } from 'pulsecheck';
 * import { registerHealthMetrics } from 'pulsecheck/opentelemetry';
 *
 * const reader = new PeriodicExportingMetricReader({ exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE) });
 * const meterProvider = new MeterProvider({ readers: [reader] });
 * const health = new HealthService([]);
 * const unregister = registerHealthMetrics(health, { meterProvider });
 * await health.run();
 * unregister();
 * await meterProvider.shutdown();
 * ```
 */
export function registerHealthMetrics(service: HealthService, options: HealthMetricsOptions = {}): () => void {
  if (typeof service !== 'object' || service === null || typeof (service as Partial<HealthService>).onResult !== 'function') {
    throw new TypeError('registerHealthMetrics: service must be a HealthService');
  }
  options = validateOptions(HEALTH_METRICS_SCHEMA, options, 'registerHealthMetrics');
  const key: object = options.meter ?? options.meterProvider ?? globalProvider;
  const registered = registrations.get(service) ?? new Set<object>();
  if (registered.has(key)) {
    throw new TypeError('registerHealthMetrics: this HealthService is already registered with this meter (or meter provider), which would count every execution twice; call the function the first registration returned before registering again');
  }
  const meter = meterOf(options);
  const { status, duration } = instrumentsOf(meter);

  const latest = new Map<string, CheckResult>();
  const attributes = new AttributeCache();
  const observe = (result: ObservableResult): void => {
    for (const check of latest.values()) {
      for (const candidate of statuses) {
        result.observe(check.status === candidate ? 1 : 0, attributes.of(check, candidate));
      }
    }
  };
  status.addCallback(observe);
  const stopListening = service.onResult((check) => {
    // The map is written when a check's latest result changes object, which it does per execution: a set, no allocation.
    latest.set(check.name, check);
    duration.record(millisecondsToSeconds(check.durationMs), attributes.of(check, check.status));
  });

  registered.add(key);
  registrations.set(service, registered);
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    registered.delete(key);
    stopListening();
    status.removeCallback(observe);
    latest.clear();
  };
}

function meterOf(options: HealthMetricsOptions): Meter {
  const { meter, meterProvider } = options;
  if (meter !== undefined && meterProvider !== undefined) {
    throw new TypeError('registerHealthMetrics: give either meter or meterProvider, not both');
  }
  let chosen: unknown;
  if (meter !== undefined) {
    chosen = meter;
  } else if (meterProvider !== undefined) {
    chosen = meterProvider.getMeter('pulsecheck');
  } else {
    chosen = metrics.getMeter('pulsecheck');
  }
  const candidate = chosen as Partial<Meter> | null;
  if (typeof chosen !== 'object' || candidate === null || typeof candidate.createObservableGauge !== 'function' || typeof candidate.createHistogram !== 'function') {
    throw new TypeError('registerHealthMetrics: meter must be an OpenTelemetry Meter (with createObservableGauge() and createHistogram())');
  }
  return chosen as Meter;
}

/** The two instruments, created by `meter`; a meter that throws or returns something else is refused with a clear TypeError. */
function instrumentsOf(meter: Meter): { status: ObservableGauge; duration: Histogram } {
  let status: unknown;
  let duration: unknown;
  try {
    status = meter.createObservableGauge(names.status, {
      description: 'Health of each check: 1 for the status of its latest execution (pass, warn or fail), 0 for the others.',
      unit: '1',
    });
    duration = meter.createHistogram(names.duration, {
      description: 'How long each execution of a check took.',
      unit: 's',
      advice: { explicitBucketBoundaries: durationBuckets },
    });
  } catch (error) {
    throw new TypeError(`registerHealthMetrics: the meter could not create its instruments: ${describeThrown(error)}`, { cause: error });
  }
  if (!hasMethods(status, 'addCallback', 'removeCallback')) {
    throw new TypeError(`registerHealthMetrics: the meter's createObservableGauge() returned ${describeValue(status)}, not an observable gauge (with addCallback() and removeCallback())`);
  }
  if (!hasMethods(duration, 'record')) {
    throw new TypeError(`registerHealthMetrics: the meter's createHistogram() returned ${describeValue(duration)}, not a histogram (with record())`);
  }
  return { status: status as ObservableGauge, duration: duration as Histogram };
}

function hasMethods(value: unknown, ...methods: string[]): boolean {
  return typeof value === 'object' && value !== null && methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function');
}

/**
 * The attributes of each check and status, made once and reused by every
 * execution (a check's name, criticality and tags do not change; a result
 * whose criticality or tags differ from those cached makes them anew).
 */
class AttributeCache {
  readonly #byName = new Map<string, { readonly critical: boolean; readonly tags: readonly string[]; readonly byStatus: Map<HealthStatus, Attributes> }>();

  of(check: CheckResult, status: HealthStatus): Attributes {
    let entry = this.#byName.get(check.name);
    if (entry === undefined || entry.critical !== check.critical || entry.tags !== check.tags) {
      entry = { critical: check.critical, tags: check.tags, byStatus: new Map() };
      this.#byName.set(check.name, entry);
    }
    let attributes = entry.byStatus.get(status);
    if (attributes === undefined) {
      attributes = Object.freeze(attributesOf(check, status));
      entry.byStatus.set(status, attributes);
    }
    return attributes;
  }
}

function attributesOf(check: CheckResult, status: HealthStatus): Attributes {
  const attributes: Attributes = {
    [names.name]: check.name,
    [names.critical]: check.critical,
    [names.state]: status,
  };
  for (const tag of check.tags) attributes[`${names.tag}.${tag}`] = true;
  return attributes;
}
