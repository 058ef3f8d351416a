import { formatBytes } from '../../core/formatBytes.js';
import { formatMs } from '../../core/formatMs.js';
import type { Observation } from '../../report/Observation.js';
import { isLowerCaseWord } from './isLowerCaseWord.js';

/**
 * @internal Observations as people read them: `78.6 GiB`, `24.7 ms`; other values as
 * recorded, with their unit, in the singular for one (`1 client`, where the
 * check recorded the unit `clients`).
 */
export function formatObservation({ value, unit }: Observation): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (unit === 'bytes' && Math.abs(value) >= 1024) return formatBytes(value);
    if (unit === 'ms') return formatMs(value);
  }
  const text = String(value);
  if (typeof unit !== 'string' || unit === '') return text;
  if (unit === '%') return `${text}${unit}`;
  return `${text} ${typeof value === 'number' && Math.abs(value) === 1 ? singular(unit) : unit}`;
}

/** Units that end in `s` without being plurals of a count (`ms`, `fps`): never made singular. */
const notPlural: ReadonlySet<string> = new Set(['s', 'ms', 'us', 'ns', 'μs', 'µs', 'fps', 'rps', 'qps', 'tps', 'ops', 'bps', 'kbps', 'mbps', 'gbps', 'iops', 'hertz', 'celsius', 'always', 'status']);

/**
 * The singular of a plural unit written as one lower-case word: `clients` →
 * `client`, `entries` → `entry`, `processes` → `process`. Anything else
 * (abbreviations, `%`, `MiB`, several words) is kept as it is. Linear time:
 * fixed suffix tests, no pattern over the text.
 */
function singular(unit: string): string {
  if (unit.length < 3 || unit.length > 40 || notPlural.has(unit) || !isLowerCaseWord(unit) || !unit.endsWith('s') || unit.endsWith('ss')) return unit;
  if (unit.endsWith('ies') && unit.length > 4) return `${unit.slice(0, -3)}y`;
  if (unit.endsWith('sses') || unit.endsWith('xes') || unit.endsWith('ches') || unit.endsWith('shes')) return unit.slice(0, -2);
  return unit.slice(0, -1);
}
