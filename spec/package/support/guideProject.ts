import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownFences } from './markdownFences.js';
import { packTarball } from './packTarball.js';
import { scratchProject, type ScratchProject } from './scratchProject.js';

/** The TypeScript majors every guide is followed on. */
export const GUIDE_TYPESCRIPTS = ['7', '6'] as const;
export type GuideTypeScript = (typeof GUIDE_TYPESCRIPTS)[number];

export const guidesDir = fileURLToPath(new URL('../../../../docs/guides/', import.meta.url));

/** One `npm install` command of a guide, split into what it names. */
export interface InstallCommand {
  readonly guide: string;
  readonly command: string;
  readonly dev: boolean;
  /** The package names it installs (`pulsecheck`, `@types/pg`, `@nestjs/core@11`). */
  readonly packages: readonly string[];
}

/**
 * The `npm install` commands of a guide: every line (or `&&` part of a line)
 * of its ```sh / ```bash blocks that starts with `npm install`.
 */
export function installCommands(guide: string): InstallCommand[] {
  const fences = markdownFences(readFileSync(join(guidesDir, `${guide}.md`), 'utf8'));
  return fences
    .filter((fence) => fence.language === 'sh' || fence.language === 'bash')
    .flatMap((fence) => fence.code.split('\n'))
    .flatMap((line) => line.split('&&').map((part) => part.trim()))
    .filter((command) => /^npm (?:install|i)\s/.test(command))
    .map((command) => {
      const words = command.split(/\s+/).slice(2);
      return { guide, command, dev: words.includes('--save-dev') || words.includes('-D'), packages: words.filter((word) => !word.startsWith('-')) };
    });
}

/** The name of an installed package from what `npm install` is given (`@nestjs/core@11` → `@nestjs/core`). */
export function packageName(spec: string): string {
  return /^(@[^/@]+\/[^@]+|[^@]+)/.exec(spec)?.[1] ?? spec;
}

/** A scratch project in which every guide's install commands were run. */
export interface GuideProject {
  readonly project: ScratchProject;
  readonly typescript: GuideTypeScript;
  /** What `npx tsc --version` answered. */
  readonly tscVersion: string;
  /** A fresh, empty folder for one guide inside the project (its node_modules are the project's). */
  folder(guide: string): Promise<ScratchProject>;
}

const projects = new Map<GuideTypeScript, Promise<GuideProject>>();
let registry: Promise<boolean> | undefined;

/**
 * Whether the npm registry answers. Off CI, the guide specs skip (loudly)
 * without it; under CI=true they fail.
 */
export function registryReachable(): Promise<boolean> {
  registry ??= (async () => {
    const probe = await scratchProject('registry-probe');
    const result = await probe.run('npm view typescript@7 version', { timeoutMs: 30_000 });
    await probe.remove();
    return result.code === 0;
  })();
  return registry;
}

/**
 * The one scratch project of a TypeScript major, memoised for the mocha
 * process: `npm init -y && npm pkg set type=module` (getting-started's first
 * step), then the union of every guide's `npm install` commands, runtime
 * packages in one install and dev packages in another, with `pulsecheck`
 * taken from the packed tarball and `typescript` as `typescript@<major>`.
 * Both projects are installed at once, the first time either is asked for.
 */
export function guideProject(typescript: GuideTypeScript): Promise<GuideProject> {
  if (!projects.has(typescript)) for (const major of GUIDE_TYPESCRIPTS) projects.set(major, installGuideProject(major));
  return projects.get(typescript)!;
}

async function installGuideProject(typescript: GuideTypeScript): Promise<GuideProject> {
  const tarball = await packTarball();
  const project = await scratchProject(`guides-ts${typescript}`);
  // Removed by a detached `rm -rf` once mocha exits: deleting two full node_modules trees in the
  // exit handler held the process for minutes on a loaded machine.
  process.once('exit', () => {
    spawn('rm', ['-rf', project.dir], { detached: true, stdio: 'ignore' }).unref();
  });
  const commands = readdirSync(guidesDir)
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => installCommands(file.replace(/\.md$/, '')));
  const named = (dev: boolean) => [...new Set(commands.filter((command) => command.dev === dev).flatMap((command) => command.packages))]
    .map((spec) => (spec === 'pulsecheck' ? tarball : spec === 'typescript' ? `typescript@${typescript}` : spec));
  const steps = [
    'npm init -y && npm pkg set type=module',
    `npm install --no-audit --no-fund --loglevel=error ${named(false).join(' ')}`,
    `npm install --save-dev --no-audit --no-fund --loglevel=error ${named(true).join(' ')}`,
  ];
  for (const step of steps) {
    const result = await project.run(step, { timeoutMs: 540_000 });
    if (result.code !== 0) throw new Error(`the guides' project for TypeScript ${typescript} did not install:\n${result.output}`);
  }
  const version = await project.run('npx tsc --version');
  return {
    project,
    typescript,
    tscVersion: version.output.split('\n')[1]?.trim() ?? '',
    async folder(guide) {
      const dir = join(project.dir, 'guides', guide);
      if (existsSync(dir)) throw new Error(`${dir} exists already`);
      await mkdir(dir, { recursive: true });
      return scratchAt(project, dir);
    },
  };
}

function scratchAt(project: ScratchProject, dir: string): ScratchProject {
  return {
    dir,
    run: (command, options) => project.run(`cd ${JSON.stringify(dir)} && ${command}`, options),
    write: (path, text) => project.write(join(dir.slice(project.dir.length + 1), path), text),
    remove: () => Promise.resolve(),
  };
}
