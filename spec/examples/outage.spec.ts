import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { closedPort } from '../support/closedPort.js';
import { requireService, serviceUrl } from '../support/services.js';

const main = fileURLToPath(new URL('../../examples/service/main.js', import.meta.url));
const repository = fileURLToPath(new URL('../../../', import.meta.url));

/** The bars of the status strip in the tile of `name` (one per run of one status, drawn failures last): their classes, by time (x), oldest first. */
function stripOf(page: string, name: string): string[] {
  const start = page.indexOf(`<h3>${name}</h3>`);
  expect(start, `tile of ${name}`).to.be.greaterThan(-1);
  const strip = page.slice(page.indexOf('<svg class="strip"', start), page.indexOf('</svg>', start));
  return [...strip.matchAll(/<rect class="(pass|warn|fail)" x="([\d.]+)"/g)]
    .map((match) => ({ status: match[1] ?? '', x: Number(match[2]) }))
    .sort((a, b) => a.x - b.x)
    .map((bar) => bar.status);
}

describe('the example service with DEMO_OUTAGE=1', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'redis');
  });

  it('draws Redis going down and coming back in the dashboard\'s history', async () => {
    const [port, pg, amqp] = await Promise.all([closedPort(), closedPort(), closedPort()]);
    const env = {
      HOST: '127.0.0.1',
      PORT: String(port),
      DRAIN_MS: '0',
      GRPC_PORT: '0',
      PULSECHECK_BUILT: '1',
      PULSECHECK_PG_URL: `postgres://app:pg-secret@127.0.0.1:${pg}/app`,
      PULSECHECK_AMQP_URL: `amqp://guest:amqp-secret@127.0.0.1:${amqp}`,
      PULSECHECK_REDIS_URL: serviceUrl('redis'),
      DEMO_OUTAGE: '1',
      DEMO_OUTAGE_DOWN_MS: '1500',
      DEMO_OUTAGE_PERIOD_MS: '3000',
      DEMO_INTERVAL_MS: '250',
    };
    const child = spawn(process.execPath, [main], { cwd: repository, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      // up for 1.5 s, down for 1.5 s, up again: wait until the strip shows pass, then fail, then pass again
      let cells: string[] = [];
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (!output.includes('[example] serving')) continue;
        const page = await (await fetch(`http://127.0.0.1:${port}/health`, { headers: { accept: 'text/html' } })).text();
        cells = stripOf(page, 'CacheHealthCheck');
        const text = cells.join(' ');
        if (/pass.*fail.*pass/.test(text) && output.includes('Redis comes back')) break;
      }
      expect(cells.join(' '), output).to.match(/pass( pass)*( fail)+( pass)+/);
      expect(output).to.include('DEMO_OUTAGE: Redis goes down');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code, output).to.equal(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
