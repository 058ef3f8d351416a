import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { describeSuppressed, suppressedFields } from '../render/suppressedFields.js';
import { escapeControlCharacters } from './escapeControlCharacters.js';

/** @internal How {@link formatText} writes: with ANSI colours (a terminal) or as plain text (a pipe, a log, `NO_COLOR`). */
export interface TextStyle {
  /** Colour the symbols, status words and summary, and mark warnings with `⚠` instead of `!`. */
  readonly color: boolean;
}

/** The symbol of each state: plain text keeps the ASCII `!` for warnings, which every log viewer shows one column wide. */
const plainSymbols: Readonly<Record<HealthStatus, string>> = { pass: '✔', warn: '!', fail: '✖' };
const colorSymbols: Readonly<Record<HealthStatus, string>> = { pass: '✔', warn: '⚠', fail: '✖' };

/** SGR colours: green, yellow, red; the only escape sequences formatText ever writes. */
const colors: Readonly<Record<HealthStatus, string>> = { pass: '\u001b[32m', warn: '\u001b[33m', fail: '\u001b[31m' };
const bold = '\u001b[1m';
const dim = '\u001b[2m';
const reset = '\u001b[0m';

/**
 * @internal Renders a report for a terminal or a probe log: one line per
 * check (symbol, name, status, duration, output; further error lines
 * indented below), then a summary line. Control characters in names and
 * messages are shown escaped (`\u001b`), never sent to the terminal.
 *
 * Plain text by default (`✔`/`!`/`✖`): what a pipe, a file or an exec
 * probe's log gets. With `{ color: true }` (a terminal), the symbols
 * (`✔`/`⚠`/`✖`) and status words are green, yellow or red, the summary's
 * status bold and durations dim; the columns stay aligned and the words stay,
 * so colour is never the only cue. The only escape sequences written are
 * these SGR colours: everything from the report is escaped first.
 *
 * @example
 * ```text
 * ✔ Process               pass  0.1 ms  working
 * ✖ Database              fail  1.3 ms  unavailable: connect ECONNREFUSED 10.0.0.7:5432
 * ! Cache (non-critical)  warn  0.2 ms  warning: p99 latency 250 ms
 * fail: 3 checks (1 pass, 1 warn, 1 fail) in 1.6 ms
 * ```
 */
export function formatText(report: HealthReport, style: TextStyle = { color: false }): string {
  const color = style.color;
  const paint = (code: string, text: string): string => (color ? `${code}${text}${reset}` : text);
  const symbols = color ? colorSymbols : plainSymbols;
  const names = report.checks.map(label);
  const durations = report.checks.map((check) => `${check.durationMs.toFixed(1)} ms`);
  const nameWidth = Math.max(0, ...names.map((name) => name.length));
  const durationWidth = Math.max(0, ...durations.map((duration) => duration.length));
  const indent = ' '.repeat(2 + nameWidth + 2 + 4 + 2 + durationWidth + 2);

  const lines = report.checks.map((check, index) => {
    const [first = '', ...rest] = outputOf(check).split('\n');
    const status = stateOf(check.status);
    const tint = colors[status];
    const line =
      `${paint(tint, symbols[status])} ${(names[index] ?? '').padEnd(nameWidth)}  ${paint(tint, status)}  ` +
      `${paint(dim, (durations[index] ?? '').padStart(durationWidth))}  ${first}`;
    return [line, ...rest.map((more) => `${indent}${more}`)].join('\n');
  });
  if (report.checks.length === 0) lines.push('(no check selected)');

  const count = (status: HealthStatus): number => report.checks.filter((check) => stateOf(check.status) === status).length;
  const plural = report.checks.length === 1 ? 'check' : 'checks';
  const overall = stateOf(report.status);
  lines.push(
    `${paint(`${bold}${colors[overall]}`, overall)}: ${report.checks.length} ${plural} ` +
      `(${count('pass')} pass, ${count('warn')} warn, ${count('fail')} fail) in ${report.durationMs.toFixed(1)} ms`,
  );
  return `${lines.join('\n')}\n`;
}

/** Anything that is neither `pass` nor `warn` is shown as failing, so no check goes missing (and no odd value reaches the output). */
function stateOf(status: string): HealthStatus {
  return status === 'pass' || status === 'warn' ? status : 'fail';
}

/** Terminal-safe: a line break or escape sequence in a name or message is shown as `\u000a`, `\u001b`, never acted on. */
function clean(text: string): string {
  return escapeControlCharacters(text, 'line');
}

function label(check: CheckResult): string {
  return clean(check.critical ? check.name : `${check.name} (non-critical)`);
}

function outputOf(check: CheckResult): string {
  // Each error is one line of output; nothing inside a line may break it or forge another check's line.
  const output = check.output.split('\n').map(clean).join('\n');
  const suppressed = suppressedFields(check.suppressed);
  const held = suppressed === undefined ? output : `${output} (${describeSuppressed(suppressed, (ms) => `${Math.round(ms)} ms`)})`;
  return check.cached === true ? `${held} (cached, ${Math.round(check.ageMs ?? 0)} ms old)` : held;
}
