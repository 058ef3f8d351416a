import { formatMs } from '../../core/formatMs.js';
import type { HealthStatus } from '../../report/HealthStatus.js';
import { escapeHtml } from '../escapeHtml.js';
import { attributeText } from './attributeText.js';
import type { HistoryWindow } from './historyWindow.js';
import { pageText } from './pageText.js';
import type { ReadEntry } from './readHistory.js';
import { statusLooks } from './statusLooks.js';

/** @internal The most runs of one status the strip draws per check (the newest): a flapping check stays a bounded page. */
export const MAX_DRAWN_RUNS = 120;

/** The most points of the duration sparkline: more entries are bucketed by time, each bucket drawn at its maximum. */
const maxPoints = 120;

/** The strip's width in SVG units: x is the time, 0 the window's start, 1000 its end. */
const width = 1000;

/** A run of consecutive entries with one status, as a span of time. */
interface Run {
  readonly status: HealthStatus;
  readonly startMs: number;
  readonly endMs: number;
  readonly count: number;
  /** The output of the run's newest entry. */
  readonly output: string;
}

/** Height of a cell by status (of 10 units), so that colour is not the only cue. */
const heights: Readonly<Record<HealthStatus, number>> = { pass: 4.5, warn: 7, fail: 10 };

/**
 * @internal A check's history as dashboard HTML, drawn over the page's
 * shared {@link HistoryWindow} (the same instant at the same place on every
 * tile): the uptime over a stated time span (from its oldest entry to now:
 * the share of its results there that are not `fail`), a status strip (an
 * inline SVG, one bar per run of results with one status, from the end of
 * its first execution to the end of the next run's first, sized and
 * coloured by status, with a tooltip) with its two ends labelled (`−30.0
 * min`, `now`), the same runs as a list for screen readers, and the
 * durations as a sparkline on the same time axis with the median and
 * maximum in words. Every string is escaped; entries without a valid time
 * are not drawn. `''` when no entry has a time.
 *
 * @param entries - The check's read history, oldest first.
 * @param window - The page's window.
 */
export function historyHtml(entries: readonly ReadEntry[], window: HistoryWindow | undefined): string {
  const timed = entries.filter((entry): entry is ReadEntry & { timeMs: number } => entry.timeMs !== undefined && window !== undefined && entry.timeMs >= window.startMs && entry.timeMs <= window.endMs);
  if (window === undefined || timed.length === 0) return '';
  const runs = runsOf(timed, window.endMs).slice(-MAX_DRAWN_RUNS);
  const span = window.endMs - window.startMs;
  const x = (ms: number): number => round(((ms - window.startMs) / span) * width);
  const first = timed[0]?.timeMs ?? window.startMs;
  // at least the window's shortest span: one result just now is "over the last 1.00 s"
  const covered = Math.max(window.endMs - first, Math.min(span, 1_000));
  const rects = [...runs]
    // failures drawn last, so that a short one is never hidden under a neighbour
    .sort((a, b) => order(a.status) - order(b.status))
    .map((run) => {
      const left = x(run.startMs);
      const barWidth = Math.max(4, round(x(run.endMs) - left));
      const height = heights[run.status];
      return `<rect class="${run.status}" x="${left}" y="${10 - height}" width="${barWidth}" height="${height}"><title>${attributeText(runText(run, window.endMs, run === runs[runs.length - 1]))}</title></rect>`;
    });
  const gap = first > window.startMs ? `<rect class="none" x="0" y="4" width="${x(first)}" height="2"><title>no history kept</title></rect>` : '';
  const items = runs.map((run, index) => `<li>${escapeHtml(runWhen(run, window.endMs, index === runs.length - 1))}: ${statusLooks[run.status].word}${run.count === 1 ? '' : ` (${run.count} results)`}${run.status === 'pass' ? '' : `: ${pageText(run.output)}`}</li>`);
  return (
    `<div class="history">\n` +
    `<p class="uptime">Uptime <strong>${uptime(timed)}</strong> over the last ${escapeHtml(formatMs(covered))} (${timed.length} ${timed.length === 1 ? 'result' : 'results'})</p>\n` +
    `<svg class="strip" viewBox="0 0 ${width} 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${gap}${rects.join('')}</svg>\n` +
    `<p class="axis" aria-hidden="true"><span>−${escapeHtml(formatMs(span))}</span><span>now</span></p>\n` +
    `<ol class="vh">${items.join('')}</ol>\n` +
    sparkline(timed, x) +
    '</div>\n'
  );
}

function order(status: HealthStatus): number {
  return status === 'fail' ? 2 : status === 'warn' ? 1 : 0;
}

