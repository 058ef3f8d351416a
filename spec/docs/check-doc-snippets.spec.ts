import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repository, 'scripts', 'check-doc-snippets.mjs');

interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runChecker(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: repository, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status: code, stdout, stderr });
    });
  });
}

/** The `file:line:col: error TSnnnn` (or `error <lint rule>`) part of each error line the checker printed. */
function errorLocations(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^(\S+:\d+:\d+: error (?:TS\d+|@typescript-eslint\/[a-z-]+)):/.exec(line)?.[1])
    .filter((location) => location !== undefined);
}

const fence = '```';

// Each fixture line is numbered in a comment where the tests below rely on it.
const files: Record<string, string> = {
  'README.md': [
    '# Fixture', // 1
    '', // 2
    `${fence}ts`, // 3
    "import { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';", // 4
    "import { Container } from 'inversify';", // 5
    '', // 6
    'const registry = new HealthCheckRegistry();', // 7
    '@registerHealthCheck({ registry })', // 8
    'class Fine extends HealthCheck { check(): void {} }', // 9
    'const container = new Container();', // 10
    'container.load(healthModule({ registry }));', // 11
    'const report = await container.get(HealthService).run();', // 12
    'const status: string = report.status;', // 13
    'console.log(status, Fine.name);', // 14
    fence, // 15
    '', // 16
    `${fence}ts`, // 17
    '// a second block declares the same names: each block is its own module', // 18
    'const registry = 1;', // 19
    'const status = await Promise.resolve(registry);', // 20
    'console.log(status);', // 21
    fence, // 22
    '', // 23
    `${fence}js`, // 24
    'this is not TypeScript and is not checked', // 25
    fence, // 26
    '',
  ].join('\n'),
  'docs/guides/broken.md': [
    '# Broken', // 1
    '', // 2
    'Text.', // 3
    '', // 4
    `${fence}typescript`, // 5
    "import { HealthCheck } from 'pulsecheck';", // 6
    "const count: number = 'three';", // 7 → TS2322 at column 7
    'class NoCheck extends HealthCheck {}', // 8 → TS2515 at column 7
    'console.log(count, NoCheck);', // 9
    fence, // 10
    '', // 11
    '1. A step:', // 12
    '', // 13
    `   ${fence}ts`, // 14
    '   const fine = 1;', // 15
    '   console.log(fine, missingName);', // 16 → TS2304 at column 22 (19 in the block + 3 of indentation)
    `   ${fence}`, // 17
    '', // 18
    `${fence}ts ignore`, // 19
    'this block is deliberately not compilable', // 20
    fence, // 21
    '', // 22
    '<!-- snippet: skip (pseudo-code) -->', // 23
    `${fence}ts`, // 24
    'neither is this one', // 25
    fence, // 26
    '', // 27
    `${fence}ts`, // 28
    'await 42;', // 29 → await-thenable at column 1: compiles, but is a mistake the lint catches
    'Promise.resolve(1);', // 30 → no-floating-promises at column 1
    fence, // 31
    '',
  ].join('\n'),
  'docs/guides/files.md': [
    '# Blocks that name their file', // 1
    '', // 2
    `${fence}ts file=src/answer.ts`, // 3
    'export const answer = 42;', // 4
    fence, // 5
    '', // 6
    `${fence}ts file=test/answer.spec.ts`, // 7
    "import { answer } from '../src/answer.js';", // 8
    'const text: string = answer;', // 9 → TS2322 at column 7: the type crossed from the other block
    'console.log(text);', // 10
    fence, // 11
    '',
  ].join('\n'),
  'docs/api/generated.md': [`${fence}ts`, 'generated output is never checked', fence, ''].join('\n'),
  'lib/example.ts': [
    '/**', // 1
    ' * Adds two numbers.', // 2
    ' *', // 3
    ' * @example', // 4
    ` * ${fence}ts`, // 5
    ' * const sum: string = 1 + 2;', // 6 → TS2322 at column 10 (7 in the block + 3 of " * ")
    ` * ${fence}`, // 7
    ' * @returns nothing', // 8
    ' */', // 9
    'export function noop(): void {}', // 10
    '',
    '/**',
    ' * Fine.',
    ' * @example',
    ` * ${fence}ts`,
    " * import { HEALTH_CHECK } from 'pulsecheck';",
    ' * console.log(HEALTH_CHECK.toString());',
    ` * ${fence}`,
    ' */',
    'export const fine = 1;',
    '',
  ].join('\n'),
  'lib/unfenced.ts': [
    '/**', // 1
    ' * An example without a fence is code too (TypeDoc renders it as code).', // 2
    ' * @example', // 3
    ' * let flag: boolean = 0;', // 4 → TS2322 at column 8 (5 in the block + 3 of " * ")
    ' */', // 5
    'export const unfenced = 1;',
    '',
  ].join('\n'),
};

