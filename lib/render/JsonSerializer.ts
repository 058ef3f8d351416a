import type { CheckHistory } from '../report/CheckHistory.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { DetailLevel } from './DetailLevel.js';
import type { Serializer } from './Serializer.js';
import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import { assertReport } from './validateRenderInput.js';
import type { SuppressedStatus } from '../report/SuppressedStatus.js';
import { describeSuppressed, suppressedFields } from './suppressedFields.js';
import { formatMs } from '../core/formatMs.js';
import { serviceFields } from './serviceFields.js';

/**
 * Options of a {@link JsonSerializer}.
 *
 * @example
 * ```ts
 * import { JsonSerializer, type JsonSerializerOptions } from 'pulsecheck';
 *
 * const options: JsonSerializerOptions = { detailed: true, detail: 'status' };
 * const serializer = new JsonSerializer(options);
 * ```
 */
export interface JsonSerializerOptions {
  /**
   * Write the whole report (the shape of `JSON.stringify(report)`, trimmed to
   * the detail level) instead of the flat `{ name: output }` map.
   * @defaultValue `false`
   */
  readonly detailed?: boolean;
  /**
   * How much to reveal; see {@link DetailLevel}.
   * @defaultValue `'full'`
   */
  readonly detail?: DetailLevel;
}


/**
 * Writes a report as `application/json`.
 *
 * By default, the flat map that existing monitors parse, one entry per check
 * in report order, the value being the check's `output`:
 * `{"DatabaseHealthCheck":"working","QueueHealthCheck":"unavailable: connection refused"}`.
 * A failure that flap suppression holds back (`failAfter` not reached yet:
 * reported `warn`, HTTP 200) says so before its output, so that a monitor
 * does not take it for a failure:
 * `"warning (suppressed, pending failure: 1 of 3 failed executions in a row): unavailable: connection refused"`.
 * With `detailed: true`, the whole report, as `JSON.stringify(report)` would
 * write it, including each check's `history` when the report carries one
 * (`run({ history: true })`), each check's `componentType` and
 * `affectedEndpoints` when it has them, and the report's `service` (the
 * module's `serviceInfo`) when it carries one.
 *
 * By detail level:
 * - `full`: as above.
 * - `status`: flat map values are `"working"` or the check's distinct error
 *   kinds (`"unavailable, timeout"`; a suppressed failure
 *   `"warning (suppressed, pending failure): unavailable"`); the detailed report keeps `status`,
 *   `httpStatus`, `startedAt` and, per check, `name`, `status` and `critical`
 *   (no history: its entries carry messages and durations; no `service`).
 * - `summary`: `{"status":"fail"}`, in both modes.
 *
 * @example
 * ```ts
 * import { JsonSerializer, type HealthReport } from 'pulsecheck';
 *
 * const report: HealthReport = {
 *   status: 'fail',
 *   httpStatus: 503,
 *   startedAt: new Date().toISOString(),
 *   durationMs: 3.1,
 *   checks: [
 *     { name: 'QueueHealthCheck', status: 'fail', critical: true, tags: [], durationMs: 2.9,
 *       output: 'unavailable: connection refused', errors: [{ kind: 'unavailable', message: 'connection refused' }], observations: {} },
 *   ],
 * };
 * console.log(new JsonSerializer().serialize(report)); // {"QueueHealthCheck":"unavailable: connection refused"}
 * console.log(new JsonSerializer({ detail: 'status' }).serialize(report)); // {"QueueHealthCheck":"unavailable"}
 * ```
 */
export class JsonSerializer implements Serializer {
  /** Always `application/json`. */
  readonly contentType = 'application/json';
  readonly #detailed: boolean;
  readonly #detail: DetailLevel;

  /**
   * @param options - Flat or detailed, and the detail level; see {@link JsonSerializerOptions}.
   * @throws TypeError when an option has the wrong type or an unknown key.
   */
  constructor(options: JsonSerializerOptions = {}) {
    const schema = RENDER_OPTION_SCHEMAS.json;
    const valid = validateOptions(schema, options, 'JsonSerializer');
    this.#detailed = valid.detailed ?? schema.detailed.defaultValue;
    this.#detail = valid.detail ?? schema.detail.defaultValue;
  }

