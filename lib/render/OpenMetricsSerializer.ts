import type { HealthReport } from '../report/HealthReport.js';
import { HEALTH_STATUSES } from '../report/HealthStatus.js';
import { millisecondsToSeconds } from '../report/millisecondsToSeconds.js';
import type { DetailLevel } from './DetailLevel.js';
import { metricName, type MetricFamily } from './metricNames.js';
import type { Serializer } from './Serializer.js';
import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import { assertReport } from './validateRenderInput.js';

/**
 * Options of an {@link OpenMetricsSerializer}.
 *
 * @example
 * ```ts
 * import { OpenMetricsSerializer, type OpenMetricsSerializerOptions } from 'pulsecheck';
 *
 * const options: OpenMetricsSerializerOptions = { prefix: 'billing_health', flavor: 'prometheus' };
 * console.log(new OpenMetricsSerializer(options).contentType); // text/plain; version=0.0.4; charset=utf-8
 * ```
 */
export interface OpenMetricsSerializerOptions {
  /**
   * How much to reveal; see {@link DetailLevel}. `status` leaves out the
   * durations and observations; `summary` writes the overall status only.
   * @defaultValue `'full'`
   */
  readonly detail?: DetailLevel;
  /**
   * The prefix of every metric name; must match `[a-zA-Z_][a-zA-Z0-9_]*`.
   * @defaultValue `'pulsecheck'`
   */
  readonly prefix?: string;
  /**
   * `openmetrics`: OpenMetrics 1.0.0 text, ending with `# EOF`
   * (`application/openmetrics-text; version=1.0.0; charset=utf-8`).
   * `prometheus`: the classic Prometheus text format 0.0.4, without `# EOF`
   * or `# UNIT` (`text/plain; version=0.0.4; charset=utf-8`).
   * @defaultValue `'openmetrics'`
   */
  readonly flavor?: 'openmetrics' | 'prometheus';
}

const statuses = HEALTH_STATUSES;

/** One metric family: its metadata and samples. */
interface Family {
  readonly name: MetricFamily;
  readonly help: string;
  readonly unit?: string;
  readonly samples: readonly Sample[];
}

interface Sample {
  readonly labels: readonly (readonly [string, string])[];
  readonly value: number;
}

/**
 * Writes a report as Prometheus metrics: OpenMetrics 1.0.0 text by default,
 * or the classic Prometheus text format 0.0.4 with `flavor: 'prometheus'`.
 *
 * Every family is a gauge (`<prefix>` defaults to `pulsecheck`):
 * - `<prefix>_status{status}`: the report's status, one sample per status
 *   word (`pass`, `warn`, `fail`), `1` for the current one and `0` for the
 *   others (the state-set idiom, written as a gauge so that both formats
 *   accept it; alert on `<prefix>_status{status="fail"} == 1`);
 * - `<prefix>_check_status{check,status}`: the same, per check;
 * - `<prefix>_check_critical{check}`: `1` when a failure of the check fails
 *   the report, `0` when it only warns;
 * - `<prefix>_check_duration_seconds{check}`: how long the check took;
 * - `<prefix>_check_observation{check,key,unit}`: each numeric observation
 *   (`unit` left out when the observation has none). String and boolean
 *   observations are skipped: they are not samples.
 *
 * Label values are escaped as both formats require (`\\`, `\"`, `\n`); a
 * family with no sample is left out. Detail `status` writes the status and
 * critical families only; `summary` writes `<prefix>_status` only.
 *
 * Served through {@link respond} (and so through the HTTP endpoints), both
 * formats answer 200 even when the report fails: Prometheus discards the
 * samples of a scrape that is not 2xx, so the status has to live in these
 * values, not in the HTTP status.
 *
 * @example
 * ```ts
 * import { OpenMetricsSerializer, type HealthReport } from 'pulsecheck';
 *
 * const report: HealthReport = {
 *   status: 'pass',
 *   httpStatus: 200,
 *   startedAt: new Date().toISOString(),
 *   durationMs: 2,
 *   checks: [
 *     { name: 'db', status: 'pass', critical: true, tags: [], durationMs: 1.5,
 *       output: 'working', errors: [], observations: { connections: { value: 4 } } },
 *   ],
 * };
 * const text = new OpenMetricsSerializer().serialize(report);
 * console.log(text.includes('pulsecheck_check_status{check="db",status="pass"} 1')); // true
 * ```
 */
