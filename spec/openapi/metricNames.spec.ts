import { expect } from 'chai';
import { OpenMetricsSerializer, openApiDocument } from 'pulsecheck';
import { aReport, working } from '../render/fixtures.js';

const report = aReport([working('db')]);

type Loose = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): Loose => keys.reduce<Loose>((node, key) => (node[key] ?? {}) as Loose, value as Loose);

describe('the metric names the OpenAPI description gives', () => {
  const content = at(openApiDocument({ checks: [{ name: 'db' }] }).paths, '/health', 'get', 'responses', '200', 'content');

  for (const [contentType, flavor] of [
    ['application/openmetrics-text; version=1.0.0; charset=utf-8', 'openmetrics'],
    ['text/plain; version=0.0.4; charset=utf-8', 'prometheus'],
  ] as const) {
    it(`are metrics the ${flavor} body has (it said health_check_status; the serializer writes pulsecheck_check_status)`, () => {
      const description = String(at(content, contentType, 'schema').description);
      const named = description.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [];
      expect(named, description).to.not.be.empty;
      const body = new OpenMetricsSerializer({ flavor }).serialize(report);
      for (const name of named) expect(body).to.include(`\n${name}{`);
    });
  }
});
