import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/build-once.mjs', import.meta.url));

/**
 * A scratch project with the real build-once script and fake build scripts that count their runs
 * (a build deletes its folder first, as the real ones do, and fails when lib/fail exists).
 */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'pulsecheck-build-once-'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(script, join(root, 'scripts', 'build-once.mjs'));
  const build = (out: string): string =>
    `node -e "const fs=require('fs');fs.rmSync('${out}',{recursive:true,force:true});if(fs.existsSync('lib/fail'))process.exit(3);fs.mkdirSync('${out}');fs.appendFileSync('count-${out}','x')"`;
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts: { build: build('dist'), 'build:test': build('build') } }));
  for (const file of ['tsconfig.base.json', 'tsconfig.build.json', 'tsconfig.json']) writeFileSync(join(root, file), '{}');
  for (const folder of ['lib', 'spec', 'examples']) mkdirSync(join(root, folder));
  writeFileSync(join(root, 'lib', 'index.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'spec', 'a.spec.ts'), 'export {};\n');
  return root;
}

function buildOnce(root: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (env['PULSECHECK_BUILT'] === undefined) delete environment['PULSECHECK_BUILT'];
  if (env['PULSECHECK_REBUILD'] === undefined) delete environment['PULSECHECK_REBUILD'];
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-once.mjs'), '--test'], { cwd: root, env: environment, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function runs(root: string, out: 'dist' | 'build'): number {
  const file = join(root, `count-${out}`);
  return existsSync(file) ? readFileSync(file, 'utf8').length : 0;
}

describe('scripts/build-once.mjs', function () {
  this.timeout(60_000);
  let root: string;

  beforeEach(() => {
    root = scratchProject();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('builds dist/ and build/ the first time, and skips both when nothing changed', () => {
    expect(buildOnce(root).status).to.equal(0);
    const again = buildOnce(root);
    expect(again.status).to.equal(0);
    expect(again.output).to.contain('dist/ is up to date').and.to.contain('build/ is up to date');
    expect([runs(root, 'dist'), runs(root, 'build')]).to.deep.equal([1, 1]);
  });

  it('rebuilds both when a library source changes, and only build/ when a spec changes', () => {
    buildOnce(root);
    writeFileSync(join(root, 'lib', 'index.ts'), 'export const a = 2;\n');
    buildOnce(root);
    expect([runs(root, 'dist'), runs(root, 'build')]).to.deep.equal([2, 2]);
    writeFileSync(join(root, 'spec', 'a.spec.ts'), 'export const b = 1;\n');
    buildOnce(root);
    expect([runs(root, 'dist'), runs(root, 'build')]).to.deep.equal([2, 3]);
  });

  it('rebuilds when a source is added or removed, or a tsconfig changes', () => {
    buildOnce(root);
    writeFileSync(join(root, 'lib', 'more.ts'), 'export {};\n');
    buildOnce(root);
    rmSync(join(root, 'lib', 'more.ts'));
    buildOnce(root);
    writeFileSync(join(root, 'tsconfig.base.json'), '{"compilerOptions":{}}');
    buildOnce(root);
    expect(runs(root, 'dist')).to.equal(4);
  });

  it('builds again after a failed build, which leaves no stamp', () => {
    buildOnce(root);
    writeFileSync(join(root, 'lib', 'fail'), '');
    expect(buildOnce(root).status).to.equal(3);
    rmSync(join(root, 'lib', 'fail'));
    writeFileSync(join(root, 'lib', 'index.ts'), 'export const a = 1;\n'); // the sources of the first, stamped build
    expect(buildOnce(root).status).to.equal(0);
    expect(runs(root, 'dist')).to.equal(2); // the first build and this one (the failed one counted no run)
  });

  it('builds nothing under PULSECHECK_BUILT=1 and always under PULSECHECK_REBUILD=1', () => {
    expect(buildOnce(root, { PULSECHECK_BUILT: '1' }).output).to.contain('PULSECHECK_BUILT=1');
    expect(runs(root, 'dist')).to.equal(0);
    buildOnce(root);
    buildOnce(root, { PULSECHECK_REBUILD: '1' });
    expect([runs(root, 'dist'), runs(root, 'build')]).to.deep.equal([2, 2]);
  });
});
