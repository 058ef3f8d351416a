import { expect } from 'chai';
import fc from 'fast-check';
import {
  DiskSpaceHealthCheck,
  EventLoopDelayHealthCheck,
  HealthCheck,
  HealthCheckRegistry,
  HealthService,
  HtmlSerializer,
  JsonSerializer,
  SqlHealthCheck,
  TcpHealthCheck,
  WebhookNotifier,
  attachNotifier,
  healthEndpoints,
  healthModule,
  openApiDocument,
  registerHealthCheck,
} from 'pulsecheck';
import { MySqlHealthCheck } from 'pulsecheck/mysql';
import { NatsHealthCheck } from 'pulsecheck/nats';
import { runCheck } from 'pulsecheck/testing';
import { postmanCollection } from '#lib/openapi/postmanCollection.js';

/**
 * One option's rule is one rule: the same bad value gets the same error
 * (class and text after `<where>: <option>`) whichever function it was
 * given to. Each owner below names the function the user called (`where`)
 * and the option as its message names it.
 */
interface Owner {
  readonly where: string;
  readonly option: string;
  /** Gives `value` to the owner; resolves with what it threw, or undefined. */
  readonly give: (value: unknown) => unknown;
}

class Quiet extends HealthCheck {
  check(): void {}
}

const nats = { isClosed: () => false, isDraining: () => false, flush: () => Promise.resolve(), jetstreamManager: () => Promise.resolve({}) };
const mysql = { getConnection: () => undefined };
const hook = 'https://hooks.example.com/x';

