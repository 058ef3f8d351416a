/**
 * The example service (examples/service/main.ts) for the API-tooling specs:
 * started as `npm run example` runs it (node on the built file), on a free
 * port, its dependencies where the environment says, and the CLI on its
 * checks module to generate the document and the collection.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { closedPort } from '../support/closedPort.js';

const run = promisify(execFile);
export const repository = fileURLToPath(new URL('../../../', import.meta.url));
const main = fileURLToPath(new URL('../../examples/service/main.js', import.meta.url));
/** The module that registers the example's checks (without building them: their clients come from main.ts). */
export const checksModule = 'build/examples/service/checks.js';

export interface Example {
  readonly base: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the example and waits for its "serving" line. */
export async function startExample(env: Record<string, string> = {}): Promise<Example> {
  const port = await closedPort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: repository,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DRAIN_MS: '0', GRPC_PORT: '0', PULSECHECK_BUILT: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 15_000;
  while (!output.includes('[example] serving')) {
    if (child.exitCode !== null) throw new Error(`example exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`example did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { base: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/** Polls `url` (JSON) until `ready(body, status)` or `ms` pass; returns the last answer. */
export async function waitFor(url: string, ready: (status: number, body: Record<string, string>) => boolean, ms = 10_000): Promise<{ status: number; body: Record<string, string> }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const body = (await response.json()) as Record<string, string>;
    if (ready(response.status, body) || Date.now() > deadline) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs the built `pulsecheck` bin; resolves its stdout, rejects with its stderr on a non-zero exit. */
export async function pulsecheck(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['dist/cli/pulsecheck.js', ...args], { cwd: repository, timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } });
  return stdout;
}
