#!/usr/bin/env node
// @ts-check
/**
 * Rewrites the import lines of the specs and examples so that they load the
 * library from ONE place, the built package in dist/:
 *
 *   '../../lib/index.js'                   -> 'pulsecheck'           (a public entry point, by its export)
 *   '../../../lib/checks/redis/index.js'   -> 'pulsecheck/redis'
 *   '../../lib/core/describeThrown.js'     -> '#lib/core/describeThrown.js'  (an internal module;
 *                                             package.json "imports" maps #lib/* to ./dist/*)
 *
 * Only specifiers that resolve into lib/ are touched (`from '...'`,
 * `import '...'`, `import('...')`, `export ... from '...'`); everything else is
 * left byte for byte. Idempotent: run it again after merging a branch that
 * adds specs with relative lib/ imports.
 *
 * Usage: node scripts/rewrite-spec-imports.mjs [--check] [DIR...]   (default DIRs: spec examples)
 *   --check  change nothing; list the files that still import lib/ relatively, exit 1 if any
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'lib');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** lib-relative path of an entry point's source (`checks/redis/index.js`) -> its public specifier. */
const entryPoints = new Map();
for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
  const js = typeof target === 'string' ? target : (target?.default ?? target?.import);
  if (typeof js !== 'string' || !js.startsWith('./dist/') || !js.endsWith('.js')) continue;
  entryPoints.set(js.slice('./dist/'.length), subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);
}

const check = process.argv.includes('--check');
const dirs = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return /\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

let changed = 0;
for (const file of (dirs.length > 0 ? dirs : ['spec', 'examples']).flatMap((dir) => walk(resolve(root, dir)))) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(specifier, (whole, keyword, quote, target) => {
    const absolute = resolve(dirname(file), target);
    const inLib = relative(lib, absolute);
    if (inLib.startsWith('..') || inLib === '' || resolve(lib, inLib) !== absolute) return whole;
    const path = inLib.split(sep).join(posix.sep);
    return `${keyword}${quote}${entryPoints.get(path) ?? `#lib/${path}`}${quote}`;
  });
  if (rewritten === text) continue;
  changed++;
  const name = relative(root, file).split(sep).join('/');
  if (check) console.log(`${name}: imports lib/ relatively`);
  else {
    writeFileSync(file, rewritten);
    console.log(`rewrote ${name}`);
  }
}
console.log(`rewrite-spec-imports: ${changed} file${changed === 1 ? '' : 's'} ${check ? 'to rewrite' : 'rewritten'}`);
if (check && changed > 0) process.exit(1);