export class OpenMetricsSerializer implements Serializer {
  /** `application/openmetrics-text; version=1.0.0; charset=utf-8`, or `text/plain; version=0.0.4; charset=utf-8` for the `prometheus` flavor. */
  readonly contentType: string;
  readonly #detail: DetailLevel;
  readonly #prefix: string;
  readonly #openMetrics: boolean;

  /**
   * @param options - Detail level, metric prefix and flavor; see {@link OpenMetricsSerializerOptions}.
   * @throws TypeError when an option has the wrong type or an unknown key,
   *   or the prefix is not a valid metric name.
   */
  constructor(options: OpenMetricsSerializerOptions = {}) {
    const schema = RENDER_OPTION_SCHEMAS.openMetrics;
    const valid = validateOptions(schema, options, 'OpenMetricsSerializer');
    this.#detail = valid.detail ?? schema.detail.defaultValue;
    this.#prefix = valid.prefix ?? schema.prefix.defaultValue;
    this.#openMetrics = (valid.flavor ?? schema.flavor.defaultValue) === 'openmetrics';
    this.contentType = this.#openMetrics ? 'application/openmetrics-text; version=1.0.0; charset=utf-8' : 'text/plain; version=0.0.4; charset=utf-8';
  }

  /**
   * Renders the report as exposition text.
   *
   * @param report - The report to render.
   * @returns The exposition, each line ending with `\n`; OpenMetrics ends with `# EOF`.
   * @throws TypeError when `report` is not a report.
   */
  serialize(report: HealthReport): string {
    assertReport(report, 'OpenMetricsSerializer.serialize');
    const lines: string[] = [];
    for (const family of this.#families(report)) {
      if (family.samples.length === 0) continue;
      const name = metricName(family.name, this.#prefix);
      lines.push(`# HELP ${name} ${this.#escapeHelp(family.help)}`, `# TYPE ${name} gauge`);
      if (this.#openMetrics && family.unit !== undefined) lines.push(`# UNIT ${name} ${family.unit}`);
      for (const sample of family.samples) {
        const labels = sample.labels.map(([label, value]) => `${label}="${escapeLabelValue(value)}"`).join(',');
        lines.push(`${name}${labels === '' ? '' : `{${labels}}`} ${formatNumber(sample.value)}`);
      }
    }
    if (this.#openMetrics) lines.push('# EOF');
    return `${lines.join('\n')}\n`;
  }

  #families(report: HealthReport): Family[] {
    const families: Family[] = [
      {
        name: 'status',
        help: 'Overall health: 1 for the current status (pass, warn or fail), 0 for the others.',
        samples: statuses.map((status) => ({ labels: [['status', status]], value: report.status === status ? 1 : 0 })),
      },
    ];
    if (this.#detail === 'summary') return families;
    const checks = report.checks;
    families.push(
      {
        name: 'checkStatus',
        help: 'Health of each check: 1 for its current status (pass, warn or fail), 0 for the others.',
        samples: checks.flatMap((check) => statuses.map((status) => ({ labels: [['check', check.name], ['status', status]], value: check.status === status ? 1 : 0 }))),
      },
      {
        name: 'checkCritical',
        help: 'Whether a failure of the check fails the service (1) or only makes it warn (0).',
        samples: checks.map((check) => ({ labels: [['check', check.name]], value: check.critical ? 1 : 0 })),
      },
    );
    if (this.#detail === 'status') return families;
    families.push(
      {
        name: 'checkDuration',
        help: 'How long the latest execution of the check took, in seconds.',
        unit: 'seconds',
        samples: checks.map((check) => ({ labels: [['check', check.name]], value: millisecondsToSeconds(check.durationMs) })),
      },
      {
        name: 'checkObservation',
        help: 'Numeric values the checks observed, labelled with their key and unit.',
        samples: checks.flatMap((check) =>
          Object.entries(check.observations).flatMap(([key, { value, unit }]): Sample[] =>
            typeof value === 'number'
              ? [{ labels: unit === undefined || unit === '' ? [['check', check.name], ['key', key]] : [['check', check.name], ['key', key], ['unit', unit]], value }]
              : [],
          ),
        ),
      },
    );
    return families;
  }

  #escapeHelp(text: string): string {
    const escaped = text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
    return this.#openMetrics ? escaped.replaceAll('"', '\\"') : escaped;
  }
}

function escapeLabelValue(value: string): string {
  return String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
