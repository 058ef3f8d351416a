import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Outcome {
  readonly code: number;
  readonly output: string;
}

/** Runs `npm run check:layers`'s command, with the project's own config, on a tree of lib/ files. */
async function checkLayers(files: Readonly<Record<string, string>>): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'pulsecheck-layers-'));
  try {
    await copyFile(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    await writeFile(join(dir, 'tsconfig.build.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true }, include: ['lib'] }));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return await new Promise<Outcome>((resolve) => {
      execFile(process.execPath, [depcruise, 'lib', '--config', '.dependency-cruiser.cjs'], { cwd: dir }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: `${stdout}${stderr}` });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A tree that follows the layers: core reads report, http reads core, cli reads http. */
const layered: Readonly<Record<string, string>> = {
  'lib/report/HealthStatus.ts': "export type HealthStatus = 'pass' | 'warn' | 'fail';\n",
  'lib/core/run.ts': "import type { HealthStatus } from '../report/HealthStatus.js';\nexport const run = (): HealthStatus => 'pass';\n",
  'lib/http/serve.ts': "import { run } from '../core/run.js';\nexport const serve = (): string => run();\n",
  'lib/cli/main.ts': "import { serve } from '../http/serve.js';\nexport const main = (): string => serve();\n",
};

describe('npm run check:layers (.dependency-cruiser.cjs)', function () {
  this.timeout(120_000);

  it('passes a tree whose imports run down the layers', async () => {
    const { code, output } = await checkLayers(layered);
    expect(code, output).to.equal(0);
  });

  it('fails on an import that runs back up a layer (core importing http), naming the rule and both files', async () => {
    const { code, output } = await checkLayers({ ...layered, 'lib/core/leak.ts': "import { serve } from '../http/serve.js';\nexport const leak = serve;\n" });
    expect(code).to.not.equal(0);
    expect(output).to.include('no-upward-import-from-core').and.include('lib/core/leak.ts → lib/http/serve.ts');
  });

  it('fails on a type-only import that runs back up a layer too (the one core had from notify)', async () => {
    const files = { ...layered, 'lib/notify/Notifier.ts': 'export interface Notifier { notify(): void }\n', 'lib/core/hub.ts': "import type { Notifier } from '../notify/Notifier.js';\nexport type Hub = Notifier[];\n" };
    const { code, output } = await checkLayers(files);
    expect(code).to.not.equal(0);
    expect(output).to.include('no-upward-import-from-core').and.include('lib/core/hub.ts → lib/notify/Notifier.ts');
  });

  it('fails on a folder loop between siblings of one layer, though no module imports itself round a loop', async () => {
    const files = {
      ...layered,
      'lib/render/a.ts': "import { b } from '../checks/b.js';\nexport const a = b;\n",
      'lib/checks/b.ts': 'export const b = 1;\n',
      'lib/checks/c.ts': "import { d } from '../render/d.js';\nexport const c = d;\n",
      'lib/render/d.ts': 'export const d = 2;\n',
    };
    const { code, output } = await checkLayers(files);
    expect(code).to.not.equal(0);
    expect(output).to.include('no-folder-cycle');
    expect(output).to.not.include('no-module-cycle');
  });

  it('fails on two modules that import each other at run time', async () => {
    const files = {
      ...layered,
      'lib/core/registry.ts': "import { schema } from './schema.js';\nexport class Registry { readonly keys = Object.keys(schema); }\n",
      'lib/core/schema.ts': "import { Registry } from './registry.js';\nexport const schema = { registry: Registry };\n",
    };
    const { code, output } = await checkLayers(files);
    expect(code).to.not.equal(0);
    expect(output).to.include('no-module-cycle');
  });

  it('passes a loop that a type-only import closes (the compiler erases it)', async () => {
    const files = {
      ...layered,
      'lib/core/registry.ts': "import { schema } from './schema.js';\nexport class Registry { readonly keys = Object.keys(schema); }\n",
      'lib/core/schema.ts': "import type { Registry } from './registry.js';\nexport const schema: { registry?: Registry } = {};\n",
    };
    const { code, output } = await checkLayers(files);
    expect(code, output).to.equal(0);
  });
});
