import { createRequire } from 'node:module';
import type { HealthService } from '../core/HealthService.js';
import { redactSecrets } from '../core/redactSecrets.js';
import { BACKSTOP_GRACE_MS } from '../core/backstopGraceMs.js';
import { MAX_TIMER_MS } from '../options/maxTimerMs.js';
import type { RunOptions } from '../core/RunOptions.js';
import type { HealthReport } from '../report/HealthReport.js';
import { JsonSerializer } from '../render/JsonSerializer.js';
import { findFormat } from '../render/formats.js';
import { respond } from '../render/respond.js';
import type { CliFormat } from './CliCommand.js';
import { CliError } from './CliError.js';
import { escapeControlCharacters } from './escapeControlCharacters.js';
import { formatText, type TextStyle } from './formatText.js';
import { loadHealthService } from './loadHealthService.js';
import { parseArguments } from './parseArguments.js';
import { redactReport } from './redactReport.js';
import { apiToolingCommands, runApiTooling } from './runApiTooling.js';
import { usage } from './usage.js';
import { withDeadline } from './withDeadline.js';
import { verifyProbes } from './verifyProbes/verifyProbes.js';

/** @internal What one CLI invocation prints and exits with. */
export interface CliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

/** Extra time the run gets beyond --timeout-ms, so that checks timing out at exactly that limit are still reported: the run's own backstop. */
const runGraceMs = BACKSTOP_GRACE_MS;

/** @internal How long loading the module may take when neither `--load-timeout-ms` nor `--timeout-ms` is given. */
export const defaultLoadTimeoutMs = 10_000;

/**
 * @internal The whole CLI except the process: parses `argv`, loads the
 * module, runs the checks and renders the report. Never rejects: every
 * failure is an outcome with exit code 1 or 2 and a message for stderr.
 *
 * Loading the module (its import, top-level awaits included, and the
 * function it exports) is bounded by `--load-timeout-ms`, else
 * `--timeout-ms`, else {@link defaultLoadTimeoutMs}: past it, exit 2. The
 * bin exits explicitly, so the import left pending keeps nothing alive.
 *
 * What it prints is redacted (`redactSecrets`: every message on stderr,
 * every string of the report on stdout, in every format; see
 * {@link redactReport}) and has its control characters escaped (`\u001b`),
 * so a connection string in a load error or an escape sequence in a check
 * name never reaches the terminal or the probe log.
 *
 * The text report is coloured when `style.color` is set (the bin decides
 * with {@link shouldColor}); every other format never is. Its colours are
 * the only escape sequences that reach stdout: formatText escapes
 * everything from the report itself.
 *
 * @param argv - `process.argv.slice(2)`.
 * @param cwd - The directory the module path is resolved against.
 * @param style - Whether the text report is coloured; plain by default.
 */
export async function runCli(argv: readonly string[], cwd: string, style: TextStyle = { color: false }): Promise<CliOutcome> {
  const { exitCode, stdout, stderr, format } = await outcomeOf(argv, cwd, style);
  const colored = style.color && format === 'text';
  return {
    exitCode,
    stdout: colored ? stdout : escapeControlCharacters(stdout, format !== undefined && findFormat(format)?.metrics === true ? 'exposition' : 'document'),
    stderr: redactSecrets(escapeControlCharacters(stderr, 'document')),
  };
}

