import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebhookReceiver } from './webhookReceiver.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds from the child's first line of output to its exit (Node's own start-up left out). */
  readonly afterOutputMs: number;
}

/** Runs `body` as an ES module in a fresh Node process (nothing else running in it), with `WebhookNotifier` and a one-change `notification` in scope. */
function runChild(body: string): Promise<Exit> {
  const script = `
    import { WebhookNotifier } from 'pulsecheck';
    const check = { name: 'Api', status: 'fail', critical: true, tags: [], durationMs: 1, output: 'unavailable: down', errors: [], observations: {} };
    const notification = { at: new Date().toISOString(), changes: [{ check, previous: 'pass', current: 'fail' }] };
    ${body}
  `;
  let firstOutput: number | undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutput ??= performance.now();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, afterOutputMs: performance.now() - (firstOutput ?? Number.NaN) });
    });
  });
}

describe('WebhookNotifier, alone in a process', () => {
  let receiver: WebhookReceiver | undefined;

  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  for (const method of ['flush', 'close'] as const) {
    it(`${method}() keeps the process alive while a retry is pending, and resolves with what was sent`, async () => {
      receiver = await WebhookReceiver.start([method === 'flush' ? 500 : 503]);
      const exit = await runChild(`
        const notifier = new WebhookNotifier({ url: ${JSON.stringify(receiver.url())}, retryDelayMs: 300, maxRetryDelayMs: 300 });
        notifier.notify(notification);
        console.log(JSON.stringify(await notifier.${method}(8_000)));
      `);
      expect(exit.code, exit.stderr).to.equal(0);
      expect(JSON.parse(exit.stdout)).to.deep.equal({ drained: true, sent: 1, lost: 0, pending: 0 });
      expect(receiver.received).to.have.length(2);
    });
  }

  it('flush(ms) holds the process for its own deadline and no longer, and says what is pending', async () => {
    receiver = await WebhookReceiver.start([], 500);
    const exit = await runChild(`
      const notifier = new WebhookNotifier({ url: ${JSON.stringify(receiver.url())}, retryDelayMs: 60_000, maxRetryDelayMs: 60_000 });
      notifier.notify(notification);
      const started = performance.now();
      const result = await notifier.flush(400);
      console.log(JSON.stringify({ ...result, waited: Math.round(performance.now() - started) }));
    `);
    expect(exit.code, exit.stderr).to.equal(0);
    const printed = JSON.parse(exit.stdout) as { drained: boolean; sent: number; lost: number; pending: number; waited: number };
    expect(printed).to.deep.include({ drained: false, sent: 0, lost: 0, pending: 1 });
    expect(printed.waited).to.be.within(390, 1_000);
    expect(exit.afterOutputMs).to.be.below(1_500); // the pending 60 s retry did not hold it
  });

  it('close(ms) with a receiver that never answers resolves at its deadline with the message lost', async () => {
    receiver = await WebhookReceiver.start(['hang']);
    const exit = await runChild(`
      const notifier = new WebhookNotifier({ url: ${JSON.stringify(receiver.url())}, timeoutMs: 60_000 });
      notifier.notify(notification);
      const started = performance.now();
      const result = await notifier.close(300);
      console.log(JSON.stringify({ ...result, waited: Math.round(performance.now() - started) }));
    `);
    expect(exit.code, exit.stderr).to.equal(0);
    const printed = JSON.parse(exit.stdout) as { drained: boolean; sent: number; lost: number; pending: number; waited: number };
    expect(printed).to.deep.include({ drained: true, sent: 0, lost: 1, pending: 0 });
    expect(printed.waited).to.be.within(290, 1_000);
  });

  it('a request in flight to a hung receiver does not keep the process alive by itself', async () => {
    receiver = await WebhookReceiver.start(['hang']);
    const exit = await runChild(`
      const notifier = new WebhookNotifier({ url: ${JSON.stringify(receiver.url())}, timeoutMs: 10_000 });
      notifier.notify(notification);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the request is in flight by then
      console.log('nothing left to do');
    `);
    expect(exit.code, exit.stderr).to.equal(0);
    expect(receiver.received).to.have.length(1);
    expect(exit.afterOutputMs).to.be.below(1_500); // not the 10 s timeout
  });
});