/** Consecutive entries of one status as runs; each lasts until the next run's first entry (the last one until `endMs`). */
function runsOf(entries: readonly (ReadEntry & { timeMs: number })[], endMs: number): Run[] {
  const runs: { status: HealthStatus; startMs: number; endMs: number; count: number; output: string }[] = [];
  for (const entry of entries) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.status === entry.status) {
      last.count += 1;
      last.output = entry.output;
      continue;
    }
    if (last !== undefined) last.endMs = entry.timeMs;
    runs.push({ status: entry.status, startMs: entry.timeMs, endMs, count: 1, output: entry.output });
  }
  return runs;
}

/** The share of the results that are not failing (as {@link CheckHistory.uptimePercent} counts), never rounded up to 100% nor down to 0% when it is not exactly that. */
function uptime(entries: readonly ReadEntry[]): string {
  const up = entries.filter((entry) => entry.status !== 'fail').length;
  let shown = Math.round((up / entries.length) * 10_000) / 100;
  if (shown === 100 && up < entries.length) shown = 99.99;
  if (shown === 0 && up > 0) shown = 0.01;
  return `${String(shown)}%`;
}

function clock(ms: number, nowMs: number): string {
  if (Number.isNaN(new Date(ms).getTime()) || Number.isNaN(new Date(nowMs).getTime())) return 'unknown time';
  const iso = new Date(ms).toISOString();
  return new Date(nowMs).toISOString().slice(0, 10) === iso.slice(0, 10) ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** `12:00:00 to 12:05:00 UTC`, or `12:05:00 to now` for the newest run. */
function runWhen(run: Run, nowMs: number, newest: boolean): string {
  return `${clock(run.startMs, nowMs)} to ${newest ? 'now' : `${clock(run.endMs, nowMs)} UTC`}`;
}

function runText(run: Run, nowMs: number, newest: boolean): string {
  return `${runWhen(run, nowMs, newest)}: ${statusLooks[run.status].word}${run.count === 1 ? '' : ` (${run.count} results)`}${run.status === 'pass' ? '' : `: ${run.output}`}`;
}

/** A duration sparkline over the window's time axis (`viewBox` 100 × 24, stretched to the tile's width), or `''` without durations. */
function sparkline(entries: readonly (ReadEntry & { timeMs: number })[], x: (ms: number) => number): string {
  const timed = entries.filter((entry): entry is ReadEntry & { timeMs: number; durationMs: number } => entry.durationMs !== undefined);
  if (timed.length === 0) return '';
  const sorted = timed.map((entry) => entry.durationMs).sort((a, b) => a - b);
  const max = sorted[sorted.length - 1] ?? 0;
  const min = sorted[0] ?? 0;
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const p90 = sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0;
  // One huge outlier must not flatten the rest: the scale tops at 4 × the 90th percentile, and higher points are clipped.
  const top = p90 > 0 && max > 4 * p90 ? 4 * p90 : max;
  const clipped = top < max;
  const y = (value: number): number => (max === min ? 12 : round(22 - (Math.min(value, top) / top) * 20));
  // at most maxPoints points: entries sharing a bucket of time are drawn at their largest duration
  const buckets = new Map<number, { x: number; value: number }>();
  for (const entry of timed) {
    const position = x(entry.timeMs) / (width / 100);
    const bucket = Math.min(maxPoints - 1, Math.floor((position / 100) * maxPoints));
    const known = buckets.get(bucket);
    if (known === undefined || entry.durationMs > known.value) buckets.set(bucket, { x: round(position), value: entry.durationMs });
  }
  const points = [...buckets.values()].sort((a, b) => a.x - b.x);
  const line = points.length === 1 ? `0,${y(points[0]?.value ?? 0)} 100,${y(points[0]?.value ?? 0)}` : points.map((point) => `${point.x},${y(point.value)}`).join(' ');
  const label = `Duration over the same time: ${timed.length} ${timed.length === 1 ? 'result' : 'results'}, median ${formatMs(median)}, maximum ${formatMs(max)}${clipped ? `, scale clipped at ${formatMs(top)}` : ''}`;
  return (
    `<svg class="spark" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}" focusable="false">` +
    `<title>${escapeHtml(label)}</title><polyline vector-effect="non-scaling-stroke" points="${line}"/></svg>\n` +
    `<p class="range" aria-hidden="true"><span>median ${escapeHtml(formatMs(median))}</span><span>max ${escapeHtml(formatMs(max))}${clipped ? ' (off the scale)' : ''}</span></p>\n`
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
