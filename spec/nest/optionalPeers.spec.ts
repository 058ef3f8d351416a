import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importGraph } from '../support/importGraph.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The files of @nestjs/* and rxjs in the module cache of a child process after importing `entries`. */
async function nestFilesLoadedBy(entries: readonly string[]): Promise<string[]> {
  const script = `
    import { createRequire } from 'node:module';
    for (const entry of ${JSON.stringify(entries)}) await import(entry);
    const cached = Object.keys(createRequire(process.cwd() + '/').cache);
    console.log(JSON.stringify(cached.filter((file) => /[\\\\/]node_modules[\\\\/](@nestjs|rxjs)[\\\\/]/.test(file))));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, timeout: 20_000 });
  return JSON.parse(stdout) as string[];
}

describe('the optional peers @nestjs/common and @nestjs/core', function () {
  this.timeout(30_000);

  it('are not loaded by importing pulsecheck, nor any other entry point but pulsecheck/nest', async () => {
    expect(await nestFilesLoadedBy(['pulsecheck', 'pulsecheck/postgres', 'pulsecheck/redis', 'pulsecheck/rabbitmq', 'pulsecheck/testing'])).to.deep.equal([]);
    const loaded = await nestFilesLoadedBy(['pulsecheck/nest']);
    expect(loaded.some((file) => file.includes(`${sep}@nestjs${sep}core${sep}`)), 'pulsecheck/nest does load Nest: the check above is meaningful').to.equal(true);
  });

  it('are not reached from dist/index.js (its static import graph), and dist/nest is not either', () => {
    const graph = importGraph(join(root, 'dist', 'index.js'));
    const reached = [...graph.files, ...graph.packages];
    expect(reached.length, 'modules reached from dist/index.js').to.be.above(20);
    expect(reached.filter((file) => file.startsWith('@nestjs') || file.startsWith(join(root, 'dist', 'nest')))).to.deep.equal([]);
    expect([...importGraph(join(root, 'dist', 'nest', 'index.js')).packages], 'the walk sees bare specifiers').to.include('@nestjs/common');
  });
});
