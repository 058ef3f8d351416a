import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedPort } from '../support/closedPort.js';
import { markdownFences } from './support/markdownFences.js';
import { packTarball } from './support/packTarball.js';
import { scratchProject, type ScratchProject } from './support/scratchProject.js';

const guidePath = new URL('../../../docs/guides/getting-started.md', import.meta.url);

/**
 * Follows docs/guides/getting-started.md as a user would, on today's toolchain
 * (whatever `npm install typescript @types/node` installs): the install block's
 * commands, with `pulsecheck` taken from the packed tarball; the files of its
 * `file=` blocks, written verbatim; its compile command; then its run command,
 * and a request to /health. Needs the npm registry (available in CI).
 */
describe('the getting-started guide, followed verbatim in an empty project', function () {
  this.timeout(600_000); // npm installs from the registry; minutes on a loaded machine
  const fences = markdownFences(readFileSync(guidePath, 'utf8'));
  const install = fences.find((fence) => fence.language === 'sh' && fence.code.includes('npm install'));
  const tryIt = fences.flatMap((fence) => (fence.language === 'sh' ? fence.code.split('\n') : [])).find((line) => line.startsWith('npx tsc'));
  const [compileCommand, runCommand] = tryIt?.split(' && ') ?? [];
  let project: ScratchProject;
  let upstream: Server;
  let service: ChildProcess | undefined;
  let output = '';

  before(async () => {
    project = await scratchProject('getting-started');
    upstream = createServer((_request, response) => response.writeHead(200).end());
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
  });

  after(async () => {
    if (service !== undefined && service.exitCode === null) {
      service.kill('SIGTERM');
      await once(service, 'exit');
    }
    upstream.close();
    await project.remove();
  });

  it('names its install commands, its files and a compile-and-run command', () => {
    expect(install, 'a ```sh block with npm install').to.not.equal(undefined);
    expect(fences.filter((fence) => fence.file !== undefined).map((fence) => fence.file)).to.include.members(['tsconfig.json', 'src/main.ts']);
    expect(compileCommand).to.equal('npx tsc');
    expect(runCommand).to.match(/^node /);
  });

  it('installs with its commands (pulsecheck from the packed tarball)', async () => {
    const tarball = await packTarball();
    for (const line of install!.code.split('\n').filter((text) => text.trim() !== '' && !text.startsWith('#'))) {
      const command = line.startsWith('npm install') ? line.replace(/(?<=\s)pulsecheck(?=\s|$)/, tarball) : line;
      const result = await project.run(command, { timeoutMs: 540_000 });
      expect(result.code, result.output).to.equal(0);
    }
  });

  it('compiles its files with its command', async () => {
    for (const fence of fences) if (fence.file !== undefined) await project.write(fence.file, fence.code);
    const result = await project.run(compileCommand!);
    expect(result.code, result.output).to.equal(0);
  });

  it('runs, and answers /health with 200 and JSON', async () => {
    const port = await closedPort();
    const { port: upstreamPort } = upstream.address() as AddressInfo;
    // Without a shell in between, so that the SIGTERM of `after` reaches node itself.
    const [command = '', ...args] = runCommand!.split(/\s+/);
    service = spawn(command, args, { cwd: project.dir, env: { ...process.env, PORT: String(port), UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}/` }, stdio: ['ignore', 'pipe', 'pipe'] });
    service.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!output.includes('health on')) {
      if (service.exitCode !== null || Date.now() > deadline) throw new Error(`${runCommand!} did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const response = await fetch(`http://127.0.0.1:${port}/health`, { headers: { accept: 'application/json' } });
    expect(response.status, output).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    expect(await response.json()).to.deep.equal({ UpstreamHealthCheck: 'working' });
  });
});
