import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
};

interface DryRun {
  readonly files: readonly { path: string }[];
  readonly name: string;
  readonly version: string;
}

/**
 * What CONTRIBUTING's release procedure runs before `npm publish`: a dry run
 * must be clean. npm corrects a malformed package.json silently at publish
 * time (it dropped the `pulsecheck` bin, written `./dist/cli/pulsecheck.js`),
 * so every `npm warn publish` line but the one about logging in is a defect.
 * `--ignore-scripts`: the suite's own build (`pretest`) is what is published.
 */
describe('npm publish --dry-run', function () {
  this.timeout(120_000);
  let dryRun: DryRun;
  let warnings: string[];

  before(async () => {
    const { stdout, stderr } = await promisify(execFile)('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], { cwd: repository, maxBuffer: 16 * 1024 * 1024 });
    dryRun = (JSON.parse(stdout) as Record<string, DryRun>)[manifest.name] ?? (JSON.parse(stdout) as DryRun);
    warnings = stderr
      .split('\n')
      .filter((line) => /\bwarn\b/.test(line))
      .filter((line) => !/requires you to be logged in/.test(line));
  });

  it('prints no warning: npm corrects nothing in package.json', () => {
    expect(warnings).to.deep.equal([]);
  });

  it('publishes the name and version of package.json', () => {
    expect([dryRun.name, dryRun.version]).to.deep.equal([manifest.name, manifest.version]);
  });

  it('publishes only the built library, the CHANGELOG, the README, the LICENSE and package.json', () => {
    const unexpected = dryRun.files.map((file) => file.path).filter((path) => !/^dist\/.+\.(js|d\.ts)$/.test(path) && !['CHANGELOG.md', 'README.md', 'LICENSE', 'package.json'].includes(path));
    expect(unexpected).to.deep.equal([]);
  });

  it('publishes every file the exports and the bin point to', () => {
    const published = new Set(dryRun.files.map((file) => file.path));
    for (const target of Object.values(manifest.bin)) expect(published.has(target.replace(/^\.\//, '')), target).to.equal(true);
    expect(published.has('dist/index.js')).to.equal(true);
    expect(published.has('dist/index.d.ts')).to.equal(true);
  });

  it('names one repository in every address of package.json', () => {
    const slug = /github\.com\/([^/]+\/[^/#.]+)/;
    const slugs = [manifest.repository.url, manifest.homepage, manifest.bugs.url].map((url) => slug.exec(url)?.[1]);
    expect(new Set(slugs).size, slugs.join(', ')).to.equal(1);
    expect(slugs[0]).to.not.equal(undefined);
  });
});
