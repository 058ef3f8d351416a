// Which pulsecheck build the bench measures, resolved once for every scenario and for the perf guard:
//   PULSECHECK_DIST=/work/wt-engine/dist   a build directory (its index.js) or an index.js file;
//   BENCH_PULSECHECK_DIST=…/index.js       the older name, same meaning;
//   neither                                the repository's own ../dist (what `npm run build` made).
// A build outside this repository must sit where Node can resolve its own imports (yaml, inversify) from a
// node_modules above it: copy another worktree's dist into this repository's scratch/ (git-ignored), never
// into /tmp.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repositoryDist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The absolute path of the `index.js` of the build under test. */
export function pulsecheckEntryPath(env = process.env) {
  const raw = env.PULSECHECK_DIST || env.BENCH_PULSECHECK_DIST || repositoryDist;
  const path = resolve(raw);
  const entry = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.js') : path;
  if (!existsSync(entry)) {
    throw new Error(`bench: no pulsecheck build at ${entry} (run \`npm run build\`, or point PULSECHECK_DIST at a dist/ directory)`);
  }
  return entry;
}

/** A short label for reports: the build's directory relative to nothing (absolute), or "dist" for the repository's own. */
export function pulsecheckBuildLabel(env = process.env) {
  const entry = pulsecheckEntryPath(env);
  return entry === join(repositoryDist, 'index.js') ? 'dist (this repository)' : entry.replace(/\/index\.js$/, '');
}

/** The build's main module (`pulsecheck`). */
export async function loadPulsecheck(env = process.env) {
  return import(pathToFileURL(pulsecheckEntryPath(env)).href);
}

/** One of the build's subpaths (`opentelemetry`, `checks/postgres`, ...), or undefined when the build has none. */
export async function loadPulsecheckSubpath(subpath, env = process.env) {
  const file = join(pulsecheckEntryPath(env), '..', subpath, 'index.js');
  if (!existsSync(file)) return undefined;
  return import(pathToFileURL(file).href);
}
