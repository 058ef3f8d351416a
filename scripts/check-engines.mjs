#!/usr/bin/env node
// @ts-check
/**
 * Proves the stated minimum Node.js: fails when any installed package (every
 * entry of node_modules, dev dependencies included, as `npm ci` installed
 * them) declares an `engines.node` range that excludes the lowest version our
 * own `engines.node` admits (">=20.19" -> 20.19.0). npm only warns about such
 * a package (EBADENGINE); CI must fail instead.
 *
 * Usage: node scripts/check-engines.mjs   (run by .ci/run after `npm ci`)
 * Exit status: 0 when every package accepts the minimum, 1 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const minimum = semver.minVersion(own.engines?.node ?? '')?.version;
if (minimum === undefined) {
  console.error('check-engines: package.json has no usable engines.node');
  process.exit(1);
}

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const problems = [];
let checked = 0;
for (const path of Object.keys(lock.packages ?? {})) {
  if (!path.startsWith('node_modules/')) continue;
  const manifest = join(root, path, 'package.json');
  if (!existsSync(manifest)) continue; // an optional dependency for another platform, not installed
  const { name, version, engines } = JSON.parse(readFileSync(manifest, 'utf8'));
  checked++;
  const range = typeof engines?.node === 'string' ? engines.node : undefined;
  if (range === undefined || range.trim() === '') continue;
  if (semver.validRange(range) === null) problems.push(`${name}@${version} (${path}): engines.node "${range}" is not a valid range`);
  else if (!semver.satisfies(minimum, range, { includePrerelease: true })) problems.push(`${name}@${version} (${path}): engines.node "${range}" excludes Node.js ${minimum}`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`check-engines: ${problems.length} installed package${problems.length === 1 ? '' : 's'} cannot run on Node.js ${minimum}, the minimum package.json states (engines.node "${own.engines.node}"): pin versions that can, or raise the minimum`);
  process.exit(1);
}
console.log(`check-engines: ok, all ${checked} installed packages accept Node.js ${minimum} (engines.node "${own.engines.node}")`);
