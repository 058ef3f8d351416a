import { CHECK_ERROR_KINDS } from '../../report/CheckErrorKind.js';
import type { HealthStatus } from '../../report/HealthStatus.js';
import { cutHistoryOutput } from '../../report/cutHistoryOutput.js';
import { isoTime } from './isoTime.js';
import { stateOf } from './stateOf.js';

/**
 * @internal The most entries the dashboard reads per check (the newest): a
 * history may keep up to 10,000, a page should stay small and quick to make.
 */
export const MAX_READ_ENTRIES = 1_000;

/** @internal One history entry as the dashboard reads it from a report it did not build: every field checked. */
export interface ReadEntry {
  readonly status: HealthStatus;
  /** The execution's duration, when a finite, non-negative number. */
  readonly durationMs: number | undefined;
  /** When the execution ended (epoch ms), when a valid time. */
  readonly timeMs: number | undefined;
  readonly output: string;
  /**
   * Whether the execution found a failure: its status is `fail`, or it is a
   * `warn` whose output holds a line of an error kind other than `warning`
   * (a failure that flap suppression reported as `warn`).
   */
  readonly failed: boolean;
}

/** The output prefixes of the failing error kinds: `unavailable: `, `timeout: `, ... */
const failurePrefixes = CHECK_ERROR_KINDS.filter((kind) => kind !== 'warning').map((kind) => `${kind}: `);

/**
 * @internal A check's history (`CheckResult.history`, from a report that
 * may be hand-made) as checked entries, oldest first, the newest
 * {@link MAX_READ_ENTRIES} at most; `[]` when it is not a history. Never
 * throws.
 */
export function readHistory(history: unknown): readonly ReadEntry[] {
  if (typeof history !== 'object' || history === null) return [];
  const list: unknown = (history as { entries?: unknown }).entries;
  if (!Array.isArray(list)) return [];
  const read: ReadEntry[] = [];
  for (const item of list.slice(-MAX_READ_ENTRIES) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { status, durationMs, time, output } = item as Record<string, unknown>;
    const state = stateOf(status);
    const text = typeof output === 'string' ? cutHistoryOutput(output) : '';
    read.push({
      status: state,
      durationMs: typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs >= 0 ? durationMs : undefined,
      timeMs: isoTime(time),
      output: text,
      failed: state === 'fail' || (state === 'warn' && hasFailureLine(text)),
    });
  }
  return read;
}

function hasFailureLine(output: string): boolean {
  return output.split('\n').some((line) => failurePrefixes.some((prefix) => line.startsWith(prefix)));
}

