import { expect } from 'chai';
import fc from 'fast-check';
import {
  attachNotifier,
  HealthCheckRegistry,
  type HealthCheck,
  HealthJsonSerializer,
  HtmlSerializer,
  JsonSerializer,
  OpenMetricsSerializer,
  healthEndpoints,
  type CheckResult,
  type HealthNotification,
  type HealthService,
} from 'pulsecheck';
import { runCheck } from 'pulsecheck/testing';
import { runApiTooling } from '#lib/cli/runApiTooling.js';
import { runCli } from '#lib/cli/runCli.js';
import { verifyProbes } from '#lib/cli/verifyProbes/verifyProbes.js';
import { webhookPayload } from '#lib/notify/webhookPayload.js';
import { warningsDuring } from '../support/warningsDuring.js';
import { serviceFor } from './fixtures.js';
import { registerLeakyChecks } from './redaction/channelModule.js';
import { secretFormats, type SecretFormat } from './redactionCorpus.js';

/**
 * THE list of output channels: everywhere text a check (or a caller) controls
 * can come out of pulsecheck. Each spec of a new channel adds it here, so the
 * property below covers it.
 */
export const outputChannels = [
  'JsonSerializer (flat map)',
  'JsonSerializer detailed',
  'HtmlSerializer',
  'HealthJsonSerializer (health+json)',
  'OpenMetricsSerializer openmetrics',
  'OpenMetricsSerializer prometheus',
  'HealthService.history()',
  'HtmlSerializer history strip',
  'JsonSerializer detailed with history',
  'healthEndpoints /health (JSON)',
  'healthEndpoints /health?format=html',
  'webhook payload generic JSON',
  'webhook payload Slack',
  'webhook payload Teams',
  'Notifier notification',
  'onResult results',
  'onStatusChange results',
  'listener process warning',
  'notifier process warning',
  'HTTP endpoint process warning',
  'runCheck (pulsecheck/testing)',
  'CLI text',
  'CLI --json',
  'CLI --format health+json',
  'CLI --format html',
  'CLI --format openmetrics',
  'pulsecheck openapi (check names, --server-url)',
  'pulsecheck postman (check names, --base-url)',
  'pulsecheck verify-probes (check names)',
] as const;

type Channel = (typeof outputChannels)[number];

const channelModule = 'build/spec/core/redaction/channelModule.js';
// A liveness probe on /health: verify-probes names each check that is not tagged 'live' (so check names reach its output).
const manifest = 'spec/cli/fixtures/manifests/bad-liveness.yaml';

