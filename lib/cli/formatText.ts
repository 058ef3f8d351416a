import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { escapeControlCharacters } from './escapeControlCharacters.js';


const symbols: Readonly<Record<HealthStatus, string>> = { pass: '✔', warn: '!', fail: '✖' };

/**
 * @internal Renders a report for a terminal or a probe log: one line per
 * check (`✔`/`!`/`✖`, name, status, duration, output; further error lines
 * indented below), then a summary line. Plain text, no colours; control
 * characters in names and messages are shown escaped (`\u001b`), never sent
 * to the terminal.
 *
 * @example
 * ```text
 * ✔ Process               pass  0.1 ms  working
 * ✖ Database              fail  1.3 ms  unavailable: connect ECONNREFUSED 10.0.0.7:5432
 * ! Cache (non-critical)  warn  0.2 ms  warning: p99 latency 250 ms
 * fail: 3 checks (1 pass, 1 warn, 1 fail) in 1.6 ms
 * ```
 */
export function formatText(report: HealthReport): string {
  const names = report.checks.map(label);
  const durations = report.checks.map((check) => `${check.durationMs.toFixed(1)} ms`);
  const nameWidth = Math.max(0, ...names.map((name) => name.length));
  const durationWidth = Math.max(0, ...durations.map((duration) => duration.length));
  const indent = ' '.repeat(2 + nameWidth + 2 + 4 + 2 + durationWidth + 2);

  const lines = report.checks.map((check, index) => {
    const [first = '', ...rest] = outputOf(check).split('\n');
    const line = `${symbols[check.status]} ${(names[index] ?? '').padEnd(nameWidth)}  ${check.status}  ${(durations[index] ?? '').padStart(durationWidth)}  ${first}`;
    return [line, ...rest.map((more) => `${indent}${more}`)].join('\n');
  });
  if (report.checks.length === 0) lines.push('(no check selected)');

  const count = (status: HealthStatus): number => report.checks.filter((check) => check.status === status).length;
  const plural = report.checks.length === 1 ? 'check' : 'checks';
  lines.push(`${report.status}: ${report.checks.length} ${plural} (${count('pass')} pass, ${count('warn')} warn, ${count('fail')} fail) in ${report.durationMs.toFixed(1)} ms`);
  return `${lines.join('\n')}\n`;
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
  return check.cached === true ? `${output} (cached, ${Math.round(check.ageMs ?? 0)} ms old)` : output;
}
