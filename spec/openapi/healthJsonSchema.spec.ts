import { expect } from 'chai';
import fc from 'fast-check';
import addFormats from 'ajv-formats';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { HealthJsonSerializer, JsonSerializer, type DetailLevel } from 'pulsecheck';
import { healthSchemas } from '#lib/openapi/healthSchemas.js';
import { numRuns } from '../support/arbitraries.js';
import { healthReport } from '../render/reportArbitrary.js';

const details = ['full', 'status', 'summary'] as const satisfies readonly DetailLevel[];

/**
 * The document's schemas with every object schema closed
 * (`additionalProperties: false` where it says nothing): a body that holds a
 * field the schemas do not describe then fails, so the schemas are shown to
 * describe every field the serializers write.
 */
function closedSchemas(): Record<string, unknown> {
  const close = (schema: unknown): unknown => {
    if (Array.isArray(schema)) return schema.map(close);
    if (typeof schema !== 'object' || schema === null) return schema;
    const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, property]) => [name, close(property)])) : close(value)]));
    return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
  };
  return close(healthSchemas) as Record<string, unknown>;
}

function validator(name: string): (body: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv, ['uri', 'date-time']);
  ajv.addSchema({ $id: 'https://pulsecheck.test/schemas', components: { schemas: closedSchemas() } });
  const validate = ajv.compile({ $ref: `https://pulsecheck.test/schemas#/components/schemas/${name}` });
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`));
}

describe("openApiDocument's schemas of health+json and the detailed report", () => {
  it("name every top-level field of draft-inadarei-api-health-check-06, and each check field pulsecheck writes", () => {
    const top = Object.keys((healthSchemas.PulsecheckHealthJson as { properties: object }).properties);
    expect(top).to.include.members(['status', 'version', 'releaseId', 'notes', 'output', 'serviceId', 'description', 'checks', 'links']);
    const component = (healthSchemas.PulsecheckHealthJsonComponent as { properties: Record<string, { enum?: string[] }> }).properties;
    expect(Object.keys(component)).to.include.members(['componentId', 'componentType', 'observedValue', 'observedUnit', 'status', 'affectedEndpoints', 'time', 'output']);
    expect(component.componentType?.enum).to.deep.equal(['component', 'datastore', 'system']);
  });

  it('describe every field of every health+json body, closed to any other', () => {
    const problems = validator('PulsecheckHealthJson');
    fc.assert(
      fc.property(healthReport, fc.constantFrom(...details), (report, detail) => {
        const body: unknown = JSON.parse(new HealthJsonSerializer({ detail }).serialize(report));
        expect(problems(body)).to.deep.equal([]);
      }),
      { numRuns: numRuns(200) },
    );
  });

  it('describe every field of every detailed report at detail full, closed to any other', () => {
    const problems = validator('PulsecheckDetailedReport');
    fc.assert(
      fc.property(healthReport, (report) => {
        const body: unknown = JSON.parse(new JsonSerializer({ detailed: true }).serialize(report));
        expect(problems(body)).to.deep.equal([]);
      }),
      { numRuns: numRuns(200) },
    );
  });
});
