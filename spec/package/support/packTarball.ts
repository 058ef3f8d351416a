import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
let packed: Promise<string> | undefined;

/**
 * Packs the package as `npm pack` would publish it, into a fresh temporary
 * directory, and resolves to the tarball's path. Packs once per mocha run.
 *
 * `--ignore-scripts`: `prepack` would rebuild dist/ under the running suite;
 * the suite's own build (`pretest`) is the one being packed.
 */
export function packTarball(): Promise<string> {
  packed ??= (async () => {
    if (!existsSync(join(repository, 'dist', 'index.js'))) throw new Error('dist/ is not built: run `npm run build` first');
    const destination = await mkdtemp(join(tmpdir(), 'pulsecheck-pack-'));
    process.once('exit', () => {
      rmSync(destination, { recursive: true, force: true });
    });
    const { stdout } = await promisify(execFile)('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: repository, maxBuffer: 16 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    return join(destination, filename);
  })();
  return packed;
}
