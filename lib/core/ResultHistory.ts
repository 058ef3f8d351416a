import type { CheckHistory } from '../report/CheckHistory.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { cutHistoryOutput } from '../report/cutHistoryOutput.js';
import type { HistoryEntry } from '../report/HistoryEntry.js';
import { SERVICE_OPTION_SCHEMA } from './HealthServiceOptions.js';
import type { SlotKey } from './SlotState.js';

/**
 * One check's ring, as numbers and references (no object per execution):
 * position `(start + i) % capacity` holds the i-th oldest of `length`
 * entries. The fields of a position sit side by side, so that recording
 * one touches two cache lines, not one per field: `numbers` holds its
 * duration and time at `2 * position`, `references` its status, bounded
 * output and frozen entry at `3 * position` (the entry is made the first
 * time a snapshot reads the position, and kept until it is overwritten).
 */
class Ring {
  readonly numbers: Float64Array;
  readonly references: (string | HistoryEntry | undefined)[];
  start = 0;
  length = 0;

  constructor(capacity: number) {
    this.numbers = new Float64Array(2 * capacity);
    this.references = new Array<string | HistoryEntry | undefined>(3 * capacity).fill(undefined);
  }
}

/**
 * @internal The last `capacity` executions of each check, in a fixed-size
 * ring buffer per check (kept in the check's {@link SlotState}): recording
 * stores numbers and references in preallocated slots and allocates nothing
 * for an output of `working`; the time is formatted and the entry made only
 * when a snapshot reads it (most runs never read the history). An entry
 * holds at most `HISTORY_OUTPUT_MAX_LENGTH` characters of output, so memory
 * stays bounded in entries and in bytes however many executions there are.
 * Capacity 0 keeps nothing and allocates nothing.
 */
export class ResultHistory<K extends SlotKey> {
  readonly #capacity: number;

  /**
   * @param capacity - Entries kept per check: a whole number from 0 to
   *   {@link MAX_HISTORY_SIZE}; `undefined` is {@link DEFAULT_HISTORY_SIZE}.
   * @throws RangeError naming `owner` and `historySize` for anything else.
   */
  constructor(capacity: unknown, owner = 'HealthService') {
    const value = capacity === undefined ? SERVICE_OPTION_SCHEMA.historySize.defaultValue : capacity;
    SERVICE_OPTION_SCHEMA.historySize.check(value, 'historySize', owner);
    this.#capacity = value as number;
  }

  /** How many entries are kept per check (0: history is off). */
  get capacity(): number {
    return this.#capacity;
  }

  /**
   * Adds `result` as the newest entry of `key`, ended at `at` (`performance.now()` milliseconds, the clock the
   * verdict was given by: recording reads no clock of its own); drops the oldest when full.
   */
  record(key: K, result: CheckResult, at: number): void {
    const capacity = this.#capacity;
    if (capacity === 0) return;
    const state = key.state;
    // Only this unit writes the field, always with a Ring of this capacity.
    let ring = state.ring as Ring | undefined;
    if (ring === undefined) {
      ring = new Ring(capacity);
      state.ring = ring;
    }
    // Wrapped by a comparison, not `%`: an integer division costs more than the rest of the write.
    let index: number;
    if (ring.length < capacity) {
      index = ring.start + ring.length;
      if (index >= capacity) index -= capacity;
      ring.length += 1;
    } else {
      index = ring.start;
      ring.start = index + 1 === capacity ? 0 : index + 1;
    }
    const numbers = ring.numbers;
    numbers[2 * index] = result.durationMs;
    numbers[2 * index + 1] = at;
    const references = ring.references;
    references[3 * index] = result.status;
    references[3 * index + 1] = boundedOutput(result.output);
    references[3 * index + 2] = undefined;
  }

  /**
   * A frozen copy of `key`'s history, named `name`, oldest first. Each entry's `time` is dated when first read:
   * its monotonic end plus `epochOffsetMs` (the wall clock's lead over `performance.now()`, now), so an entry
   * keeps the right distance from the present however the wall clock was set meanwhile.
   */
  snapshot(key: K, name: string, epochOffsetMs: number = Date.now() - performance.now()): CheckHistory {
    const ring = key.state.ring as Ring | undefined;
    const entries: HistoryEntry[] = [];
    let up = 0;
    if (ring !== undefined) {
      for (let offset = 0; offset < ring.length; offset += 1) {
        const index = (ring.start + offset) % this.#capacity;
        const entry = (ring.references[3 * index + 2] as HistoryEntry | undefined) ?? (ring.references[3 * index + 2] = entryAt(ring, index, epochOffsetMs));
        entries.push(entry);
        if (entry.status !== 'fail') up += 1;
      }
    }
    const history: CheckHistory = { name, capacity: this.#capacity, entries: Object.freeze(entries) };
    return Object.freeze(entries.length === 0 ? history : { ...history, uptimePercent: Math.round((up / entries.length) * 10_000) / 100 });
  }
}

/** The frozen entry for position `index` of `ring` (recorded there). */
function entryAt(ring: Ring, index: number, epochOffsetMs: number): HistoryEntry {
  return Object.freeze({
    status: ring.references[3 * index] as HealthStatus,
    durationMs: ring.numbers[2 * index] as number,
    time: new Date((ring.numbers[2 * index + 1] as number) + epochOffsetMs).toISOString(),
    output: ring.references[3 * index + 1] as string,
  });
}

/**
 * `output` cut to `HISTORY_OUTPUT_MAX_LENGTH` (never between the two
 * halves of a surrogate pair), as a string of its own: a slice of a long
 * string may keep the whole of it alive in V8, which would unbound the
 * history's memory.
 */
export function boundedOutput(output: string): string {
  if (output === 'working') return 'working';
  if (typeof output !== 'string') return '';
  const text = cutHistoryOutput(output);
  // A flat copy: no reference to `output` survives.
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
