import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { closedPort } from '../support/closedPort.js';

const main = fileURLToPath(new URL('../../examples/service/main.js', import.meta.url));

interface Started {
  readonly child: ChildProcess;
  readonly base: string;
  output(): string;
}

/** Starts the example service on a free port and waits for its "serving" line. */
async function startExample(env: Record<string, string>): Promise<Started> {
  const port = await closedPort();
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DRAIN_MS: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!output.includes('[example] serving')) {
    if (child.exitCode !== null) throw new Error(`example exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`example did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

describe('the example service (npm run example)', function () {
  this.timeout(30_000);

  describe('having every dependency down (a fresh machine)', () => {
    let example: Started;
    before(async () => {
      const [pg, redis, amqp] = await Promise.all([closedPort(), closedPort(), closedPort()]);
      example = await startExample({
        PULSECHECK_PG_URL: `postgres://app:pg-secret@127.0.0.1:${pg}/app`,
        PULSECHECK_REDIS_URL: `redis://127.0.0.1:${redis}`,
        PULSECHECK_AMQP_URL: `amqp://guest:amqp-secret@127.0.0.1:${amqp}`,
      });
    });
    after(() => {
      if (example.child.exitCode === null) example.child.kill('SIGKILL');
    });

    it('answers /health with 503 and names each dependency that is down, without passwords', async () => {
      const response = await fetch(`${example.base}/health`, { headers: { accept: 'application/json' } });
      const body = (await response.json()) as Record<string, string>;
      expect(response.status).to.equal(503);
      expect(body.DatabaseHealthCheck).to.match(/^unavailable: .*ECONNREFUSED/);
      expect(body.CacheHealthCheck).to.match(/^unavailable: .*ECONNREFUSED/);
      expect(body.QueueHealthCheck).to.match(/^unavailable: .*ECONNREFUSED/);
      expect(body.MemoryHealthCheck).to.equal('working');
      expect(JSON.stringify(body) + example.output()).to.not.match(/pg-secret|amqp-secret/);
    });

    it('keeps liveness passing, and serves HTML to a browser', async () => {
      expect((await fetch(`${example.base}/health/live`)).status).to.equal(200);
      const page = await fetch(`${example.base}/health`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(page.status).to.equal(503);
      expect(page.headers.get('content-type')).to.match(/^text\/html/);
      expect(await page.text()).to.include('DatabaseHealthCheck');
    });

    it('stops by itself on SIGTERM, closing everything', async () => {
      const exited = once(example.child, 'exit');
      example.child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code, example.output()).to.equal(0);
      expect(example.output()).to.include('[example] stopped');
    });
  });
});
