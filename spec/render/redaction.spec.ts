import { expect } from 'chai';
import {
  HealthCheckRegistry,
  HealthJsonSerializer,
  HtmlSerializer,
  JsonSerializer,
  OpenMetricsSerializer,
  ServiceUnavailable,
  healthEndpoints,
  type DetailLevel,
  type HealthReport,
  type HealthService,
} from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { redactionCorpus } from '../core/redactionCorpus.js';
import { warningsDuring } from '../support/warningsDuring.js';

const details: readonly DetailLevel[] = ['full', 'status', 'summary'];

/** Every serializer and flavor at every detail level, each rendering `report`. */
function renderings(report: HealthReport): [string, string][] {
  return details.flatMap((detail): [string, string][] => [
    [`JsonSerializer ${detail}`, new JsonSerializer({ detail }).serialize(report)],
    [`JsonSerializer detailed ${detail}`, new JsonSerializer({ detail, detailed: true }).serialize(report)],
    [`HtmlSerializer ${detail}`, new HtmlSerializer({ detail }).serialize(report)],
    [`HealthJsonSerializer ${detail}`, new HealthJsonSerializer({ detail }).serialize(report)],
    [`OpenMetricsSerializer openmetrics ${detail}`, new OpenMetricsSerializer({ detail, flavor: 'openmetrics' }).serialize(report)],
    [`OpenMetricsSerializer prometheus ${detail}`, new OpenMetricsSerializer({ detail, flavor: 'prometheus' }).serialize(report)],
  ]);
}

/** The forms a secret takes once rendered: as written, HTML-escaped, JSON-escaped. */
function forms(secret: string): string[] {
  const html = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
  return [...new Set([secret, html, JSON.stringify(secret).slice(1, -1)])];
}

describe('redaction in every report format', () => {
  for (const { name, text, secrets } of redactionCorpus) {
    it(`redacts ${name} in messages, observation keys, values and units, in every serializer and detail level`, async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'thrown', () => {
        throw new Error(text);
      });
      checkClass(registry, 'unavailable', () => Promise.reject(new ServiceUnavailable(`query failed: ${text}`)));
      checkClass(registry, 'recorded', (context) => {
        context.addError(text);
        context.addWarning(text);
      });
      checkClass(registry, 'observed', (context) => {
        context.observe(text, 1, text);
        context.observe('value', text);
        context.observe('numeric', 2, `ms ${text}`);
      });
      const report = await serviceFor(registry).run();
      expect(report.checks.find((check) => check.name === 'observed')?.status).to.equal('pass');
      const raw = JSON.stringify(report);
      for (const secret of secrets) expect(raw, 'the report itself').not.to.include(secret);
      for (const [format, body] of renderings(report)) {
        for (const secret of secrets) {
          for (const form of forms(secret)) expect(body, format).not.to.include(form);
        }
      }
    });
  }
});

describe('redaction in process warnings', () => {
  for (const { name, text, secrets } of redactionCorpus) {
    it(`redacts ${name} in PulsecheckListenerWarning and PulsecheckHttpWarning`, async () => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'a', () => undefined);
      const service = serviceFor(registry);
      service.onStatusChange(() => {
        throw new Error(text);
      });
      const failing = { run: () => Promise.reject(new Error(text)) } as unknown as HealthService;
      const warnings = await warningsDuring(async () => {
        await service.run();
        await healthEndpoints(failing).handle({ url: '/health' });
        await healthEndpoints(failing, {
          onError: () => {
            throw Object.assign(Object.create(null) as Error, { message: text });
          },
        }).handle({ url: '/health' });
      });
      expect(warnings.map((warning) => warning.name)).to.deep.equal(['PulsecheckListenerWarning', 'PulsecheckHttpWarning', 'PulsecheckHttpWarning']);
      for (const warning of warnings) {
        for (const secret of secrets) expect(warning.message).not.to.include(secret);
      }
    });
  }
});
