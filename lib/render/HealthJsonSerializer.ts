import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { Observation } from '../report/Observation.js';
import { checkedAt } from './checkedAt.js';
import type { DetailLevel } from './DetailLevel.js';
import type { Serializer } from './Serializer.js';
import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import { assertReport } from './validateRenderInput.js';
import type { SuppressedStatus } from '../report/SuppressedStatus.js';
import { suppressedFields } from './suppressedFields.js';
import { COMPONENT_TYPES, type ComponentType } from '../report/ComponentType.js';
import { serviceFields } from './serviceFields.js';

/**
 * Options of a {@link HealthJsonSerializer}.
 *
 * @example
 * ```ts
 * import { HealthJsonSerializer, type HealthJsonSerializerOptions } from 'pulsecheck';
 *
 * const options: HealthJsonSerializerOptions = { detail: 'status' };
 * const serializer = new HealthJsonSerializer(options);
 * ```
 */
export interface HealthJsonSerializerOptions {
  /**
   * How much to reveal; see {@link DetailLevel}.
   * @defaultValue `'full'`
   */
  readonly detail?: DetailLevel;
}

/** One "component details" object of the draft's `checks` object. */
interface ComponentDetails {
  componentId: string;
  componentType: ComponentType;
  description?: string;
  observedValue?: number | string | boolean;
  observedUnit?: string;
  status?: string;
  affectedEndpoints?: string[];
  time?: string;
  output?: string;
  suppressed?: SuppressedStatus;
}

/**
 * Writes a report in the IETF health check response format
 * (draft-inadarei-api-health-check-06), `application/health+json`.
 *
 * The mapping:
 * - top-level `status` is the report's (`pass` / `warn` / `fail`; HTTP 200 /
 *   200 / 503, as the draft requires);
 * - top-level `output`, for `warn` and `fail` only, lists the output of each
 *   check that did not pass, one `"<check>: <kind>: <message>"` line each;
 * - `checks` has, for each check, one key per measurement, each pointing to a
 *   one-element array (the draft's form for a single-node component):
 *   - `"<check>:responseTime"`: `observedValue` is the check's duration,
 *     `observedUnit` `"ms"` (left out when the check observed a
 *     `responseTime` of its own);
 *   - `"<check>:<key>"` for each observation the check recorded, with
 *     `observedValue` and, when it has one, `observedUnit`;
 * - every entry carries `componentId` (the check's name), `componentType`
 *   (the result's {@link CheckResult.componentType}: `"datastore"` for the
 *   bundled PostgreSQL, MySQL and Redis checks, `"system"` for the process
 *   checks, else `"component"`), the check's `description` when it has one
 *   (an additional key, which the draft allows in a checks entry), the
 *   check's `status`, unless it passed its `affectedEndpoints` when it
 *   registered some, `time` (when the result was produced: the report's
 *   `startedAt`, earlier for a cached result) and, unless it passed, the
 *   check's `output`; and, for a result held back by flap suppression, its
 *   `suppressed` (an additional key, as {@link CheckResult.suppressed});
 * - the report's {@link HealthReport.service} (the module's `serviceInfo`)
 *   gives the top-level `version`, `releaseId`, `notes`, `serviceId`,
 *   `description` and `links`, in the draft's order around `output` and
 *   `checks`.
 *
 * The draft forbids a colon inside either half of a key, so a colon in a
 * check name or an observation key becomes `_` there (`componentId` keeps the
 * real name). Two keys that end up equal share one array.
 *
 * By detail level: `status` writes one key per check, `"<check>"`, whose
 * entry has `componentId`, `componentType`, `status` and `time` only, and no
 * top-level `output` nor service fields; `summary` writes `{"status":"..."}` alone.
 *
 * @example
 * ```ts
 * import { HealthJsonSerializer, type HealthReport } from 'pulsecheck';
 *
 * const report: HealthReport = {
 *   status: 'pass',
 *   httpStatus: 200,
 *   startedAt: '2025-01-01T00:00:00.000Z',
 *   durationMs: 1.5,
 *   checks: [
 *     { name: 'db', status: 'pass', critical: true, tags: [], durationMs: 1.2,
 *       output: 'working', errors: [], observations: { connections: { value: 4 } } },
 *   ],
 * };
 * const body = JSON.parse(new HealthJsonSerializer().serialize(report)) as { checks: Record<string, unknown[]> };
 * console.log(Object.keys(body.checks)); // [ 'db:responseTime', 'db:connections' ]
 * ```
 */
