import { expect } from 'chai';
import {
  HealthCheckRegistry,
  ServiceUnavailable,
  ServiceWarning,
  WebhookNotifier,
  attachNotifier,
  type WebhookNotifierOptions,
} from 'pulsecheck';
import { checkClass, serviceFor, sleep } from '../core/fixtures.js';
import { redactionCorpus } from '../core/redactionCorpus.js';
import { activeResources, settleResources } from '../support/activeResources.js';
import { closedPort } from '../support/closedPort.js';
import { failed, notification, recovered, result } from './changes.js';
import { WebhookReceiver } from './webhookReceiver.js';

/** Collects process warnings of type PulsecheckNotifierWarning while the spec runs. */
function captureWarnings(): { messages: string[]; stop: () => void } {
  const messages: string[] = [];
  const listener = (warning: Error): void => {
    if (warning.name === 'PulsecheckNotifierWarning') messages.push(warning.message);
  };
  process.on('warning', listener);
  return {
    messages,
    stop: () => {
      process.off('warning', listener);
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('WebhookNotifier', () => {
  let receiver: WebhookReceiver | undefined;
  let notifier: WebhookNotifier | undefined;
  let warnings: ReturnType<typeof captureWarnings>;

  beforeEach(() => {
    warnings = captureWarnings();
  });

  afterEach(async () => {
    await notifier?.close(1_000);
    await receiver?.close();
    notifier = undefined;
    receiver = undefined;
    warnings.stop();
  });

  async function start(script: Parameters<typeof WebhookReceiver.start>[0] = [], options: Omit<WebhookNotifierOptions, 'url'> = {}): Promise<{ receiver: WebhookReceiver; notifier: WebhookNotifier }> {
    receiver = await WebhookReceiver.start(script);
    notifier = new WebhookNotifier({ url: receiver.url(), retryDelayMs: 10, ...options });
    return { receiver, notifier };
  }

  describe('payloads', () => {
    it('posts pulsecheck JSON by default, with the changes and their outputs', async () => {
      const { receiver, notifier } = await start([], { service: 'orders-api' });
      notifier.notify(notification(failed('Postgres', 'unavailable: connection refused')));
      await receiver.requests(1);
      const [request] = receiver.received;
      expect(request?.headers['content-type']).to.equal('application/json');
      expect(request?.body).to.deep.include({ source: 'pulsecheck', service: 'orders-api', title: 'orders-api: health 1 failed' });
      expect((request?.body as { changes: unknown[] }).changes).to.deep.equal([
        { name: 'Postgres', previous: 'pass', current: 'fail', critical: true, output: 'unavailable: connection refused' },
      ]);
      await until(() => notifier.stats.sent === 1);
    });

    it('posts a Slack incoming-webhook message: text, and a mrkdwn section with <, > and & escaped', async () => {
      const { receiver, notifier } = await start([], { format: 'slack' });
      notifier.notify(notification(failed('Api', 'unexpected result: got <html> & more')));
      await receiver.requests(1);
      const body = receiver.received[0]?.body as { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
      expect(body.text).to.equal('health 1 failed');
      expect(body.blocks).to.have.length(1);
      expect(body.blocks[0]?.type).to.equal('section');
      expect(body.blocks[0]?.text.type).to.equal('mrkdwn');
      expect(body.blocks[0]?.text.text).to.equal('*health 1 failed*\nFAILED Api: unexpected result: got &lt;html&gt; &amp; more');
    });

    it('posts a Microsoft Teams message carrying an Adaptive Card', async () => {
      const { receiver, notifier } = await start([], { format: 'teams' });
      notifier.notify(notification(failed('Api')));
      await receiver.requests(1);
      const body = receiver.received[0]?.body as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text: string }[] } }[] };
      expect(body.type).to.equal('message');
      expect(body.attachments).to.have.length(1);
      expect(body.attachments[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect(body.attachments[0]?.content.type).to.equal('AdaptiveCard');
      expect(body.attachments[0]?.content.body.map((block) => block.text)).to.deep.equal(['health 1 failed', 'FAILED Api: unavailable: down']);
    });

    it('posts what a format function builds', async () => {
      const { receiver, notifier } = await start([], { format: (n) => ({ names: n.changes.map((change) => change.check.name) }) });
      notifier.notify(notification(failed('Api'), failed('Db')));
      await receiver.requests(1);
      expect(receiver.received[0]?.body).to.deep.equal({ names: ['Api', 'Db'] });
    });

    it('names a root cause once, with the checks it blocks listed under it', async () => {
      const { receiver, notifier } = await start([], { format: 'slack' });
      notifier.notify(
        notification(
          failed('Postgres', 'unavailable: connection refused'),
          failed('Orders', 'unavailable: blocked by Postgres', { blockedBy: 'Postgres' }),
          failed('Invoices', 'unavailable: blocked by Orders (root cause Postgres)', { blockedBy: 'Postgres' }),
        ),
      );
      await receiver.requests(1);
      const body = receiver.received[0]?.body as { text: string; blocks: { text: { text: string } }[] };
      expect(body.text).to.equal('health 1 failed, 2 blocked');
      expect(body.blocks[0]?.text.text).to.equal('*health 1 failed, 2 blocked*\nFAILED Postgres: unavailable: connection refused\n  blocked by it: Orders, Invoices');
    });

    it('names a root cause that failed earlier when only its dependents change now', async () => {
      const { receiver, notifier } = await start();
      notifier.notify(notification(failed('Orders', 'unavailable: blocked by Postgres', { blockedBy: 'Postgres' })));
      await receiver.requests(1);
      const body = receiver.received[0]?.body as { rootCauses: unknown; title: string };
      expect(body.rootCauses).to.deep.equal([{ name: 'Postgres', blocked: ['Orders'] }]);
      expect(body.title).to.equal('health 1 blocked');
    });
  });

  describe('what it sends', () => {
    it('sends nothing for a check\'s first pass, and a recovery message when a failed check passes again', async () => {
      const { receiver, notifier } = await start();
      notifier.notify(notification([result('Api', 'pass', 'working'), undefined]));
      notifier.notify(notification(failed('Api')));
      notifier.notify(notification(recovered('Api')));
      await receiver.requests(2);
      await until(() => notifier.stats.sent === 2);
      expect(receiver.received.map((request) => (request.body as { title: string }).title)).to.deep.equal(['health 1 failed', 'health 1 recovered']);
    });

    it('sends no recovery message with sendRecovery: false', async () => {
      const { receiver, notifier } = await start([], { sendRecovery: false });
      notifier.notify(notification(recovered('Api')));
      notifier.notify(notification(failed('Db')));
      await receiver.requests(1);
      await until(() => notifier.stats.sent === 1);
      expect(receiver.received).to.have.length(1);
      expect((receiver.received[0]?.body as { title: string }).title).to.equal('health 1 failed');
    });

    it('with onlyFailures, ignores warnings but sends failures and their recoveries', async () => {
      const { receiver, notifier } = await start([], { onlyFailures: true });
      notifier.notify(notification([result('Disk', 'warn', 'warning: 91% full'), 'pass']));
      notifier.notify(notification([result('Disk', 'pass', 'working'), 'warn']));
      notifier.notify(notification(failed('Api')));
      notifier.notify(notification(recovered('Api')));
      await receiver.requests(2);
      await until(() => notifier.stats.queued === 0);
      expect(receiver.received.map((request) => (request.body as { title: string }).title)).to.deep.equal(['health 1 failed', 'health 1 recovered']);
    });

    it('throttles a flapping check: the same status again within the window sends nothing', async () => {
      const { receiver, notifier } = await start([], { throttleMs: 60_000 });
      notifier.notify(notification(failed('Api')));
      notifier.notify(notification(recovered('Api')));
      notifier.notify(notification(failed('Api')));
      notifier.notify(notification(failed('Db')));
      await receiver.requests(3);
      await until(() => notifier.stats.queued === 0);
      expect(receiver.received).to.have.length(3);
      expect(notifier.stats.throttled).to.equal(1);
    });

    it('does not throttle with throttleMs: 0', async () => {
      const { receiver, notifier } = await start([], { throttleMs: 0 });
      notifier.notify(notification(failed('Api')));
      notifier.notify(notification(recovered('Api')));
      notifier.notify(notification(failed('Api')));
      await receiver.requests(3);
      expect(notifier.stats.throttled).to.equal(0);
    });
  });

  describe('delivery', () => {
    it('retries a 500, and the message is sent when the receiver answers 200', async () => {
      const { receiver, notifier } = await start([500, 503]);
      notifier.notify(notification(failed('Api')));
      await receiver.requests(3);
      await until(() => notifier.stats.sent === 1);
      expect(notifier.stats).to.deep.include({ sent: 1, failed: 0 });
      expect(receiver.received[0]?.text).to.equal(receiver.received[2]?.text);
    });

    it('obeys a 429\'s Retry-After (in seconds) instead of its own shorter backoff', async () => {
      const { receiver, notifier } = await start([{ status: 429, headers: { 'retry-after': '1' } }], { retryDelayMs: 10 });
      notifier.notify(notification(failed('Api')));
      await receiver.requests(2);
      const [first, second] = receiver.received;
      expect((second?.at ?? 0) - (first?.at ?? 0)).to.be.at.least(950);
      await until(() => notifier.stats.sent === 1);
    });

    it('does not retry another 4xx, gives up with a warning that never shows the URL\'s path', async () => {
      receiver = await WebhookReceiver.start([400]);
      notifier = new WebhookNotifier({ url: receiver.url('/services/T0001/B0001/s3cr3tPathPart'), retryDelayMs: 10 });
      notifier.notify(notification(failed('Api')));
      await until(() => notifier?.stats.failed === 1);
      expect(receiver.received).to.have.length(1);
      await until(() => warnings.messages.length === 1);
      expect(warnings.messages[0]).to.match(/gave up on a message after 1 attempt: HTTP 400 \(not retried\)/);
      expect(warnings.messages[0]).to.include('http://127.0.0.1:');
      expect(warnings.messages[0]).to.not.include('s3cr3tPathPart');
    });

    it('retries a receiver that is down, then gives up without an unhandled rejection', async () => {
      const port = await closedPort();
      notifier = new WebhookNotifier({ url: `http://127.0.0.1:${port}/hooks/s3cr3tPathPart`, retries: 2, retryDelayMs: 10 });
      notifier.notify(notification(failed('Api')));
      await until(() => notifier?.stats.failed === 1);
      await until(() => warnings.messages.length === 1);
      expect(warnings.messages[0]).to.match(/after 3 attempts: the request failed \(ECONNREFUSED\)/);
      expect(warnings.messages[0]).to.not.include('s3cr3tPathPart');
      // spec/setup.ts fails the test on an unhandled rejection
    });

    it('aborts a request the receiver does not answer within timeoutMs', async () => {
      const { receiver, notifier } = await start(['hang', 'hang'], { timeoutMs: 100, retries: 1 });
      notifier.notify(notification(failed('Api')));
      await receiver.requests(2);
      await until(() => notifier.stats.failed === 1);
      await until(() => warnings.messages.length === 1);
      expect(warnings.messages[0]).to.match(/after 2 attempts: no answer within 100 ms/);
    });

    it('keeps a bounded queue: drops the oldest message when full, counts it, and warns once', async () => {
      const { receiver, notifier } = await start(['hang'], { queueSize: 2, timeoutMs: 60_000, throttleMs: 0 });
      notifier.notify(notification(failed('A')));
      await receiver.requests(1); // A is in flight; the queue holds 2 more
      notifier.notify(notification(failed('B')));
      notifier.notify(notification(failed('C')));
      notifier.notify(notification(failed('D')));
      notifier.notify(notification(failed('E')));
      expect(notifier.stats).to.deep.include({ dropped: 2, queued: 3 });
      await until(() => warnings.messages.length > 0);
      await sleep(20);
      expect(warnings.messages.filter((message) => message.includes('dropped its oldest message'))).to.have.length(1);
      expect(await notifier.close(100)).to.deep.equal({ drained: true, sent: 0, lost: 3, pending: 0 });
      expect(notifier.stats).to.deep.include({ dropped: 5, queued: 0, sent: 0 });
      // D and E were kept (the newest), B and C dropped first
    });

    it('redacts secrets from the messages it posts, in every format', async () => {
      for (const format of ['json', 'slack', 'teams'] as const) {
        const { receiver: local, notifier: sender } = await start([], { format, throttleMs: 0 });
        for (const sample of redactionCorpus) {
          sender.notify(notification([result('Leaky', 'fail', `unavailable: ${sample.text}`), 'pass']));
        }
        await local.requests(redactionCorpus.length);
        for (const [index, sample] of redactionCorpus.entries()) {
          for (const secret of sample.secrets) expect(local.received[index]?.text, `${format}: ${sample.name}`).to.not.include(secret);
        }
        await sender.close(1_000);
        await local.close();
      }
      receiver = undefined;
      notifier = undefined;
    });

    it('leaves no timer nor socket behind once closed, even with a request hung', async () => {
      await new Promise((resolve) => setImmediate(resolve)); // mocha's own timer for this test is armed by now
      const before = activeResources();
      const { receiver: local, notifier: sender } = await start(['hang'], { timeoutMs: 60_000 });
      sender.notify(notification(failed('A')));
      await local.requests(1);
      await sender.close(50);
      expect(sender.stats).to.deep.include({ dropped: 1, queued: 0 });
      await local.close();
      receiver = undefined;
      notifier = undefined;
      expect(await settleResources(before)).to.deep.equal({});
    });

    it('flush() waits for the queue to drain, within its bound', async () => {
      const { receiver, notifier } = await start([]);
      notifier.notify(notification(failed('A')));
      expect(await notifier.flush(2_000)).to.deep.equal({ drained: true, sent: 1, lost: 0, pending: 0 });
      expect(receiver.received).to.have.length(1);
      expect(notifier.stats.sent).to.equal(1);
    });

    it('sends nothing once closed', async () => {
      const { receiver, notifier } = await start();
      await notifier.close();
      notifier.notify(notification(failed('A')));
      await sleep(20);
      expect(receiver.received).to.have.length(0);
    });
  });

  describe('with a HealthService', () => {
    it('is not waited for by a run, even when the receiver hangs', async () => {
      const registry = new HealthCheckRegistry();
      let healthy = true;
      checkClass(registry, 'Api', () => {
        if (!healthy) throw new ServiceUnavailable('down');
      });
      const service = serviceFor(registry);
      const { receiver, notifier } = await start(['hang', 'hang'], { timeoutMs: 60_000 });
      attachNotifier(service, notifier);
      const events: string[] = [];
      await service.run();
      healthy = false;
      await service.run().then(() => events.push('first run settled'));
      await receiver.requests(1);
      events.push('receiver got the message');
      healthy = true;
      await service.run().then(() => events.push('second run settled while the receiver still hangs'));
      expect(events).to.deep.equal(['first run settled', 'receiver got the message', 'second run settled while the receiver still hangs']);
      expect(notifier.stats.sent).to.equal(0);
    });

    /** A service with one check, Api, that fails while `api.healthy` is false. */
    function apiService(healthy: boolean): { service: ReturnType<typeof serviceFor>; api: { healthy: boolean } } {
      const registry = new HealthCheckRegistry();
      const api = { healthy };
      checkClass(registry, 'Api', () => {
        if (!api.healthy) throw new ServiceUnavailable('down');
      });
      return { service: serviceFor(registry), api };
    }

    const titles = (received: WebhookReceiver['received']): string[] => received.map((request) => (request.body as { title: string }).title);

    it('flush() right after run() covers that run\'s changes: they are sent, and counted in its result', async () => {
      const { service, api } = apiService(true);
      const { receiver, notifier } = await start();
      attachNotifier(service, notifier);
      await service.run();
      api.healthy = false;
      await service.run();
      expect(await notifier.flush(1_000)).to.deep.equal({ drained: true, sent: 1, lost: 0, pending: 0 });
      expect(titles(receiver.received)).to.deep.equal(['health 1 failed']);
    });

    it('close() right after the last run() sends its recovery', async () => {
      const { service, api } = apiService(false);
      const { receiver, notifier } = await start();
      attachNotifier(service, notifier);
      await service.run();
      await notifier.flush(1_000);
      api.healthy = true;
      await service.run();
      expect(await notifier.close(1_000)).to.deep.equal({ drained: true, sent: 1, lost: 0, pending: 0 });
      expect(titles(receiver.received)).to.deep.equal(['health 1 failed', 'health 1 recovered']);
    });

    it('sends a failed dependency and the checks it blocks in one message, naming the root cause once', async () => {
      const registry = new HealthCheckRegistry();
      let healthy = true;
      checkClass(registry, 'Postgres', async () => {
        await sleep(5);
        if (!healthy) throw new ServiceUnavailable('connection refused');
      });
      checkClass(registry, 'Orders', () => sleep(1), { dependsOn: ['Postgres'] });
      checkClass(registry, 'Billing', () => sleep(1), { dependsOn: ['Postgres'] });
      checkClass(registry, 'Disk', () => {
        throw new ServiceWarning('unrelated: its status does not change');
      }, { critical: false });
      const service = serviceFor(registry);
      const { receiver, notifier } = await start([], { format: 'slack' });
      await service.run();
      attachNotifier(service, notifier);
      healthy = false;
      await service.run();
      await receiver.requests(1);
      await sleep(20);
      expect(receiver.received).to.have.length(1);
      const text = (receiver.received[0]?.body as { blocks: { text: { text: string } }[] }).blocks[0]?.text.text;
      expect(text).to.equal('*health 1 failed, 2 blocked*\nFAILED Postgres: unavailable: connection refused\n  blocked by it: Orders, Billing');
    });
  });

  describe('options', () => {
    it('refuses malformed options with a clear error, never echoing the URL', () => {
      const url = 'https://hooks.example.com/s3cr3t';
      const cases: [unknown, RegExp][] = [
        [undefined, /^WebhookNotifier: options must be an object, got undefined \(undefined\)$/],
        [{}, /url must be an absolute http: or https: URL/],
        [{ url: 'not a url s3cr3t' }, /url must be an absolute http: or https: URL, got a string that is not one \(16 characters\)$/],
        [{ url: 'ftp://hooks.example.com/s3cr3t' }, /url must be an absolute http: or https: URL, got a ftp: URL$/],
        [{ url: 'https://user:s3cr3t@hooks.example.com/' }, /must not carry credentials/],
        [{ url, format: 'discord' }, /format must be one of json, slack, teams or a function/],
        [{ url, timeoutMs: 0 }, /timeoutMs must be a positive finite number/],
        [{ url, retryDelayMs: -1 }, /retryDelayMs must be a positive/],
        [{ url, throttleMs: Number.NaN }, /throttleMs must be a non-negative/],
        [{ url, retries: 11 }, /retries must be a whole number from 0 to 10, got 11$/],
        [{ url, retries: 1.5 }, /retries must be a whole number/],
        [{ url, queueSize: 0 }, /queueSize must be a whole number from 1 to 10000/],
        [{ url, onlyFailures: 'yes' }, /onlyFailures must be a boolean/],
        [{ url, headers: { authorization: 42 } }, /headers\['authorization'\] must be a valid header name with a string value/],
        [{ url, headers: { 'bad header': 'x' } }, /headers\['bad header'\]/],
        [{ url, timeout: 5 }, /unknown option 'timeout'/],
      ];
      for (const [options, expected] of cases) {
        let thrown: unknown;
        try {
          new WebhookNotifier(options as WebhookNotifierOptions);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, String(expected)).to.be.instanceOf(Error);
        expect((thrown as Error).message).to.match(expected);
        expect((thrown as Error).message).to.not.include('s3cr3t');
      }
    });

    it('accepts a URL object and sends the headers it is given', async () => {
      receiver = await WebhookReceiver.start();
      notifier = new WebhookNotifier({ url: new URL(receiver.url()), headers: { Authorization: 'Bearer abcdefghijkl' } });
      notifier.notify(notification(failed('A')));
      await receiver.requests(1);
      expect(receiver.received[0]?.headers.authorization).to.equal('Bearer abcdefghijkl');
    });
  });
});