async function thrown(give: () => unknown): Promise<Error | undefined> {
  try {
    await give();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

/** The message after `<where>: <option>`: the part every owner must word alike. */
function wording(error: Error | undefined, owner: Owner): string {
  if (error === undefined) return `${owner.where} accepted it`;
  const head = `${owner.where}: ${owner.option} `;
  return error.message.startsWith(head) ? `${error.name}: ${error.message.slice(head.length)}` : `${error.name}, unexpected head: ${error.message}`;
}

async function expectOneWording(owners: readonly Owner[], value: unknown): Promise<void> {
  const worded = await Promise.all(owners.map(async (owner) => [owner.where, wording(await thrown(() => owner.give(value)), owner)] as const));
  const distinct = new Set(worded.map(([, text]) => text));
  expect(distinct.size, `one wording for ${String(value)}:\n${worded.map(([where, text]) => `  ${where}: ${text}`).join('\n')}`).to.equal(1);
  expect([...distinct][0]).not.to.include('accepted it');
}

const registry = new HealthCheckRegistry();

const millisecondOwners: readonly Owner[] = [
  { where: "registerHealthCheck('Quiet')", option: 'timeoutMs', give: (value) => registerHealthCheck({ timeoutMs: value as number, registry, name: 'Quiet' })(class extends Quiet {}) },
  { where: 'HealthService', option: 'defaultTimeoutMs', give: (value) => new HealthService([], { defaultTimeoutMs: value as number }) },
  { where: 'healthModule', option: 'defaultTimeoutMs', give: (value) => healthModule({ checks: [], defaultTimeoutMs: value as number }) },
  { where: 'runCheck', option: 'timeoutMs', give: (value) => runCheck(new Quiet(), { timeoutMs: value as number }) },
  { where: 'WebhookNotifier', option: 'timeoutMs', give: (value) => new WebhookNotifier({ url: hook, timeoutMs: value as number }) },
  { where: 'NatsHealthCheck', option: 'jetStreamTimeoutMs', give: (value) => new NatsHealthCheck(nats, { jetStreamTimeoutMs: value as number }) },
  { where: 'EventLoopDelayHealthCheck', option: 'sampleMs', give: (value) => new EventLoopDelayHealthCheck({ sampleMs: value as number }) },
  { where: 'healthEndpoints', option: 'detailTimeoutMs', give: (value) => healthEndpoints(new HealthService([]), { detailTimeoutMs: value as number }) },
  { where: 'openApiDocument: checks[0]', option: 'timeoutMs', give: (value) => openApiDocument({ checks: [{ name: 'Db', timeoutMs: value as number }] }) },
  { where: 'postmanCollection', option: 'defaultTimeoutMs', give: (value) => postmanCollection({ checks: [], baseUrl: 'https://orders.example.com', defaultTimeoutMs: value as number }) },
];

const booleanOwners: readonly Owner[] = [
  { where: "registerHealthCheck('Quiet')", option: 'critical', give: (value) => registerHealthCheck({ critical: value as boolean, registry, name: 'Quiet' })(class extends Quiet {}) },
  { where: 'HealthService', option: 'singleFlight', give: (value) => new HealthService([], { singleFlight: value as boolean }) },
  { where: 'HealthService.run', option: 'fresh', give: (value) => new HealthService([]).run({ fresh: value as boolean }) },
  { where: "healthEndpoints: route '/h'", option: 'history', give: (value) => healthEndpoints(new HealthService([]), { routes: { '/h': { history: value as boolean } } }) },
  { where: 'MySqlHealthCheck', option: 'warnIfReadOnly', give: (value) => new MySqlHealthCheck(mysql, { warnIfReadOnly: value as boolean }) },
  { where: 'NatsHealthCheck', option: 'jetStream', give: (value) => new NatsHealthCheck(nats, { jetStream: value as boolean }) },
  { where: 'WebhookNotifier', option: 'onlyFailures', give: (value) => new WebhookNotifier({ url: hook, onlyFailures: value as boolean }) },
  { where: 'JsonSerializer', option: 'detailed', give: (value) => new JsonSerializer({ detailed: value as boolean }) },
  { where: 'openApiDocument', option: 'fragment', give: (value) => openApiDocument({ checks: [], fragment: value as boolean }) },
];

const tagOwners: readonly Owner[] = [
  { where: "registerHealthCheck('Quiet')", option: 'tags', give: (value) => registerHealthCheck({ tags: value as string[], registry, name: 'Quiet' })(class extends Quiet {}) },
  { where: 'HealthService.run', option: 'tags', give: (value) => new HealthService([]).run({ tags: value as string[] }) },
  { where: "healthEndpoints: route '/h'", option: 'tags', give: (value) => healthEndpoints(new HealthService([]), { routes: { '/h': { tags: value as string[] } } }) },
  { where: 'openApiDocument: checks[0]', option: 'tags', give: (value) => openApiDocument({ checks: [{ name: 'Db', tags: value as string[] }] }) },
];

const textOwners: readonly Owner[] = [
  { where: 'registerHealthCheck(class Named)', option: 'name', give: (value) => registerHealthCheck({ name: value as string, registry })(class Named extends Quiet {}) },
  { where: 'TcpHealthCheck', option: 'host', give: (value) => new TcpHealthCheck({ host: value as string, port: 80 }) },
  { where: 'SqlHealthCheck', option: 'label', give: (value) => new SqlHealthCheck({ query: () => Promise.resolve(), label: value as string }) },
  { where: 'DiskSpaceHealthCheck', option: 'path', give: (value) => new DiskSpaceHealthCheck({ path: value as string }) },
  { where: 'HtmlSerializer', option: 'title', give: (value) => new HtmlSerializer({ title: value as string }) },
  { where: 'openApiDocument', option: 'title', give: (value) => openApiDocument({ checks: [], title: value as string }) },
];

const optionsOwners: readonly Owner[] = [
  { where: 'HealthService', option: 'options', give: (value) => new HealthService([], value as never) },
  { where: 'HealthService.run', option: 'options', give: (value) => new HealthService([]).run(value as never) },
  { where: "healthEndpoints: route '/h'", option: 'options', give: (value) => healthEndpoints(new HealthService([]), { routes: { '/h': value as never } }) },
  { where: 'JsonSerializer', option: 'options', give: (value) => new JsonSerializer(value as never) },
  { where: 'attachNotifier', option: 'options', give: (value) => attachNotifier(new HealthService([]), { notify: () => undefined }, value as never) },
];

const notNumbers = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constantFrom({}, [], [1]));
const badMilliseconds = fc.oneof(
  fc.constantFrom(-1, 0, -0, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5'),
  fc.double({ max: 0, noNaN: true }),
  fc.double({ min: 2 ** 31, noNaN: true }),
  notNumbers,
);
const notBooleans = fc.oneof(fc.constantFrom('yes', 1, 0, null, [], {}), fc.string(), fc.integer(), fc.double());
const badTags = fc.oneof(fc.constantFrom([''], 'db', [1], [null], null, {}, ['ok', '']), fc.array(fc.oneof(fc.constant(''), fc.integer()), { minLength: 1 }));
const badText = fc.oneof(fc.constantFrom('', '   ', '\t', 5, null, true, [], {}), fc.stringMatching(/^\s+$/));
const notObjects = fc.constantFrom(null, 'fresh', 7, true, [], [1]);

describe('one rule per option: the same bad value reads the same whichever function it was given to', () => {
  it('a millisecond option (timeoutMs, defaultTimeoutMs, detailTimeoutMs, ...) in the words of optionRules.positiveMs', async () => {
    await fc.assert(fc.asyncProperty(badMilliseconds, (value) => expectOneWording(millisecondOwners, value)));
  });

  it('a boolean option (critical, singleFlight, fresh, history, detailed, fragment, ...) in the words of optionRules.boolean', async () => {
    await fc.assert(fc.asyncProperty(notBooleans, (value) => expectOneWording(booleanOwners, value)));
  });

  it("a list of tags (registerHealthCheck's, run()'s, a route's, a described check's) in the words of optionRules.nonEmptyStrings", async () => {
    await fc.assert(fc.asyncProperty(badTags, (value) => expectOneWording(tagOwners, value)));
  });

  it('a non-empty text (a check name, a host, a label, a path, a title) in the words of optionRules.nonEmptyString', async () => {
    await fc.assert(fc.asyncProperty(badText, (value) => expectOneWording(textOwners, value)));
  });

  it('options that are not an object, whether a service\'s, a run\'s, a route\'s, a serializer\'s or a notifier\'s', async () => {
    await fc.assert(fc.asyncProperty(notObjects, (value) => expectOneWording(optionsOwners, value)));
  });
});
