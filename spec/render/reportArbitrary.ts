/**
 * fast-check arbitraries of {@link HealthReport}s as the service makes them
 * (statuses, outputs and HTTP codes follow from the errors; keys in
 * buildResult()'s order), with every optional part the report types allow:
 * descriptions, componentType, affectedEndpoints, observations of every
 * value type (keys and names with colons), cached results, flap
 * suppression, blocked checks, and the service's serviceInfo.
 */
import fc from 'fast-check';
import { CHECK_OPTION_SCHEMA } from '#lib/core/RegisterOptions.js';
import { CHECK_ERROR_KINDS } from '#lib/report/CheckErrorKind.js';
import type { CheckError } from '#lib/report/CheckError.js';
import type { CheckResult } from '#lib/report/CheckResult.js';
import type { HealthReport } from '#lib/report/HealthReport.js';
import type { HealthStatus } from '#lib/report/HealthStatus.js';
import type { ServiceInfo } from '#lib/report/ServiceInfo.js';

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== '');
/** Names and keys, a colon now and then (health+json must rewrite it in keys). */
const name = fc.oneof(text, fc.tuple(text, text).map(([a, b]) => `${a}:${b}`));

/** Whether registerHealthCheck accepts `endpoint` in affectedEndpoints (its own rule decides). */
function registrable(endpoint: string): boolean {
  try {
    CHECK_OPTION_SCHEMA.affectedEndpoints.check([endpoint], 'affectedEndpoints', 'reportArbitrary');
    return true;
  } catch {
    return false;
  }
}

/** URI templates as registerHealthCheck accepts them: literals, percent-encoding and expressions. */
const uriTemplate: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.webSegment().filter((segment) => segment !== '').map((segment) => `/${segment}`),
      fc.constantFrom('/orders/{id}', '{?page,size}', '{/path*}', '/v2{+base}', '{#section:3}', '/caf%C3%A9', 'https://api.example.com/users/{userId}'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  // mapped rather than filtered: a rule that accepted nothing must fail the specs, not hang the generator
  .map((parts) => {
    const template = parts.join('');
    return registrable(template) ? template : '/orders/{id}';
  });

export const serviceInfo: fc.Arbitrary<ServiceInfo> = fc.record(
  {
    version: text,
    releaseId: text,
    notes: fc.array(text, { maxLength: 3 }),
    serviceId: fc.oneof(text, fc.uuid()),
    description: text,
    links: fc.dictionary(fc.oneof(fc.constantFrom('about', 'self', 'http://api.x.io/rel/thresholds'), fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/)), fc.webUrl({ withQueryParameters: true, withFragments: true }), {
      maxKeys: 3,
    }),
  },
  { requiredKeys: [] },
);

const observation = fc.record(
  { value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ maxLength: 12 }), fc.boolean()), unit: fc.constantFrom('ms', 'bytes', 'percent') },
  { requiredKeys: ['value'] },
);

const checkError: fc.Arbitrary<CheckError> = fc.record({ kind: fc.constantFrom(...CHECK_ERROR_KINDS), message: fc.string({ maxLength: 30 }) });

const checkResult = (checkName: string): fc.Arbitrary<CheckResult> =>
  fc
    .record({
      critical: fc.boolean(),
      tags: fc.array(text, { maxLength: 2 }),
      durationMs: fc.double({ min: 0, max: 5_000, noNaN: true }),
      errors: fc.array(checkError, { maxLength: 3 }),
      observations: fc.dictionary(name, observation, { maxKeys: 3 }),
      description: fc.option(text, { nil: undefined }),
      componentType: fc.option(fc.constantFrom('datastore' as const, 'system' as const), { nil: undefined }),
      affectedEndpoints: fc.option(fc.array(uriTemplate, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      cachedAgeMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
      suppressed: fc.option(fc.record({ observed: fc.constantFrom<HealthStatus>('pass', 'warn', 'fail'), streak: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
      blockedBy: fc.option(text, { nil: undefined }),
    })
    .map(({ errors, description, componentType, affectedEndpoints, cachedAgeMs, suppressed, blockedBy, ...rest }): CheckResult => {
      const status: HealthStatus = errors.length === 0 ? 'pass' : errors.some((error) => error.kind !== 'warning') ? 'fail' : 'warn';
      const output = errors.length === 0 ? 'working' : errors.map((error) => `${error.kind}: ${error.message}`).join('\n');
      return {
        name: checkName,
        status,
        ...rest,
        output,
        errors,
        ...(description === undefined ? {} : { description }),
        ...(componentType === undefined ? {} : { componentType }),
        ...(affectedEndpoints === undefined ? {} : { affectedEndpoints }),
        ...(suppressed === undefined ? {} : { suppressed }),
        ...(blockedBy === undefined ? {} : { blockedBy }),
        ...(cachedAgeMs === undefined ? {} : { cached: true as const, ageMs: cachedAgeMs }),
      };
    });

/** A report over 0 to 5 checks of distinct names, with or without a service. */
export const healthReport: fc.Arbitrary<HealthReport> = fc
  .record({
    names: fc.uniqueArray(name, { maxLength: 5 }),
    startedAt: fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true }),
    durationMs: fc.double({ min: 0, max: 10_000, noNaN: true }),
    service: fc.option(serviceInfo, { nil: undefined }),
  })
  .chain(({ names, startedAt, durationMs, service }) =>
    fc.tuple(...names.map((checkName) => checkResult(checkName))).map((checks): HealthReport => {
      let status: HealthStatus = 'pass';
      for (const check of checks) {
        if (check.status === 'fail' && check.critical) status = 'fail';
        else if (check.status !== 'pass' && status === 'pass') status = 'warn';
      }
      return { status, httpStatus: status === 'fail' ? 503 : 200, startedAt: startedAt.toISOString(), durationMs, checks, ...(service === undefined ? {} : { service }) };
    }),
  );
