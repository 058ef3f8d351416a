#!/usr/bin/env node
// @ts-check
/**
 * The build step in front of `npm test`, `npm run lint`, `typecheck`, `docs`
 * and `example`: compiles the library into dist/ (`npm run build`) and, with
 * `--test`, the specs and examples into build/ (`npm run build:test`).
 *
 * It builds only what changed: each output folder holds a stamp, a hash of
 * the contents of everything that goes into it (the sources, the tsconfig
 * files, package.json and the installed TypeScript's version). When the
 * stamp matches, that build is skipped, so a second `npm run example` or
 * `npm test` on an unchanged tree starts at once. A build that fails leaves
 * no stamp (the build scripts delete their folder first), so the next call
 * builds again.
 *
 * When PULSECHECK_BUILT=1 it does nothing: .ci/run builds once, sets it, and
 * then runs every step against that one build instead of rebuilding before
 * each. PULSECHECK_REBUILD=1 forces a build.
 *
 * Usage: node scripts/build-once.mjs [--test]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampName = '.build-stamp';

/** What goes into each build: the folders whose `.ts` files it compiles, and the files that shape it. */
const builds = {
  build: { out: 'dist', folders: ['lib'], files: ['tsconfig.base.json', 'tsconfig.build.json'] },
  'build:test': { out: 'build', folders: ['lib', 'spec', 'examples'], files: ['tsconfig.base.json', 'tsconfig.json'] },
};

/** Every file below `folder`, sorted, relative to the root (node_modules and dot-folders skipped). */
function filesBelow(folder) {
  const found = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) found.push(relative(root, child));
    }
  };
  walk(join(root, folder));
  return found.sort();
}

/** The hash of every input of one build, file names included (a renamed or deleted file changes it). */
function fingerprint(build) {
  const hash = createHash('sha256');
  const typescript = join(root, 'node_modules', 'typescript', 'package.json');
  hash.update(existsSync(typescript) ? JSON.parse(readFileSync(typescript, 'utf8')).version : 'no typescript');
  for (const file of [...build.files, 'package.json', ...build.folders.flatMap(filesBelow)]) {
    const path = join(root, file);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

if (process.env.PULSECHECK_BUILT === '1') {
  console.log('build-once: PULSECHECK_BUILT=1, using the existing dist/ and build/');
} else {
  const scripts = process.argv.includes('--test') ? ['build', 'build:test'] : ['build'];
  for (const script of scripts) {
    const build = builds[script];
    const stamp = join(root, build.out, stampName);
    const expected = fingerprint(build);
    if (process.env.PULSECHECK_REBUILD !== '1' && existsSync(stamp) && readFileSync(stamp, 'utf8') === expected) {
      console.log(`build-once: ${build.out}/ is up to date with its sources, not rebuilt (PULSECHECK_REBUILD=1 forces it)`);
      continue;
    }
    const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
    writeFileSync(stamp, expected);
  }
}
