import { exec } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';

/** What a shell command in a scratch project did. */
export interface CommandResult {
  readonly code: number;
  readonly output: string;
}

/** An empty project in os.tmpdir(), the way a user starts one. */
export interface ScratchProject {
  readonly dir: string;
  /** Runs `command` through the shell in the project; resolves (never rejects) with its exit code and output. */
  run(command: string, options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<CommandResult>;
  /** Writes `text` to `path`, relative to the project. */
  write(path: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/** Creates an empty directory for a scratch project (nothing installed yet). */
export async function scratchProject(label: string): Promise<ScratchProject> {
  const dir = await mkdtemp(join(tmpdir(), `pulsecheck-${label}-`));
  return {
    dir,
    run(command, options = {}) {
      return new Promise((resolve) => {
        // npm_config_*: the outer `npm test` exports its own settings (prefix, user agent...); a user's shell has none.
        const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
        exec(command, { cwd: dir, env: { ...env, ...options.env }, timeout: options.timeoutMs ?? 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ code, output: `$ ${command}\n${stdout}${stderr}` });
        });
      });
    },
    async write(path, text) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