export class HealthJsonSerializer implements Serializer {
  /** Always `application/health+json`. */
  readonly contentType = 'application/health+json';
  readonly #detail: DetailLevel;

  /**
   * @param options - The detail level; see {@link HealthJsonSerializerOptions}.
   * @throws TypeError when an option has the wrong type or an unknown key.
   */
  constructor(options: HealthJsonSerializerOptions = {}) {
    const schema = RENDER_OPTION_SCHEMAS.healthJson;
    this.#detail = validateOptions(schema, options, 'HealthJsonSerializer').detail ?? schema.detail.defaultValue;
  }

  /**
   * Renders the report as `application/health+json`.
   *
   * @param report - The report to render.
   * @returns Compact JSON text.
   * @throws TypeError when `report` is not a report.
   */
  serialize(report: HealthReport): string {
    assertReport(report, 'HealthJsonSerializer.serialize');
    if (this.#detail === 'summary') return JSON.stringify({ status: report.status });
    const full = this.#detail === 'full';
    const checks = new Map<string, ComponentDetails[]>();
    const add = (key: string, details: ComponentDetails): void => {
      const entries = checks.get(key);
      if (entries === undefined) checks.set(key, [details]);
      else entries.push(details);
    };
    for (const check of report.checks) {
      const component = keyPart(check.name);
      if (!full) {
        add(component, details(report, check, full));
        continue;
      }
      const observations = Object.entries(check.observations);
      if (!observations.some(([key]) => key === 'responseTime')) {
        add(`${component}:responseTime`, details(report, check, full, { value: check.durationMs, unit: 'ms' }));
      }
      for (const [key, observation] of observations) add(`${component}:${keyPart(key)}`, details(report, check, full, observation));
    }
    const output = full && report.status !== 'pass' ? failingOutput(report) : '';
    const service = full ? serviceFields(report.service) : undefined;
    // The draft's order: status, version, releaseId, notes, output, serviceId, description, checks, links.
    return JSON.stringify({
      status: report.status,
      ...(service?.version === undefined ? {} : { version: service.version }),
      ...(service?.releaseId === undefined ? {} : { releaseId: service.releaseId }),
      ...(service?.notes === undefined ? {} : { notes: service.notes }),
      ...(output === '' ? {} : { output }),
      ...(service?.serviceId === undefined ? {} : { serviceId: service.serviceId }),
      ...(service?.description === undefined ? {} : { description: service.description }),
      checks: Object.fromEntries(checks),
      ...(service?.links === undefined ? {} : { links: service.links }),
    });
  }
}

/** The result's componentType when it is one the draft defines, else `component`. */
function componentTypeOf(check: CheckResult): ComponentType {
  const declared: unknown = check.componentType;
  return (COMPONENT_TYPES as readonly unknown[]).includes(declared) ? (declared as ComponentType) : 'component';
}

function keyPart(text: string): string {
  return text.replaceAll(':', '_');
}

/** One entry, its keys in the draft's order; the observation only at detail `full`. */
function details(report: HealthReport, check: CheckResult, full: boolean, observed?: Observation): ComponentDetails {
  const entry: ComponentDetails = { componentId: check.name, componentType: componentTypeOf(check) };
  if (full && typeof check.description === 'string' && check.description !== '') entry.description = check.description;
  if (observed !== undefined) {
    entry.observedValue = observed.value;
    if (observed.unit !== undefined) entry.observedUnit = observed.unit;
  }
  entry.status = check.status;
  if (full && check.status !== 'pass' && Array.isArray(check.affectedEndpoints) && check.affectedEndpoints.length > 0) {
    entry.affectedEndpoints = check.affectedEndpoints.filter((endpoint): endpoint is string => typeof endpoint === 'string');
  }
  const time = checkedAt(report, check);
  if (time !== undefined) entry.time = time;
  if (full && check.status !== 'pass') entry.output = check.output;
  const suppressed = full ? suppressedFields(check.suppressed) : undefined;
  if (suppressed !== undefined) entry.suppressed = suppressed;
  return entry;
}

function failingOutput(report: HealthReport): string {
  return report.checks
    .filter((check) => check.status !== 'pass')
    .flatMap((check) => check.output.split('\n').map((line) => `${check.name}: ${line}`))
    .join('\n');
}