describe('scripts/check-doc-snippets.mjs', function () {
  this.timeout(120_000);

  let root: string;
  let everything: Outcome;
  let goodOnly: Outcome;

  before(async function () {
    mkdirSync(join(repository, 'build'), { recursive: true });
    // Inside the repository, so that 'pulsecheck' resolves by self-reference, as for the real docs.
    root = mkdtempSync(join(repository, 'build', 'doc-snippets-fixture-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    everything = await runChecker(['--root', root]);
    goodOnly = await runChecker(['--root', root, 'README.md']);
  });

  after(function () {
    rmSync(root, { recursive: true, force: true });
  });

  describe('having only snippets that compile', function () {
    it('exits 0 and says how many snippets it checked', function () {
      expect(goodOnly.stderr).to.equal('');
      expect(goodOnly.status).to.equal(0);
      expect(goodOnly.stdout).to.contain('ok (2 snippets checked in 1 file, 0 skipped)');
    });

    it('reports no error for blocks that import the built package and use top-level await', function () {
      expect(errorLocations(goodOnly.stdout)).to.deep.equal([]);
    });
  });

  describe('having snippets that do not compile', function () {
    it('exits 1', function () {
      expect(everything.status).to.equal(1);
      expect(everything.stderr).to.match(/check-doc-snippets: 8 errors \(10 snippets checked in 5 files, 2 skipped\)/);
    });

    it('reports each error at its line and column in the Markdown file', function () {
      expect(errorLocations(everything.stdout)).to.include.members([
        'docs/guides/broken.md:7:7: error TS2322',
        'docs/guides/broken.md:8:7: error TS2515',
      ]);
    });

    it('maps a block indented in a list back to its Markdown line and column', function () {
      expect(errorLocations(everything.stdout)).to.include('docs/guides/broken.md:16:22: error TS2304');
    });

    it('reports an @example error at its line and column in the TypeScript source', function () {
      expect(errorLocations(everything.stdout)).to.include.members(['lib/example.ts:6:10: error TS2322', 'lib/unfenced.ts:4:8: error TS2322']);
    });

    it('lets a block import another block of the same document by the file= its info string names', function () {
      expect(errorLocations(everything.stdout)).to.include('docs/guides/files.md:9:7: error TS2322');
      expect(everything.stdout).not.to.contain("Cannot find module '../src/answer.js'");
    });

    it('lints the snippets for awaited non-promises and dropped promises, which compile', function () {
      expect(errorLocations(everything.stdout)).to.include.members([
        'docs/guides/broken.md:29:1: error @typescript-eslint/await-thenable',
        'docs/guides/broken.md:30:1: error @typescript-eslint/no-floating-promises',
      ]);
    });

    it('prints the compiler message after the location', function () {
      expect(everything.stdout).to.contain("docs/guides/broken.md:16:22: error TS2304: Cannot find name 'missingName'.");
    });

    it('reports nothing else: skipped blocks, non-TypeScript blocks, docs/api/ and good blocks are not errors', function () {
      expect(errorLocations(everything.stdout)).to.have.lengthOf(8);
    });
  });

  describe('when called with bad arguments', function () {
    it('exits 2 for an unknown option', async function () {
      const outcome = await runChecker(['--nope']);
      expect(outcome.status).to.equal(2);
      expect(outcome.stderr).to.contain('unknown option --nope');
    });

    it('reports a file that does not exist', async function () {
      const outcome = await runChecker(['--root', root, 'docs/missing.md']);
      expect(outcome.status).to.equal(1);
      expect(outcome.stdout).to.contain('docs/missing.md: error: no such file');
    });
  });
});
