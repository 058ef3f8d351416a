import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { markdownFences, type Fence } from './markdownFences.js';
import { GUIDE_TYPESCRIPTS, guideProject, guidesDir, installCommands, packageName, registryReachable, type GuideProject, type GuideTypeScript } from './guideProject.js';
import type { CommandResult, ScratchProject } from './scratchProject.js';

/** How a guide's spec departs from "run every command of its try-it block and expect exit code 0". */
export interface GuideOptions {
  /** The guide whose `file=tsconfig.json` block applies when this guide has none (default: getting-started). */
  readonly tsconfigFrom?: string;
  /** What a try-it command must print, by command. */
  readonly output?: Readonly<Record<string, RegExp>>;
  /**
   * A try-it command that starts a server (it does not exit): `serve` runs it
   * instead, checks it, and stops it. The `curl` lines of the block are its to follow.
   */
  readonly serve?: { readonly command: string; run(folder: ScratchProject, command: string): Promise<void> };
  /** TypeScript blocks not compiled in the scratch project, each named by a text it contains, with the reason. */
  readonly notCompiled?: readonly { readonly containing: string; readonly reason: string }[];
}

/** The guide's try-it block: the ```sh block whose first line starts with `npx tsc`. */
export function tryItCommands(fences: readonly Fence[]): { compile: string; run: string[] } | undefined {
  const block = fences.find((fence) => (fence.language === 'sh' || fence.language === 'bash') && fence.code.startsWith('npx tsc'));
  if (block === undefined) return undefined;
  const commands = block.code.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  const [first = '', ...rest] = commands;
  const [compile = 'npx tsc', ...runFirst] = first.split(' && ');
  return { compile, run: [...runFirst, ...rest] };
}

/**
 * Follows docs/guides/<guide>.md verbatim in the shared scratch project of
 * each TypeScript major (support/guideProject.ts: the packed tarball and every
 * guide's install commands, installed once per major): checks that what its
 * `npm install` commands name is installed; writes, in a folder of its own,
 * its `file=` blocks and, as src/snippets/line-N.ts, every other TypeScript
 * block (those check-doc-snippets compiles too), with its tsconfig.json (or
 * getting-started's); compiles them with the try-it block's `npx tsc`; then
 * runs each command of the try-it block and expects it to exit 0.
 */
/** What followGuide writes and compiles for a guide. */
interface GuidePlan {
  readonly guide: string;
  readonly tsconfig: Fence | undefined;
  readonly files: readonly Fence[];
  readonly snippets: readonly Fence[];
  readonly compile: string;
}

/** A guide's folder in a TypeScript major's project, its files written and compiled. */
interface Compiled {
  readonly installed: GuideProject;
  readonly folder: ScratchProject;
  readonly result: CommandResult;
}

const plans = new Map<string, GuidePlan>();
const compilations = new Map<string, Promise<Compiled>>();
let slots = Math.max(1, availableParallelism());
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than availableParallelism() compilations are running. */
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((resolve) => waiting.push(resolve));
  else slots--;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next === undefined) slots++;
    else next();
  }
}

/**
 * The compilation of `guide` on `typescript`. The first call for a major
 * starts the compilations of every guide registered so far (all spec files
 * are loaded before any runs), `availableParallelism()` at a time, so that
 * the slow part of the suite, `tsc` on TypeScript 6, uses every core (the
 * limit is shared by both majors).
 */
function compilation(guide: string, typescript: GuideTypeScript): Promise<Compiled> {
  if (!compilations.has(`${typescript} ${guide}`)) {
    const installing = guideProject(typescript);
    for (const plan of plans.values()) {
      const compiled = (async () => {
        const installed = await installing;
        return slot(async () => {
          const folder = await installed.folder(plan.guide);
          if (plan.tsconfig !== undefined) await folder.write('tsconfig.json', plan.tsconfig.code);
          for (const fence of plan.files) await folder.write(fence.file!, fence.code);
          for (const fence of plan.snippets) await folder.write(`src/snippets/line-${fence.line}.ts`, `${fence.code}export {};\n`);
          return { installed, folder, result: await folder.run(plan.compile) };
        });
      })();
      compiled.catch(() => undefined); // awaited by the guide's own tests, which report it
      compilations.set(`${typescript} ${plan.guide}`, compiled);
    }
  }
  return compilations.get(`${typescript} ${guide}`)!;
}

export function followGuide(guide: string, options: GuideOptions = {}): void {
  const fences = markdownFences(readFileSync(join(guidesDir, `${guide}.md`), 'utf8'));
  const tsconfigGuide = fences.some((fence) => fence.file === 'tsconfig.json') ? guide : (options.tsconfigFrom ?? 'getting-started');
  const tsconfig = markdownFences(readFileSync(join(guidesDir, `${tsconfigGuide}.md`), 'utf8')).find((fence) => fence.file === 'tsconfig.json');
  const tryIt = tryItCommands(fences);
  const files = fences.filter((fence) => fence.file !== undefined && fence.file !== 'tsconfig.json');
  const snippets = fences.filter((fence) => (fence.language === 'ts' || fence.language === 'typescript') && fence.file === undefined && !fence.skipped && !(options.notCompiled ?? []).some(({ containing }) => fence.code.includes(containing)));
  plans.set(guide, { guide, tsconfig, files, snippets, compile: tryIt?.compile ?? 'npx tsc' });

  for (const typescript of GUIDE_TYPESCRIPTS) {
    describe(`docs/guides/${guide}.md, followed verbatim on TypeScript ${typescript}`, function () {
      this.timeout(600_000); // the shared install: minutes on a loaded machine, the first time
      let installed: GuideProject;
      let folder: ScratchProject;
      let compiled: Compiled;

      before(async function () {
        if (!(await registryReachable())) {
          if (process.env.CI === 'true') throw new Error('the npm registry is unreachable: the guide specs need it');
          console.warn(`\n  !!! SKIPPED docs/guides/${guide}.md on TypeScript ${typescript}: the npm registry is unreachable\n`);
          this.skip();
        }
        compiled = await compilation(guide, typescript);
        ({ installed, folder } = compiled);
      });

      it(`has a tsconfig.json (its own or ${tsconfigGuide}'s) and a try-it block starting with npx tsc`, function () {
        expect(tsconfig, `${tsconfigGuide}.md has no \`\`\`json file=tsconfig.json block`).to.not.equal(undefined);
        expect(tryIt, `${guide}.md has no \`\`\`sh block starting with npx tsc`).to.not.equal(undefined);
      });

      it('has installed what its npm install commands name', function () {
        const missing = installCommands(guide)
          .flatMap((command) => command.packages)
          .filter((spec) => !existsSync(join(installed.project.dir, 'node_modules', packageName(spec), 'package.json')));
        expect(missing, 'packages named by the guide but not installed').to.deep.equal([]);
      });

      it(`compiles its files and its ${snippets.length} other TypeScript blocks with its command`, function () {
        const { result } = compiled;
        expect(result.code, `${guide}.md on ${installed.tscVersion}: ${result.output}`).to.equal(0);
      });

      for (const command of tryIt?.run.filter((line) => !line.startsWith('curl ')) ?? []) {
        it(`runs \`${command}\``, async function () {
          if (options.serve?.command === command) {
            await options.serve.run(folder, command);
            return;
          }
          const result = await folder.run(command, { timeoutMs: 120_000 });
          expect(result.code, `${guide}.md, \`${command}\`: ${result.output}`).to.equal(0);
          const wanted = options.output?.[command];
          if (wanted !== undefined) expect(result.output).to.match(wanted);
        });
      }
    });
  }
}
