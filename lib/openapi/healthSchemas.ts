import { CHECK_ERROR_KINDS } from '../report/CheckErrorKind.js';
import { COMPONENT_TYPES } from '../report/ComponentType.js';
import { HEALTH_STATUSES } from '../report/HealthStatus.js';
import type { JsonSchema } from './JsonSchema.js';

/** @internal Where the document's own schemas live. */
export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * @internal The schemas every document shares (the per-route flat maps are
 * made next to the operations), all named `Pulsecheck…` so that they merge
 * into a user's components without clashing.
 */
export const healthSchemas: Readonly<Record<string, JsonSchema>> = {
  PulsecheckHealthStatus: {
    type: 'string',
    enum: [...HEALTH_STATUSES],
    description: "The status words of the IETF health+json draft: 'fail' when a critical check failed, 'warn' when a check warned or a non-critical one failed, else 'pass'.",
  },
  PulsecheckCheckOutput: {
    type: 'string',
    description:
      `One check's outcome in the flat JSON map. At detail 'full': "working", or one "<kind>: <message>" line per error (kinds: ${CHECK_ERROR_KINDS.join(', ')}; messages redacted). At detail 'status': "working" or the check's error kinds ("unavailable, timeout").`,
    examples: ['working', 'unavailable: connect ECONNREFUSED 127.0.0.1:5432'],
  },
  PulsecheckSummary: {
    type: 'object',
    description: "The body at detail 'summary' (in every JSON format): the overall status alone.",
    properties: { status: schemaRef('PulsecheckHealthStatus') },
    required: ['status'],
    additionalProperties: false,
  },
  PulsecheckCheckError: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: [...CHECK_ERROR_KINDS] },
      message: { type: 'string', description: 'Redacted: passwords, tokens and keys never appear.' },
    },
    required: ['kind', 'message'],
  },
  PulsecheckObservation: {
    type: 'object',
    properties: { value: { type: ['number', 'string', 'boolean'] }, unit: { type: 'string' } },
    required: ['value'],
  },
  PulsecheckCheckResult: {
    type: 'object',
    description: "One check in the detailed report. At detail 'status' only name, status and critical.",
    properties: {
      name: { type: 'string' },
      status: schemaRef('PulsecheckHealthStatus'),
      critical: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
      durationMs: { type: 'number', minimum: 0 },
      output: { type: 'string' },
      errors: { type: 'array', items: schemaRef('PulsecheckCheckError') },
      observations: { type: 'object', additionalProperties: schemaRef('PulsecheckObservation') },
      cached: { type: 'boolean', const: true },
      ageMs: { type: 'number', minimum: 0 },
      history: schemaRef('PulsecheckCheckHistory'),
      suppressed: schemaRef('PulsecheckSuppressedStatus'),
      blockedBy: { type: 'string', description: 'The root cause: the failed dependency (dependsOn) that blocked this check.' },
      description: { type: 'string', description: "The check's description, as registered." },
      componentType: { type: 'string', enum: COMPONENT_TYPES.filter((type) => type !== 'component'), description: "As the check's class declares it (static traits); absent for a 'component'." },
      affectedEndpoints: { type: 'array', items: { type: 'string' }, description: 'The endpoints a failure of the check affects (URI templates, RFC 6570), as registered.' },
    },
    required: ['name', 'status', 'critical'],
  },
  PulsecheckHistoryEntry: {
    type: 'object',
    description: 'One execution of a check, as its history keeps it.',
    properties: {
      status: schemaRef('PulsecheckHealthStatus'),
      durationMs: { type: 'number', minimum: 0 },
      time: { type: 'string', format: 'date-time', description: 'When the execution ended (UTC).' },
      output: { type: 'string', maxLength: 240, description: 'The result\'s output, redacted, cut to 240 characters (ending in "…" when cut).' },
    },
    required: ['status', 'durationMs', 'time', 'output'],
  },
  PulsecheckCheckHistory: {
    type: 'object',
    description:
      "A check's recent executions, oldest first (at most `capacity`, the service's historySize), at detail 'full' when the report was run with { history: true } (healthEndpoints: ?history=1). uptimePercent is the share of entries that are not 'fail'; absent while there are none.",
    properties: {
      name: { type: 'string' },
      capacity: { type: 'integer', minimum: 0 },
      entries: { type: 'array', items: schemaRef('PulsecheckHistoryEntry') },
      uptimePercent: { type: 'number', minimum: 0, maximum: 100 },
    },
    required: ['name', 'capacity', 'entries'],
  },
  PulsecheckSuppressedStatus: {
    type: 'object',
    description:
      "Present when flap suppression (failAfter, recoverAfter) reports another status than the execution found: a failure not yet confirmed (observed 'fail', reported 'warn') or a recovery not yet confirmed (observed 'pass' or 'warn', reported 'fail').",
    properties: {
      observed: schemaRef('PulsecheckHealthStatus'),
      streak: { type: 'integer', minimum: 1 },
      needed: { type: 'integer', minimum: 1 },
      forMs: { type: 'number', minimum: 0 },
      neededMs: { type: 'number', minimum: 0 },
    },
    required: ['observed', 'streak'],
  },
  PulsecheckDetailedReport: {
    type: 'object',
    description:
      "The whole report, as JsonSerializer({ detailed: true }) and `pulsecheck --format json` write it, and the built-in routes answer in JSON when asked for ?history. At detail 'status' without durations, outputs, errors, observations and tags; at detail 'summary' it is PulsecheckSummary.",
    properties: {
      status: schemaRef('PulsecheckHealthStatus'),
      httpStatus: { type: 'integer', enum: [200, 503] },
      startedAt: { type: 'string', format: 'date-time' },
      durationMs: { type: 'number', minimum: 0 },
      checks: { type: 'array', items: schemaRef('PulsecheckCheckResult') },
      service: schemaRef('PulsecheckServiceInfo'),
    },
    required: ['status', 'httpStatus', 'startedAt', 'checks'],
  },
  PulsecheckServiceInfo: {
    type: 'object',
    description:
      "What the service says about itself: the module's serviceInfo option, under the field names of draft-inadarei-api-health-check-06 (section 3). At detail 'full' only: `service` in the detailed report, the top-level fields of health+json.",
    properties: {
      version: { type: 'string', description: 'The public version of the service.' },
      releaseId: { type: 'string', description: 'The release of its implementation.' },
      notes: { type: 'array', items: { type: 'string' }, description: 'Notes relevant to the current state of health.' },
      serviceId: { type: 'string', description: 'A unique identifier of the service, in the application scope.' },
      description: { type: 'string', description: 'A human-friendly description of the service.' },
      links: { type: 'object', additionalProperties: { type: 'string', format: 'uri' }, description: 'Link relations (about, self, or a URI) to absolute http(s) URIs.' },
    },
    additionalProperties: false,
  },
  PulsecheckHealthJsonComponent: {
    type: 'object',
    description: 'One "component details" entry of application/health+json (draft-inadarei-api-health-check-06).',
    properties: {
      componentId: { type: 'string', description: "The check's name." },
      componentType: {
        type: 'string',
        enum: [...COMPONENT_TYPES],
        description: "'datastore' for the bundled database and cache checks, 'system' for the process checks, as a check's class declares it (static traits); else 'component'.",
      },
      description: { type: 'string', description: "The check's description, when it has one (at detail 'full'; an additional key)." },
      observedValue: { type: ['number', 'string', 'boolean'] },
      observedUnit: { type: 'string' },
      status: schemaRef('PulsecheckHealthStatus'),
      affectedEndpoints: {
        type: 'array',
        items: { type: 'string' },
        description: "URI templates (RFC 6570) of the endpoints a failure affects, as the check registered them; at detail 'full', while the check does not pass.",
      },
      time: { type: 'string', format: 'date-time' },
      output: { type: 'string' },
      suppressed: schemaRef('PulsecheckSuppressedStatus'),
    },
    required: ['componentId', 'componentType', 'status'],
  },
  PulsecheckHealthJson: {
    type: 'object',
    description:
      'The report in application/health+json (draft-inadarei-api-health-check-06), with the service-level fields of the module\'s serviceInfo at the top level: `checks` has one key per measurement, "<check>:<measurement>" (a colon in a name becomes "_"), each an array of component details; at detail \'status\' one key per check; at detail \'summary\' the status alone.',
    properties: {
      status: schemaRef('PulsecheckHealthStatus'),
      version: { type: 'string', description: "serviceInfo.version (at detail 'full')." },
      releaseId: { type: 'string', description: "serviceInfo.releaseId (at detail 'full')." },
      notes: { type: 'array', items: { type: 'string' }, description: "serviceInfo.notes (at detail 'full')." },
      output: { type: 'string', description: "At detail 'full' and status warn or fail: one \"<check>: <kind>: <message>\" line per problem." },
      serviceId: { type: 'string', description: "serviceInfo.serviceId (at detail 'full')." },
      description: { type: 'string', description: "serviceInfo.description (at detail 'full')." },
      checks: { type: 'object', additionalProperties: { type: 'array', items: schemaRef('PulsecheckHealthJsonComponent'), minItems: 1 } },
      links: { type: 'object', additionalProperties: { type: 'string', format: 'uri' }, description: "serviceInfo.links (at detail 'full'): link relations to URIs." },
    },
    required: ['status'],
  },
  PulsecheckPlainText: { type: 'string', description: 'A text/plain message (400, 405, 500).' },
};
