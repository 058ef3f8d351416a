import type { CheckHistory } from '../report/CheckHistory.js';
import type { CheckResult } from '../report/CheckResult.js';
import { HISTORY_OUTPUT_MAX_LENGTH, type HistoryEntry } from '../report/HistoryEntry.js';
import { SERVICE_OPTION_SCHEMA } from './HealthServiceOptions.js';

/** One check's ring: `entries[start]` is the oldest, `length` are kept. */
interface Ring {
  readonly entries: (HistoryEntry | undefined)[];
  start: number;
  length: number;
}

/**
 * @internal The last `capacity` executions of each check, in a fixed-size
 * ring buffer per check: recording never allocates more than the entry, and
 * an entry holds at most {@link HISTORY_OUTPUT_MAX_LENGTH} characters of
 * output, so memory stays bounded in entries and in bytes however many
 * executions there are. Capacity 0 keeps nothing and allocates nothing.
 */
export class ResultHistory<K> {
  readonly #capacity: number;
  readonly #rings = new Map<K, Ring>();

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

  /** Adds `result` as the newest entry of `key`, ended at `time` (epoch ms); drops the oldest when full. */
  record(key: K, result: CheckResult, time: number = Date.now()): void {
    if (this.#capacity === 0) return;
    let ring = this.#rings.get(key);
    if (ring === undefined) {
      ring = { entries: new Array<HistoryEntry | undefined>(this.#capacity).fill(undefined), start: 0, length: 0 };
      this.#rings.set(key, ring);
    }
    const entry = Object.freeze({ status: result.status, durationMs: result.durationMs, time: new Date(time).toISOString(), output: boundedOutput(result.output) });
    if (ring.length < this.#capacity) {
      ring.entries[(ring.start + ring.length) % this.#capacity] = entry;
      ring.length += 1;
    } else {
      ring.entries[ring.start] = entry;
      ring.start = (ring.start + 1) % this.#capacity;
    }
  }

  /** A frozen copy of `key`'s history, named `name`, oldest first. */
  snapshot(key: K, name: string): CheckHistory {
    const ring = this.#rings.get(key);
    const entries: HistoryEntry[] = [];
    let up = 0;
    if (ring !== undefined) {
      for (let offset = 0; offset < ring.length; offset += 1) {
        const entry = ring.entries[(ring.start + offset) % this.#capacity];
        if (entry === undefined) continue;
        entries.push(entry);
        if (entry.status !== 'fail') up += 1;
      }
    }
    const history: CheckHistory = { name, capacity: this.#capacity, entries: Object.freeze(entries) };
    return Object.freeze(entries.length === 0 ? history : { ...history, uptimePercent: Math.round((up / entries.length) * 10_000) / 100 });
  }
}

/**
 * `output` cut to {@link HISTORY_OUTPUT_MAX_LENGTH} (never between the two
 * halves of a surrogate pair), as a string of its own: a slice of a long
 * string may keep the whole of it alive in V8, which would unbound the
 * history's memory.
 */
export function boundedOutput(output: string): string {
  if (output === 'working') return 'working';
  if (typeof output !== 'string') return '';
  let text = output;
  if (text.length > HISTORY_OUTPUT_MAX_LENGTH) {
    let end = HISTORY_OUTPUT_MAX_LENGTH - 1;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    text = `${text.slice(0, end)}…`;
  }
  // A flat copy: no reference to `output` survives.
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
