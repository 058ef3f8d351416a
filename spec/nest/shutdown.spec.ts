import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { PLATFORMS } from './nestFixtures.js';

const app = fileURLToPath(new URL('./fixtures/shutdownApp.js', import.meta.url));

describe('PulsecheckModule on SIGTERM, in a child process running a Nest application', function () {
  this.timeout(30_000);

  for (const platform of PLATFORMS) {
    it(`turns readiness 503 while the ${platform} server still answers, then the process exits 0 with nothing left running`, async () => {
      const child = spawn(process.execPath, [app], {
        env: { ...process.env, NEST_PLATFORM: platform, DRAIN_DELAY_MS: '1500' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => {
            reject(new Error(`the app did not start: ${stdout} ${stderr}`));
          }, 15_000);
          child.stdout.on('data', () => {
            const match = /listening (\S+)/.exec(stdout);
            if (match?.[1] !== undefined) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
        });
        const ready = async (): Promise<number> => {
          const response = await fetch(`${url}/health/ready`, { headers: { accept: 'application/json', connection: 'close' } });
          await response.text();
          return response.status;
        };
        expect(await ready()).to.equal(200);

        child.kill('SIGTERM');
        const seen: number[] = [];
        for (let attempt = 0; attempt < 40 && !seen.includes(503); attempt += 1) {
          seen.push(await ready());
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(seen, 'readiness during the drain').to.include(503);
        const live = await fetch(`${url}/health/live`, { headers: { accept: 'application/json', connection: 'close' } });
        expect(live.status, 'liveness during the drain').to.equal(200);
        await live.text();

        const gaveUp = new Promise<'still running'>((resolve) => setTimeout(() => {
            resolve('still running');
          }, 10_000).unref());
        const ended = await Promise.race([exited, gaveUp]);
        expect(ended, 'the process ends by itself once Nest has shut down (nothing keeps it alive)').to.not.equal('still running');
        const [code, signal] = await exited;
        expect({ code, signal, stderr }).to.deep.equal({ code: 0, signal: null, stderr: '' });
        expect(stdout).to.include('shut down SIGTERM');
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }
});