async function outcomeOf(argv: readonly string[], cwd: string, style: TextStyle): Promise<CliOutcome & { readonly format?: CliFormat }> {
  try {
    if (argv[0] === 'verify-probes') return await verifyProbes(argv.slice(1), cwd);
    const subcommand = apiToolingCommands.find((name) => name === argv[0]);
    if (subcommand !== undefined) return await runApiTooling(subcommand, argv.slice(1), cwd);
    const command = parseArguments(argv);
    if (command.kind === 'help') return { exitCode: 0, stdout: usage, stderr: '' };
    if (command.kind === 'version') return { exitCode: 0, stdout: `${version()}\n`, stderr: '' };

    const { timeoutMs } = command;
    const loadTimeoutMs = command.loadTimeoutMs ?? timeoutMs ?? defaultLoadTimeoutMs;
    const service = await withDeadline(
      loadHealthService(command.module, { cwd, defaultTimeoutMs: timeoutMs }),
      loadTimeoutMs,
      () =>
        new CliError(
          `loading ${command.module} did not finish within ${loadTimeoutMs} ms (a top-level await, or the function it exports, never settled); give it longer with --load-timeout-ms <n>`,
          2,
        ),
    );
    if (command.tags !== undefined) assertKnownTags(service, command.tags);
    const report = await withDeadline(
      run(service, { tags: command.tags, names: command.names, probe: command.probe }),
      timeoutMs === undefined ? undefined : Math.min(MAX_TIMER_MS, timeoutMs + runGraceMs),
      () => new CliError(`the checks did not report within ${timeoutMs} ms`, 1),
    );
    const pending = pendingFailures(report);
    return {
      exitCode: report.status === 'fail' || pending.length > 0 ? 1 : 0,
      stdout: render(redactReport(report), command.format, style),
      stderr:
        (report.checks.length === 0 ? 'pulsecheck: warning: no check matched the selection\n' : '') +
        (pending.length === 0
          ? ''
          : `pulsecheck: ${pending.map((name) => `'${name}'`).join(', ')} failed; failAfter is not applied by the one-shot CLI (each run is a new process, so the streak never grows): exiting 1. Count failures with the probe's failureThreshold instead\n`),
      format: command.format,
    };
  } catch (error) {
    if (error instanceof CliError) {
      const hint = error.usage ? '\nRun pulsecheck --help for usage.' : '';
      return { exitCode: error.exitCode, stdout: '', stderr: `pulsecheck: ${error.message}${hint}\n` };
    }
    return { exitCode: 2, stdout: '', stderr: `pulsecheck: internal error: ${describeInternal(error)}\n` };
  }
}

/**
 * The critical checks whose failure flap suppression (`failAfter`) reports
 * as `warn`. One process runs each check once, so the streak is always 1
 * and a softened failure would pass an outage forever: the CLI refuses to
 * soften, and the kubelet's `failureThreshold` counts the streak instead.
 */
function pendingFailures(report: HealthReport): string[] {
  return report.checks.filter((check) => check.critical && check.suppressed?.observed === 'fail').map((check) => check.name);
}

/** Like `--names`: a tag that no check carries is a typo, not an empty selection that passes. */
function assertKnownTags(service: HealthService, tags: readonly string[]): void {
  if (typeof service.definitions !== 'function') return;
  const known = [...new Set(service.definitions().flatMap((definition) => definition.tags))];
  const unknown = tags.filter((tag) => !known.includes(tag));
  if (unknown.length === 0) return;
  throw new CliError(
    `no check has the tag ${unknown.map((tag) => `'${tag}'`).join(', ')} (known tags: ${known.length === 0 ? '(none)' : known.join(', ')})`,
    2,
    true,
  );
}

/** Total: whatever was thrown (a Proxy, an object without prototype), a description, never a second throw. */
function describeInternal(error: unknown): string {
  try {
    return error instanceof Error ? String(error.stack ?? error.message) : String(error);
  } catch {
    return 'a thrown value that cannot be described';
  }
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'a thrown value that cannot be described';
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
    throw new CliError(messageOf(error), 2, true);
  }
}

function render(report: HealthReport, format: CliFormat, style: TextStyle): string {
  let text: string;
  if (format === 'text') text = formatText(report, style);
  else if (format === 'json') text = new JsonSerializer({ detailed: true }).serialize(report);
  else text = respond(report, { format }).body;
  return text.endsWith('\n') ? text : `${text}\n`;
}

function version(): string {
  const manifest = createRequire(import.meta.url)('pulsecheck/package.json') as { version?: unknown };
  return String(manifest.version);
}
