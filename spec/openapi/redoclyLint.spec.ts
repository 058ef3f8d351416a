import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checksModule, pulsecheck, repository } from './exampleService.js';

const run = promisify(execFile);
const redocly = join(repository, 'node_modules', '.bin', 'redocly');

interface Problem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly location: readonly { readonly pointer: string }[];
}

/**
 * The warnings of the recommended ruleset that stay, each with why:
 * - `info-license`: the document describes the user's service, whose
 *   license pulsecheck cannot know (merge the fragment into a document that
 *   states it);
 * - `no-unused-components` on `PulsecheckDetailedReport`: the whole report,
 *   published for a route of the user's own (the HTTP guide says so); no
 *   health route answers it.
 */
const justified = new Set(['info-license #/info', 'no-unused-components #/components/schemas/PulsecheckDetailedReport']);

/** Runs `redocly lint --extends recommended` offline (no telemetry, no update check, no config file found) and returns its problems. */
async function lint(file: string, cwd: string): Promise<Problem[]> {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' };
  const answer = await run(redocly, ['lint', '--extends', 'recommended', '--format', 'json', file], { cwd, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: unknown) => {
      const { stdout } = error as { stdout?: unknown };
      return { stdout: typeof stdout === 'string' ? stdout : '' };
    },
  );
  return (JSON.parse(answer.stdout) as { problems: Problem[] }).problems;
}

const described = (problem: Problem): string => `${problem.ruleId} ${problem.location[0]?.pointer ?? ''}`;

describe('the OpenAPI document of the example service, linted by redocly with its recommended rules', function () {
  this.timeout(90_000);
  let directory: string;
  let problems: Problem[];

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'pulsecheck-redocly-'));
    const file = join(directory, 'health.openapi.json');
    await writeFile(file, await pulsecheck('openapi', '--module', checksModule));
    problems = await lint(file, directory);
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('has no error (it had 8 security-defined and 1 no-empty-servers)', () => {
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => `${described(problem)}: ${problem.message}`)).to.deep.equal([]);
  });

  it('has no warning but the justified ones', () => {
    expect(problems.filter((problem) => problem.severity === 'warn').map(described).filter((problem) => !justified.has(problem))).to.deep.equal([]);
  });

  it('would report what it was fixed for, so it cannot pass by linting nothing', async () => {
    const file = join(directory, 'broken.openapi.json');
    await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/health': { get: { responses: { '200': { description: 'ok' } } } } } }));
    const rules = (await lint(file, directory)).filter((problem) => problem.severity === 'error').map((problem) => problem.ruleId);
    expect(rules).to.include.members(['security-defined', 'no-empty-servers']);
  });
});
