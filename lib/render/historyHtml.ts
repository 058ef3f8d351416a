import type { HealthStatus } from '../report/HealthStatus.js';
import { HISTORY_OUTPUT_MAX_LENGTH } from '../report/HistoryEntry.js';
import { escapeHtml } from './escapeHtml.js';

/**
 * @internal The most entries the dashboard draws per check (the newest):
 * a history may keep up to 10,000, a page should stay small.
 */
export const MAX_DRAWN_ENTRIES = 120;

/** @internal The CSS of the history block, appended to the dashboard's one `<style>` (no inline styles: CSP stays as it was). */
export const historyStyle = `
.history{margin:.6rem 0 0;border-top:1px dashed var(--line);padding-top:.45rem;font-size:.85rem}
.uptime{margin:0 0 .3rem;color:var(--muted)}
.uptime strong{color:var(--fg);font-variant-numeric:tabular-nums}
.strip{list-style:none;margin:0;padding:0;display:flex;align-items:flex-end;gap:1px;height:1.1rem;overflow:hidden}
.strip li{position:relative;flex:1 1 0;min-width:1px;max-width:.8rem;height:45%;border-radius:1px;background:var(--pass)}
.strip li.warn{height:70%;background:var(--warn)}
.strip li.fail{height:100%;background:var(--fail)}
.spark{display:block;width:100%;height:2rem;margin-top:.35rem;color:var(--muted)}
.spark polyline{fill:none;stroke:currentColor;stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}
.range{margin:.1rem 0 0;display:flex;justify-content:space-between;flex-wrap:wrap;gap:0 1rem;color:var(--muted);font-size:.78rem;font-variant-numeric:tabular-nums}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
`.trim();

/** One entry as the dashboard reads it from a report it did not build: every field checked. */
interface DrawnEntry {
  readonly status: HealthStatus;
  readonly durationMs: number | undefined;
  readonly time: string | undefined;
  readonly output: string;
}

const words: Readonly<Record<HealthStatus, string>> = { pass: 'Passing', warn: 'Warning', fail: 'Failing' };

/**
 * @internal A check's history as dashboard HTML: the uptime over the kept
 * entries (the share that is not `fail`), a status strip (one cell per
 * entry, oldest first, coloured and sized by status, each with its time,
 * status, duration and output as a tooltip and as visually hidden text), and
 * the durations as an inline SVG sparkline with its median and maximum in
 * words. Every string is escaped; anything malformed (the report may be
 * hand-made) is skipped, never thrown on. `''` when `history` has no entries
 * or is not a history.
 */
export function historyHtml(history: unknown, formatMs: (ms: number) => string): string {
  const entries = drawnEntries(history);
  if (entries.length === 0) return '';
  const up = entries.filter((entry) => entry.status !== 'fail').length;
  const uptime = `${String(Math.round((up / entries.length) * 10_000) / 100)}%`;
  const count = `${entries.length} ${entries.length === 1 ? 'result' : 'results'}`;
  const cells = entries.map((entry) => {
    const when = entry.time === undefined ? 'unknown time' : `${entry.time.slice(0, 10)} ${entry.time.slice(11, 19)} UTC`;
    const duration = entry.durationMs === undefined ? '' : `, ${formatMs(entry.durationMs)}`;
    const text = escapeHtml(`${when}: ${words[entry.status]}${duration}: ${entry.output}`);
    return `<li class="${entry.status}" title="${text}"><span class="vh">${text}</span></li>`;
  });
  return (
    `<section class="history" aria-label="History">\n` +
    `<p class="uptime">Uptime <strong>${escapeHtml(uptime)}</strong> over the last ${count}</p>\n` +
    `<ol class="strip" aria-label="Recent results, oldest first">${cells.join('')}</ol>\n` +
    sparkline(entries, formatMs) +
    '</section>\n'
  );
}

function drawnEntries(history: unknown): DrawnEntry[] {
  if (typeof history !== 'object' || history === null) return [];
  const list: unknown = (history as { entries?: unknown }).entries;
  if (!Array.isArray(list)) return [];
  const drawn: DrawnEntry[] = [];
  for (const item of list.slice(-MAX_DRAWN_ENTRIES) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { status, durationMs, time, output } = item as Record<string, unknown>;
    drawn.push({
      status: status === 'pass' || status === 'warn' ? status : 'fail',
      durationMs: typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs >= 0 ? durationMs : undefined,
      time: isoTime(time),
      output: typeof output === 'string' ? cut(output) : '',
    });
  }
  return drawn;
}

/** A duration sparkline (`viewBox` 100 × 24, stretched to the tile's width), or `''` without durations. */
function sparkline(entries: readonly DrawnEntry[], formatMs: (ms: number) => string): string {
  const values = entries.map((entry) => entry.durationMs).filter((value): value is number => value !== undefined);
  if (values.length === 0) return '';
  const sorted = [...values].sort((a, b) => a - b);
  const max = sorted[sorted.length - 1] ?? 0;
  const min = sorted[0] ?? 0;
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const p90 = sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0;
  // One huge outlier must not flatten the rest: the scale tops at 4 × the 90th percentile, and higher points are clipped.
  const top = p90 > 0 && max > 4 * p90 ? 4 * p90 : max;
  const clipped = top < max;
  const y = (value: number): number => {
    if (max === min) return 12; // all equal (one point, or all zero): a level line in the middle
    return round(22 - (Math.min(value, top) / top) * 20);
  };
  const points =
    values.length === 1 ? `0,${y(values[0] ?? 0)} 100,${y(values[0] ?? 0)}` : values.map((value, index) => `${round((index / (values.length - 1)) * 100)},${y(value)}`).join(' ');
  const label = `Duration of the last ${values.length} ${values.length === 1 ? 'result' : 'results'}: median ${formatMs(median)}, maximum ${formatMs(max)}${clipped ? `, scale clipped at ${formatMs(top)}` : ''}`;
  return (
    `<svg class="spark" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}" focusable="false">` +
    `<title>${escapeHtml(label)}</title><polyline vector-effect="non-scaling-stroke" points="${points}"/></svg>\n` +
    `<p class="range" aria-hidden="true"><span>median ${escapeHtml(formatMs(median))}</span><span>max ${escapeHtml(formatMs(max))}${clipped ? ' (off the scale)' : ''}</span></p>\n`
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** At most {@link HISTORY_OUTPUT_MAX_LENGTH} characters, as the service keeps them (a hand-made report may hold more). */
function cut(text: string): string {
  if (text.length <= HISTORY_OUTPUT_MAX_LENGTH) return text;
  let end = HISTORY_OUTPUT_MAX_LENGTH - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
