import { createRequire } from 'node:module';
import type { HealthService } from '../core/HealthService.js';
import type { RunOptions } from '../core/RunOptions.js';
import type { HealthReport } from '../report/HealthReport.js';
import { JsonSerializer } from '../render/JsonSerializer.js';
import { respond } from '../render/respond.js';
import type { CliFormat } from './CliCommand.js';
import { CliError } from './CliError.js';
import { formatText } from './formatText.js';
import { loadHealthService } from './loadHealthService.js';
import { parseArguments } from './parseArguments.js';
import { usage } from './usage.js';

/** @internal What one CLI invocation prints and exits with. */
export interface CliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

/** Extra time the run gets beyond --timeout-ms, so that checks timing out at exactly that limit are still reported. */
const runGraceMs = 250;

/**
 * @internal The whole CLI except the process: parses `argv`, loads the
 * module, runs the checks and renders the report. Never rejects: every
 * failure is an outcome with exit code 1 or 2 and a message for stderr.
 *
 * @param argv - `process.argv.slice(2)`.
 * @param cwd - The directory the module path is resolved against.
 */
export async function runCli(argv: readonly string[], cwd: string): Promise<CliOutcome> {
  try {
    const command = parseArguments(argv);
    if (command.kind === 'help') return { exitCode: 0, stdout: usage, stderr: '' };
    if (command.kind === 'version') return { exitCode: 0, stdout: `${version()}\n`, stderr: '' };

    const { timeoutMs } = command;
    const service = await withDeadline(loadHealthService(command.module, { cwd, defaultTimeoutMs: timeoutMs }), timeoutMs, `loading ${command.module} took longer than ${timeoutMs} ms`);
    const report = await withDeadline(
      run(service, { tags: command.tags, names: command.names, probe: command.probe }),
      timeoutMs === undefined ? undefined : timeoutMs + runGraceMs,
      `the checks did not report within ${timeoutMs} ms`,
    );
    return {
      exitCode: report.status === 'fail' ? 1 : 0,
      stdout: render(report, command.format),
      stderr: report.checks.length === 0 ? 'pulsecheck: warning: no check matched the selection\n' : '',
    };
  } catch (error) {
    if (error instanceof CliError) {
      const hint = error.usage ? '\nRun pulsecheck --help for usage.' : '';
      return { exitCode: error.exitCode, stdout: '', stderr: `pulsecheck: ${error.message}${hint}\n` };
    }
    return { exitCode: 2, stdout: '', stderr: `pulsecheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` };
  }
}

async function run(service: HealthService, selection: { tags: RunOptions['tags']; names: RunOptions['names']; probe: RunOptions['probe'] }): Promise<HealthReport> {
  const options: { -readonly [K in keyof RunOptions]: RunOptions[K] } = {};
  if (selection.tags !== undefined) options.tags = selection.tags;
  if (selection.names !== undefined) options.names = selection.names;
  if (selection.probe !== undefined) options.probe = selection.probe;
  try {
    return await service.run(options);
  } catch (error) {
    // run() rejects only for a bad selection, such as an unknown check name.
    throw new CliError(error instanceof Error ? error.message : String(error), 2, true);
  }
}

function render(report: HealthReport, format: CliFormat): string {
  let text: string;
  if (format === 'text') text = formatText(report);
  else if (format === 'json') text = new JsonSerializer({ detailed: true }).serialize(report);
  else text = respond(report, { format }).body;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Settles like `promise`, or rejects with a CliError (exit 1) after `ms`; leaves no timer behind. */
async function withDeadline<T>(promise: Promise<T>, ms: number | undefined, message: string): Promise<T> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new CliError(message, 1));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function version(): string {
  const manifest = createRequire(import.meta.url)('pulsecheck/package.json') as { version?: unknown };
  return String(manifest.version);
}