  /**
   * Renders the report as JSON.
   *
   * @param report - The report to render.
   * @returns Compact JSON text.
   * @throws TypeError when `report` is not a report.
   */
  serialize(report: HealthReport): string {
    assertReport(report, 'JsonSerializer.serialize');
    if (this.#detail === 'summary') return JSON.stringify({ status: report.status });
    if (this.#detailed) return JSON.stringify(this.#detail === 'full' ? fullReport(report) : statusReport(report));
    const value = this.#detail === 'full' ? flatOutput : stateWords;
    // Written by hand rather than through an object: keeps report order even
    // for integer-like names, and a check named "__proto__" stays a key.
    const entries = report.checks.map((check) => `${JSON.stringify(check.name)}:${JSON.stringify(value(check))}`);
    return `{${entries.join(',')}}`;
  }
}

/**
 * The flat map's value at detail `full`: the check's output, except for a
 * failure that flap suppression holds back (reported `warn`, HTTP 200),
 * which says so before the output, so that a monitor does not take it for
 * a failure: `warning (suppressed, pending failure: 1 of 3 failed
 * executions in a row): unavailable: connection refused`.
 */
function flatOutput(check: CheckResult): string {
  const suppressed = pendingFailure(check);
  return suppressed === undefined ? check.output : `warning (suppressed, ${describeSuppressed(suppressed, formatMs)}): ${check.output}`;
}

/** `"working"`, or the check's distinct error kinds joined by `, ` (for a suppressed failure: `warning (suppressed, pending failure): unavailable`). */
function stateWords(check: CheckResult): string {
  const kinds = [...new Set(check.errors.map((error) => error.kind))];
  if (kinds.length > 0) return pendingFailure(check) === undefined ? kinds.join(', ') : `warning (suppressed, pending failure): ${kinds.join(', ')}`;
  return check.status === 'pass' ? 'working' : check.status;
}

/** The `suppressed` of a failure held back by flap suppression (reported as not failing), else `undefined`. */
function pendingFailure(check: CheckResult): SuppressedStatus | undefined {
  const suppressed = suppressedFields(check.suppressed);
  return suppressed?.observed === 'fail' && check.status !== 'fail' ? suppressed : undefined;
}

function fullReport(report: HealthReport): object {
  return {
    status: report.status,
    httpStatus: report.httpStatus,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    checks: report.checks.map((check) => ({
      name: check.name,
      status: check.status,
      critical: check.critical,
      tags: [...check.tags],
      durationMs: check.durationMs,
      output: check.output,
      errors: check.errors.map((error) => ({ kind: error.kind, message: error.message })),
      // fromEntries defines keys, so an observation named "__proto__" stays data
      observations: Object.fromEntries(
        Object.entries(check.observations).map(([key, { value, unit }]) => [key, unit === undefined ? { value } : { value, unit }]),
      ),
      // where the service's buildResult() writes it, so the text equals JSON.stringify(report)
      ...(typeof check.description === 'string' ? { description: check.description } : {}),
      ...(typeof check.componentType === 'string' ? { componentType: check.componentType } : {}),
      ...(Array.isArray(check.affectedEndpoints) ? { affectedEndpoints: (check.affectedEndpoints as readonly unknown[]).filter((endpoint): endpoint is string => typeof endpoint === 'string') } : {}),
      ...suppressedEntry(check),
      ...(typeof check.blockedBy === 'string' ? { blockedBy: check.blockedBy } : {}),
      ...(check.cached === true ? { cached: true } : {}),
      ...(check.ageMs === undefined ? {} : { ageMs: check.ageMs }),
      ...(check.history === undefined ? {} : { history: historyJson(check.history) }),
    })),
    ...serviceEntry(report),
  };
}

/** `{ service }` when the report carries the module's `serviceInfo`, last, where the service's buildReport() writes it. */
function serviceEntry(report: HealthReport): { service?: object } {
  const service = serviceFields(report.service);
  return service === undefined ? {} : { service };
}

/** A check's history as `JSON.stringify` writes it: the same keys, in the same order. */
function historyJson(history: CheckHistory): object {
  return {
    name: history.name,
    capacity: history.capacity,
    entries: history.entries.map((entry) => ({ status: entry.status, durationMs: entry.durationMs, time: entry.time, output: entry.output })),
    ...(history.uptimePercent === undefined ? {} : { uptimePercent: history.uptimePercent }),
  };
}

/** `{ suppressed }` for a result held back by flap suppression, else nothing. */
function suppressedEntry(check: CheckResult): { suppressed?: SuppressedStatus } {
  const suppressed = suppressedFields(check.suppressed);
  return suppressed === undefined ? {} : { suppressed };
}

function statusReport(report: HealthReport): object {
  return {
    status: report.status,
    httpStatus: report.httpStatus,
    startedAt: report.startedAt,
    checks: report.checks.map((check) => ({ name: check.name, status: check.status, critical: check.critical })),
  };
}