/** Every string that leaves pulsecheck through any channel while checks throw, record, warn and observe `text`. */
async function outputs(text: string): Promise<Map<Channel, string>> {
  const found = new Map<Channel, string>();
  const add = (channel: Channel, value: unknown): void => {
    found.set(channel, `${found.get(channel) ?? ''}${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  };

  const registry = new HealthCheckRegistry();
  registerLeakyChecks(registry, text);
  const service = serviceFor(registry, { historySize: 3 });
  service.onResult((result: CheckResult) => { add('onResult results', result); });
  service.onStatusChange((check, previous, current) => { add('onStatusChange results', { check, previous, current }); });
  service.onStatusChange(() => {
    throw new Error(`listener: ${text}`);
  });
  attachNotifier(service, {
    notify(notification: HealthNotification) {
      add('Notifier notification', notification);
      for (const format of ['json', 'slack', 'teams'] as const) {
        const channel = ({ json: 'webhook payload generic JSON', slack: 'webhook payload Slack', teams: 'webhook payload Teams' } as const)[format];
        add(channel, webhookPayload(format, notification, `orders ${text}`));
      }
    },
  });
  attachNotifier(service, {
    notify() {
      throw new Error(`notifier: ${text}`);
    },
  });
  const failing = { run: () => Promise.reject(new Error(`endpoint: ${text}`)) } as unknown as HealthService;

  const warnings = await warningsDuring(async () => {
    const report = await service.run();
    add('JsonSerializer (flat map)', new JsonSerializer().serialize(report));
    add('JsonSerializer detailed', new JsonSerializer({ detailed: true }).serialize(report));
    add('HtmlSerializer', new HtmlSerializer().serialize(report));
    add('HealthJsonSerializer (health+json)', new HealthJsonSerializer().serialize(report));
    add('OpenMetricsSerializer openmetrics', new OpenMetricsSerializer({ flavor: 'openmetrics' }).serialize(report));
    add('OpenMetricsSerializer prometheus', new OpenMetricsSerializer({ flavor: 'prometheus' }).serialize(report));
    const withHistory = await service.run({ history: true });
    add('HealthService.history()', service.history());
    add('HtmlSerializer history strip', new HtmlSerializer().serialize(withHistory));
    add('JsonSerializer detailed with history', new JsonSerializer({ detailed: true }).serialize(withHistory));
    const endpoints = healthEndpoints(service);
    add('healthEndpoints /health (JSON)', (await endpoints.handle({ url: '/health' }))?.body);
    add('healthEndpoints /health?format=html', (await endpoints.handle({ url: '/health?format=html' }))?.body);
    await healthEndpoints(failing).handle({ url: '/health' });
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 1));
  });
  for (const warning of warnings) {
    const channel: Channel = warning.name === 'PulsecheckListenerWarning' ? 'listener process warning' : warning.name === 'PulsecheckNotifierWarning' ? 'notifier process warning' : 'HTTP endpoint process warning';
    add(channel, `${warning.name}: ${warning.message}`);
  }

  const single = new HealthCheckRegistry();
  registerLeakyChecks(single, text);
  for (const definition of single.list()) add('runCheck (pulsecheck/testing)', await runCheck(definition.target as unknown as new () => HealthCheck));

  globalThis.pulsecheckRedactionText = text;
  const cwd = process.cwd();
  const cli = async (channel: Channel, argv: string[]): Promise<void> => {
    const outcome = await runCli(['-m', channelModule, ...argv], cwd);
    add(channel, `${outcome.stdout}${outcome.stderr}`);
  };
  await cli('CLI text', []);
  await cli('CLI --json', ['--json']);
  await cli('CLI --format health+json', ['--format', 'health+json']);
  await cli('CLI --format html', ['--format', 'html']);
  await cli('CLI --format openmetrics', ['--format', 'openmetrics']);
  const url = `https://deploy:${text.replaceAll(/[\s/\\@#?]/g, '')}@orders.example.com`;
  const openapi = await runApiTooling('openapi', ['--module', channelModule, '--server-url', url], cwd);
  const yaml = await runApiTooling('openapi', ['--module', channelModule, '--yaml'], cwd);
  add('pulsecheck openapi (check names, --server-url)', `${openapi.stdout}${yaml.stdout}`);
  const postman = await runApiTooling('postman', ['--module', channelModule, '--base-url', url], cwd);
  add('pulsecheck postman (check names, --base-url)', postman.stdout);
  const probes = await verifyProbes([manifest, '--module', channelModule], cwd);
  add('pulsecheck verify-probes (check names)', `${probes.stdout}${probes.stderr}`);
  globalThis.pulsecheckRedactionText = undefined;
  return found;
}

/** The forms a secret takes once rendered: as written, HTML-escaped, JSON-escaped (once and twice), YAML-quoted. */
function forms(secret: string): string[] {
  const html = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, html, json, JSON.stringify(json).slice(1, -1)])];
}

function expectNoLeak(found: Map<Channel, string>, format: SecretFormat, text: string): void {
  for (const [channel, body] of found) {
    for (const hidden of format.hidden) {
      for (const form of forms(hidden)) {
        if (body.includes(form)) expect.fail(`${channel} shows ${JSON.stringify(form)} of ${format.name}, thrown as ${JSON.stringify(text)}`);
      }
    }
  }
}

describe('no secret out, whatever its shape, in any of the output channels', function () {
  this.timeout(120_000);

  it('lists 29 channels, and the harness reaches every one of them with the text of its checks', async () => {
    expect(outputChannels).to.have.length(29);
    const found = await outputs('MarkerText42 is not secret');
    expect([...found.keys()].sort()).to.deep.equal([...outputChannels].sort());
    // Each channel carries the checks' text (or names), so the property below is not vacuous.
    const silent = outputChannels.filter((channel) => !(found.get(channel) ?? '').includes('MarkerText42'));
    expect(silent).to.deep.equal([]);
  });

  for (const format of secretFormats) {
    it(`${format.name}: absent from every channel`, async () => {
      const text = `request failed (401): ${format.secret} rejected`;
      expectNoLeak(await outputs(text), format, text);
    });
  }

  it('property: a secret drawn from any format, embedded in any text, never appears in any channel', async () => {
    const separator = fc.constantFrom(' ', ': ', '\n', ' (', '"', "'", '\t', ', ', '=', ' -> ', '\r\n  ');
    const surrounding = fc.string({ maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...secretFormats), surrounding, separator, separator, surrounding, async (format, before, open, close, after) => {
        const text = `${before}${open}${format.secret}${close}${after}`;
        expectNoLeak(await outputs(text), format, text);
      }),
      { numRuns: 60 },
    );
  });
});
