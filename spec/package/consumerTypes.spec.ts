import { expect } from 'chai';
import { packTarball } from './support/packTarball.js';
import { scratchProject, type CommandResult, type ScratchProject } from './support/scratchProject.js';

/**
 * The toolchains the shipped .d.ts files must compile on, with skipLibCheck: false:
 * TypeScript 6.0 and the current 7 (the native compiler; its `tsc` binary), each with
 * the oldest @types/node this package supports (Node 20.19) and the current one.
 * Installing them needs the npm registry (available in CI). pulsecheck/nest is
 * compiled against NestJS 11 (its optional peers, installed here).
 */
const typescripts = ['typescript@~6.0.0', 'typescript@7'];
const nodeTypes = ['@types/node@~20.19.0', '@types/node@latest'];

const consumer = `import * as pulsecheck from 'pulsecheck';
import * as postgres from 'pulsecheck/postgres';
import * as redis from 'pulsecheck/redis';
import * as rabbitmq from 'pulsecheck/rabbitmq';
import * as nest from 'pulsecheck/nest';
import type { DynamicModule } from '@nestjs/common';
import { Container } from 'inversify';

const container = new Container();
container.load(pulsecheck.healthModule());
export const health: pulsecheck.HealthService = container.get(pulsecheck.HealthService);
export const healthRoutes: DynamicModule = nest.PulsecheckModule.forRoot({ checks: [postgres.PostgresHealthCheck], drainDelayMs: 1_000 });
export const entryPoints = [pulsecheck, postgres, redis, rabbitmq, nest];
`;

const tsconfig = {
  compilerOptions: {
    module: 'NodeNext',
    target: 'ES2022',
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: ['node'],
    noEmit: true,
  },
  files: ['consumer.ts'],
};

describe('the packed package, type-checked by a consumer with skipLibCheck: false', function () {
  // One npm install per cell, all four in parallel, from the registry: slow, but well under 3 minutes.
  this.timeout(600_000); // npm installs from the registry; minutes on a loaded machine
  const cells = typescripts.flatMap((typescript) => nodeTypes.map((types) => ({ typescript, types })));
  const projects = new Map<string, Promise<{ project: ScratchProject; installed: string; compile: CommandResult }>>();
  let tarball: string;

  before(async () => {
    tarball = await packTarball();
    for (const { typescript, types } of cells) {
      projects.set(`${typescript} ${types}`, (async () => {
        const project = await scratchProject('consumer');
        await project.write('package.json', `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
        await project.write('tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`);
        await project.write('consumer.ts', consumer);
        const install = await project.run(`npm install --no-audit --no-fund --loglevel=error ${tarball} inversify reflect-metadata @nestjs/common@11 @nestjs/core@11 rxjs ${typescript} ${types}`, { timeoutMs: 540_000 });
        if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
        const versions = await project.run('npm ls typescript @types/node --depth=0 --parseable --long');
        // Compile here too, so that the four cells compile in parallel as well.
        const compile = await project.run('npx tsc -p tsconfig.json');
        return { project, installed: versions.output.split('\n').filter((line) => line.includes('@')).map((line) => line.split(':')[1]).join(', '), compile };
      })());
    }
    await Promise.allSettled(projects.values());
  });

  after(async () => {
    await Promise.allSettled([...projects.values()].map(async (cell) => (await cell).project.remove()));
  });

  it('ships dist/ with the compiled code and the declarations of every entry point', async () => {
    const { project } = await projects.values().next().value!;
    const listing = await project.run('ls node_modules/pulsecheck/dist node_modules/pulsecheck/dist/checks/postgres');
    expect(listing.output).to.include('index.js').and.to.include('index.d.ts');
  });

  for (const { typescript, types } of cells) {
    it(`compiles an import of every entry point with ${typescript} and ${types}`, async () => {
      const { installed, compile } = await projects.get(`${typescript} ${types}`)!;
      expect(compile.code, `${installed}\n${compile.output}`).to.equal(0);
    });
  }
});
