#!/usr/bin/env node
// @ts-check
/**
 * The build step in front of `npm test`, `npm run lint`, `typecheck`, `docs`
 * and `example`: compiles the library into dist/ (`npm run build`) and, with
 * `--test`, the specs and examples into build/ (`npm run build:test`).
 *
 * When PULSECHECK_BUILT=1 it does nothing: .ci/run builds once, sets it, and
 * then runs every step against that one build instead of rebuilding before
 * each. Run standalone (`npm test` on a fresh clone) it always builds.
 *
 * Usage: node scripts/build-once.mjs [--test]
 */
import { spawnSync } from 'node:child_process';

if (process.env.PULSECHECK_BUILT === '1') {
  console.log('build-once: PULSECHECK_BUILT=1, using the existing dist/ and build/');
} else {
  const scripts = process.argv.includes('--test') ? ['build', 'build:test'] : ['build'];
  for (const script of scripts) {
    const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
