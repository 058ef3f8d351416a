/**
 * Prints one line per integration case: the status a check reported and how
 * long it took to report it (the numbers the issue note quotes).
 */
import type { CheckResult } from 'pulsecheck';

const lines: string[] = [];

/** Prints (and remembers) `service / case: status (kind) in N ms — output`. */
export function recordTiming(service: string, scenario: string, result: CheckResult): void {
  const kind = result.errors.map((error) => error.kind).join(', ');
  const detail = result.output === 'working' ? '' : ` — ${result.output.replace(/\n/g, ' | ')}`;
  const line = `${service} / ${scenario}: ${result.status}${kind === '' ? '' : ` (${kind})`} in ${result.durationMs.toFixed(1)} ms${detail}`;
  lines.push(line);
  console.log(`      [timing] ${line}`);
}

/** Every line recorded so far. */
export function recordedTimings(): readonly string[] {
  return lines;
}
