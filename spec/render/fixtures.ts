/**
 * Literal reports for the rendering specs: small builders that fill in what a
 * real HealthService would (status from errors, output from errors, report
 * status and HTTP code from the checks), so each spec states only what it is about.
 */
import type { CheckError } from '#lib/report/CheckError.js';
import type { CheckResult } from '#lib/report/CheckResult.js';
import type { HealthReport } from '#lib/report/HealthReport.js';
import type { HealthStatus } from '#lib/report/HealthStatus.js';
import type { Observation } from '#lib/report/Observation.js';
import type { ServiceInfo } from '#lib/report/ServiceInfo.js';

export const startedAt = '2025-03-04T05:06:07.089Z';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface CheckSpec extends Partial<Omit<Writable<CheckResult>, 'errors' | 'observations' | 'tags'>> {
  readonly name: string;
  readonly errors?: readonly CheckError[];
  readonly observations?: Readonly<Record<string, Observation>>;
  readonly tags?: readonly string[];
}

/** A check result; `status` and `output` follow from `errors` unless given. */
export function aCheck(spec: CheckSpec): CheckResult {
  const errors = spec.errors ?? [];
  const derived: HealthStatus = errors.length === 0 ? 'pass' : errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
  return {
    critical: true,
    durationMs: 1.25,
    ...spec,
    status: spec.status ?? derived,
    tags: spec.tags ?? [],
    output: spec.output ?? (errors.length === 0 ? 'working' : errors.map((error) => `${error.kind}: ${error.message}`).join('\n')),
    errors,
    observations: spec.observations ?? {},
  };
}

/** A report over `checks`; its status and HTTP code follow the all-or-nothing rule. */
export function aReport(checks: readonly CheckResult[] = [], overrides: Partial<Writable<HealthReport>> = {}): HealthReport {
  let status: HealthStatus = 'pass';
  for (const check of checks) {
    if (check.status === 'fail' && check.critical) status = 'fail';
    else if (check.status !== 'pass' && status === 'pass') status = 'warn';
  }
  return { status, httpStatus: status === 'fail' ? 503 : 200, startedAt, durationMs: 4.5, checks, ...overrides };
}

export const working = (name: string, spec: Omit<CheckSpec, 'name'> = {}): CheckResult => aCheck({ name, ...spec });

export const unavailable = (name: string, message: string, spec: Omit<CheckSpec, 'name'> = {}): CheckResult =>
  aCheck({ name, errors: [{ kind: 'unavailable', message }], ...spec });

/** The monitors' example: one working check, one refused connection. */
export function databaseAndQueue(): HealthReport {
  return aReport([working('DatabaseHealthCheck'), unavailable('QueueHealthCheck', 'connection refused')]);
}

/**
 * Values that must never leave a serializer below `full`: a secret-looking
 * message, a distinctive duration, observations (numeric and string), a tag,
 * and a cache age.
 */
export const secrets = {
  message: 'password=hunter2-SECRET-7f3a at db.internal.example',
  durationMs: 987.654,
  observationKey: 'replicationLagMs',
  observationValue: 31337.5,
  stringObservation: 'v9.8.7-OBSERVED',
  tag: 'tag-SECRET-zone',
  ageMs: 4242.25,
  reportDurationMs: 6543.21,
  description: 'Ledger primary DESCRIBED-db',
} as const;

/** A report carrying every value of {@link secrets}: one failing check, one cached warning, one passing. */
export function secretReport(): HealthReport {
  return aReport(
    [
      aCheck({
        name: 'DatabaseHealthCheck',
        durationMs: secrets.durationMs,
        description: secrets.description,
        tags: [secrets.tag],
        errors: [
          { kind: 'unavailable', message: secrets.message },
          { kind: 'timeout', message: 'did not finish within 800 ms' },
        ],
        observations: { [secrets.observationKey]: { value: secrets.observationValue, unit: 'ms' }, serverVersion: { value: secrets.stringObservation } },
      }),
      aCheck({ name: 'CacheHealthCheck', errors: [{ kind: 'warning', message: secrets.message }], cached: true, ageMs: secrets.ageMs, critical: false }),
      working('ClockHealthCheck'),
    ],
    { durationMs: secrets.reportDurationMs },
  );
}

/** Strings that break markup if they reach HTML unescaped. */
export const hostile = {
  name: '<script>alert("name")</script>',
  message: '"onload="alert(1)" <img src=x onerror=alert(2)> &amp; done',
  tag: "<b>tag</b>'",
  observationKey: '<i>key</i>',
  observationValue: '</dd><script>evil()</script>',
  unit: '"><u>unit',
  title: '</title><script>alert("title")</script>',
  description: '<em onmouseover="alert(3)">described</em>',
} as const;

export function hostileReport(): HealthReport {
  return aReport([
    aCheck({
      name: hostile.name,
      description: hostile.description,
      tags: [hostile.tag],
      errors: [{ kind: 'unavailable', message: hostile.message }],
      observations: { [hostile.observationKey]: { value: hostile.observationValue, unit: hostile.unit }, depth: { value: 3, unit: hostile.unit } },
    }),
  ]);
}

/** A report's `service` with every field of the draft (the module's serviceInfo). */
export const billingService: ServiceInfo = {
  version: '2',
  releaseId: '2.4.1',
  notes: ['read-only during the close'],
  serviceId: 'billing-api',
  description: 'Invoices and payments',
  links: { about: 'https://wiki.example.com/billing' },
};
