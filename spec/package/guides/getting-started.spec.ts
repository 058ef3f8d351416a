import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedPort } from '../../support/closedPort.js';
import { followGuide } from '../support/followGuide.js';
import { guidesDir } from '../support/guideProject.js';
import { markdownFences } from '../support/markdownFences.js';

/** Starts `command` (no shell in between, so that a signal reaches node itself) and resolves once it printed `ready`. */
async function start(command: string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const [file = '', ...args] = command;
  const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${command.join(' ')} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const upstreamCommand = markdownFences(readFileSync(join(guidesDir, 'getting-started.md'), 'utf8'))
  .find((fence) => fence.language === 'sh' && fence.code.startsWith('node -e '))
  ?.code.trim();

/**
 * Starts the guide's stand-in upstream (its `node -e` block, on port 8080),
 * then the service with its try-it command (on a free PORT, which the guide
 * documents), asks /health for JSON (200, working), stops the stand-in and
 * asks again (503, unavailable), as the guide's two curl examples show.
 */
followGuide('getting-started', {
  serve: {
    command: 'node dist/main.js',
    async run(folder, command) {
      expect(upstreamCommand, 'a ```sh block starting with node -e (the stand-in upstream)').to.match(/^node -e "[^"]+"$/);
      const port = await closedPort();
      const upstream = await start(['node', '-e', /^node -e "([^"]+)"$/.exec(upstreamCommand!)![1]!], folder.dir, {}, /^/);
      let service: Awaited<ReturnType<typeof start>> | undefined;
      try {
        // The stand-in prints nothing: wait until it answers.
        for (let attempt = 0; ; attempt++) {
          try {
            await fetch('http://localhost:8080/');
            break;
          } catch (error) {
            if (attempt > 100) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        service = await start(command.split(/\s+/), folder.dir, { PORT: String(port) }, /health on/);
        // The check's timeout is 500 ms: on a loaded machine one run can miss it, so a timeout is asked again (5 times at most).
        let healthy = await fetch(`http://127.0.0.1:${port}/health`, { headers: { accept: 'application/json' } });
        let body: unknown = await healthy.json();
        for (let attempt = 1; attempt < 5 && JSON.stringify(body).includes('timeout'); attempt++) {
          healthy = await fetch(`http://127.0.0.1:${port}/health`, { headers: { accept: 'application/json' } });
          body = await healthy.json();
        }
        expect(healthy.status, `${JSON.stringify(body)}\n${service.output()}`).to.equal(200);
        expect(healthy.headers.get('content-type')).to.match(/^application\/json/);
        expect(body).to.deep.equal({ UpstreamHealthCheck: 'working' });
        await stop(upstream.child);
        const down = await fetch(`http://127.0.0.1:${port}/health`, { headers: { accept: 'application/json' } });
        expect(down.status, service.output()).to.equal(503);
        expect(await down.json()).to.deep.equal({ UpstreamHealthCheck: 'unavailable: cannot reach http://localhost:8080/' });
      } finally {
        await stop(service?.child);
        await stop(upstream.child);
      }
    },
  },
});
