/**
 * A JSON Schema (2020-12) of the response of draft-inadarei-api-health-check-06
 * ("Health Check Response Format for HTTP APIs", October 2021), written from
 * the draft's text, section by section, independently of pulsecheck's code
 * and of its OpenAPI schemas, and checked with ajv and ajv-formats.
 *
 * `healthJsonDraft06` holds what the draft requires or defines (a document
 * that breaks it is not a health check response); `healthJsonDraft06Strict`
 * adds the draft's SHOULDs that pulsecheck follows: `output` omitted for
 * `pass` (3.5, 4.8), `affectedEndpoints` omitted for `pass` (4.6),
 * `componentType` present with a component (4.2), a single-node component
 * as a one-element array (4).
 */
import addFormats from 'ajv-formats';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

/** 3.1: the status words (pulsecheck writes the canonical ones, never the aliases). */
const status = { enum: ['pass', 'fail', 'warn'] };

/** 3.7: an object of link relations to URIs; "All values of this object SHALL be URIs. Keys MAY also be URIs." */
const links = { type: 'object', additionalProperties: { type: 'string', format: 'uri' } };

/** 4.1-4.10: one "component details" object; additional keys are allowed (4.10). */
const componentDetails = {
  type: 'object',
  minProperties: 1,
  properties: {
    componentId: { type: 'string' },
    // 4.2: a pre-defined value, a common term or a URI
    componentType: { anyOf: [{ enum: ['component', 'datastore', 'system'] }, { type: 'string', format: 'uri' }, { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' }] },
    observedValue: true,
    observedUnit: { type: 'string' },
    status,
    // 4.6: URI Templates as defined by RFC 6570
    affectedEndpoints: { type: 'array', items: { type: 'string', format: 'uri-template' } },
    // 4.7: ISO 8601 date-time
    time: { type: 'string', format: 'date-time' },
    output: { type: 'string' },
    links,
  },
} as const;

const strictComponent = {
  allOf: [
    componentDetails,
    { required: ['componentType', 'status'] },
    { if: { properties: { status: { const: 'pass' } } }, then: { not: { anyOf: [{ required: ['output'] }, { required: ['affectedEndpoints'] }] } } },
  ],
};

function responseSchema(component: object, strict: boolean): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['status'],
    properties: {
      status,
      version: { type: 'string' },
      releaseId: { type: 'string' },
      notes: { type: 'array', items: { type: 'string' } },
      output: { type: 'string' },
      // 4: keys "{componentName}:{measurementName}", neither half containing a colon; values arrays of component details
      checks: {
        type: 'object',
        propertyNames: { pattern: '^[^:]*(:[^:]*)?$' },
        additionalProperties: { type: 'array', items: component, ...(strict ? { minItems: 1 } : {}) },
      },
      links,
      serviceId: { type: 'string' },
      description: { type: 'string' },
    },
    ...(strict ? { if: { properties: { status: { const: 'pass' } } }, then: { not: { required: ['output'] } } } : {}),
  };
}

/** What the draft requires or defines. */
export const healthJsonDraft06: object = responseSchema(componentDetails, false);
/** With the SHOULDs pulsecheck follows. */
export const healthJsonDraft06Strict: object = responseSchema(strictComponent, true);

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats.default(ajv, ['uri', 'uri-template', 'date-time']);
const validators = { loose: ajv.compile(healthJsonDraft06), strict: ajv.compile(healthJsonDraft06Strict) };

/** The ways `body` (parsed JSON) breaks the draft (`strict`: and its SHOULDs); empty when it conforms. */
export function draft06Problems(body: unknown, strictness: 'loose' | 'strict' = 'strict'): string[] {
  const validate = validators[strictness];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

/**
 * The example response of the draft's section 5, verbatim but for the
 * the `memory:utilization` entry, left out for length. It breaks two
 * SHOULDs (`output: ""` on pass), so only the loose schema accepts it.
 */
export const draft06Example: unknown = {
  "status": "pass",
  "version": "1",
  "releaseId": "1.2.2",
  "notes": [""],
  "output": "",
  "serviceId": "f03e522f-1f44-4062-9b55-9587f91c9c41",
  "description": "health of authz service",
  "checks": {
    "cassandra:responseTime": [{"componentId": "dfd6cf2b-1b6e-4412-a0b8-f6f7797a60d2","componentType": "datastore","observedValue": 250,"observedUnit": "ms","status": "pass","affectedEndpoints": ["/users/{userId}","/customers/{customerId}/status","/shopping/{anything}"],"time": "2018-01-17T03:36:48Z","output": ""}],
    "cassandra:connections": [{"componentId": "dfd6cf2b-1b6e-4412-a0b8-f6f7797a60d2","componentType": "datastore","observedValue": 75,"status": "warn","time": "2018-01-17T03:36:48Z","output": "","links": {"self": "http://api.example.com/dbnode/dfd6cf2b/health"}}],
    "uptime": [{"componentType": "system","observedValue": 1209600.245,"observedUnit": "s","status": "pass","time": "2018-01-17T03:36:48Z"}],
    "cpu:utilization": [{"componentId": "6fd416e0-8920-410f-9c7b-c479000f7227","node": 1,"componentType": "system","observedValue": 85,"observedUnit": "percent","status": "warn","time": "2018-01-17T03:36:48Z","output": ""}]
  },
  "links": {"about": "http://api.example.com/about/authz","http://api.x.io/rel/thresholds": "http://api.x.io/about/authz/thresholds"}
};
