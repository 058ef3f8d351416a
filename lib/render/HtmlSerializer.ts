import { formatMs } from '../core/formatMs.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { DetailLevel } from './DetailLevel.js';
import { serviceHeader } from './html/serviceHeader.js';
import { escapeHtml } from './escapeHtml.js';
import { attributeText } from './html/attributeText.js';
import { checkAnchors } from './html/checkAnchors.js';
import { pageText } from './html/pageText.js';
import { historyWindow, type HistoryWindow } from './html/historyWindow.js';
import { isoTime } from './html/isoTime.js';
import { pageStyle } from './html/pageStyle.js';
import { readHistory, type ReadEntry } from './html/readHistory.js';
import { stateOf } from './html/stateOf.js';
import { statusLooks } from './html/statusLooks.js';
import { tileHtml } from './html/tileHtml.js';
import { timeElement } from './html/timeElement.js';
import type { Serializer } from './Serializer.js';
import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import { assertReport } from './validateRenderInput.js';

/**
 * Options of an {@link HtmlSerializer}.
 *
 * @example
 * ```ts
 * import { HtmlSerializer, type HtmlSerializerOptions } from 'pulsecheck';
 *
 * const options: HtmlSerializerOptions = { title: 'Billing API', refreshSeconds: 15, detail: 'status' };
 * const serializer = new HtmlSerializer(options);
 * ```
 */
export interface HtmlSerializerOptions {
  /**
   * How much to reveal; see {@link DetailLevel}. `status` shows each check's
   * name and state only; `summary` shows the overall status only.
   * @defaultValue `'full'`
   */
  readonly detail?: DetailLevel;
  /**
   * The page's heading and the end of its `<title>`: say what the page is
   * (`healthEndpoints` gives each probe's page its name: `Liveness`,
   * `Readiness`, `Startup`).
   * @defaultValue `'Health'`
   */
  readonly title?: string;
  /**
   * When set, the page reloads itself every so many seconds (a
   * `<meta http-equiv="refresh">`, no JavaScript). A positive integer.
   * @defaultValue none: the page does not reload
   */
  readonly refreshSeconds?: number;
}


/** A tile's state on the page: its status, or `blocked` for a failing check blocked by a dependency. */
type TileState = 'fail' | 'blocked' | 'warn' | 'pass';
const groupOrder: readonly TileState[] = ['fail', 'blocked', 'warn', 'pass'];

function tileState(check: CheckResult): TileState {
  const status = stateOf(check.status);
  return status === 'fail' && typeof check.blockedBy === 'string' ? 'blocked' : status;
}

/**
 * Writes a report as one self-contained HTML page (`text/html; charset=utf-8`):
 * a dashboard to keep open. No scripts, external styles, fonts or images,
 * only inline CSS; it works without JavaScript and reloads itself when
 * `refreshSeconds` is set.
 *
 * The page shows a banner with the overall status and HTTP code, then the
 * checks grouped by state: failing (the root causes), blocked (failing
 * because a dependency failed, `blockedBy`: a dashed border, a "Root cause"
 * link to the root cause's tile, whose tile links back to what it blocks),
 * warning, passing; one tile each with the check's name, state, description,
 * each error line, duration, observations (their unit shown once, with the
 * value: `latency 3.37 ms` for a `latencyMs` in `ms`; `1 client`, `2
 * clients`), tags, a "non-critical" badge, a badge for a status held back by
 * flap suppression (`pending failure: 2 of 3 failed executions in a row`,
 * `pending recovery: ...`), and when it was last checked (the report's
 * `startedAt`, or earlier for a cached result) in UTC. A reused (`cached`)
 * result's age is shown as a badge only when it is older than the check's
 * usual interval (the median gap of its history): a beat was missed.
 *
 * When the report carries history (`run({ history: true })`;
 * `healthEndpoints` asks for it by default), a failing or blocked check
 * says since when and for how long, in words (`Failing for 3.0 min, since
 * 12:37:41 UTC`; `at least ... or earlier` when the failure reaches back to
 * its oldest kept entry), and each tile draws its history over one time
 * window shared by every tile (from the oldest entry any check keeps to the
 * end of the run, its ends labelled `−30.0 min` and `now`, so that outages
 * line up across tiles): the uptime over a stated span of time (the share
 * of time not failing), a status strip (inline SVG, one bar per run of one
 * status, coloured and sized by status, with a tooltip, and the same runs
 * as a list for screen readers; the newest 120 runs at most) and a
 * sparkline of the durations on the same axis (one outlier far above the
 * rest is clipped rather than flattening the line), with the median and
 * maximum in words. It reads on a phone (responsive grid), follows the
 * system's dark mode, and states every status in words and symbols, not
 * colour alone.
 *
 * Every string from the report or the options is HTML-escaped; text a
 * check controls also has NUL and other control characters replaced by
 * U+FFFD and is isolated in `<bdi>`, so that a bidi override (U+202E) in a
 * message cannot reorder the page around it. Messages are the one-line,
 * redacted ones of the report, never stack traces. Detail
 * `status` shows names and states only (no description, like no tags);
 * `summary` the banner only.
 *
 * @example
 * ```ts
 * import { HtmlSerializer, type HealthReport } from 'pulsecheck';
 *
 * const report: HealthReport = { status: 'pass', httpStatus: 200, startedAt: new Date().toISOString(), durationMs: 0.4, checks: [] };
 * const page = new HtmlSerializer({ title: 'Billing API', refreshSeconds: 10 }).serialize(report);
 * console.log(page.startsWith('<!doctype html>')); // true
 * ```
 */
export class HtmlSerializer implements Serializer {
  /** Always `text/html; charset=utf-8`. */
  readonly contentType = 'text/html; charset=utf-8';
  readonly #detail: DetailLevel;
  readonly #title: string;
  readonly #refreshSeconds: number | undefined;

  /**
   * @param options - Detail level, title and auto-refresh; see {@link HtmlSerializerOptions}.
   * @throws TypeError when an option has the wrong type or an unknown key.
   * @throws RangeError when `refreshSeconds` is not a positive integer.
   */
  constructor(options: HtmlSerializerOptions = {}) {
    const schema = RENDER_OPTION_SCHEMAS.html;
    const valid = validateOptions(schema, options, 'HtmlSerializer');
    this.#detail = valid.detail ?? schema.detail.defaultValue;
    this.#title = valid.title ?? schema.title.defaultValue;
    this.#refreshSeconds = valid.refreshSeconds;
  }

  /**
   * Renders the report as an HTML page.
   *
   * @param report - The report to render.
   * @returns A complete HTML document.
   * @throws TypeError when `report` is not a report.
   */
  serialize(report: HealthReport): string {
    assertReport(report, 'HtmlSerializer.serialize');
    const overall = stateOf(report.status);
    const look = statusLooks[overall];
    const title = attributeText(this.#title);
    const refresh = this.#refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${this.#refreshSeconds}">\n`;
    const page = this.#detail === 'full' ? pageHistory(report) : undefined;
    return (
      '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n' +
      `<meta name="robots" content="noindex">\n${refresh}` +
      `<title>${look.overall} · ${title}</title>\n<style>\n${pageStyle}\n</style>\n</head>\n<body>\n` +
      `<header class="banner ${overall}">\n<div class="wrap">\n<h1>${pageText(this.#title)}</h1>\n` +
      `<p class="overall"><strong><span aria-hidden="true">${look.icon}</span> ${look.overall}</strong> ` +
      `<span class="code">${escapeHtml(String(report.status))} · HTTP ${escapeHtml(String(report.httpStatus))}</span></p>\n` +
      this.#meta(report, page) +
      serviceHeader(report, this.#detail) +
      '</div>\n</header>\n' +
      this.#main(report, page) +
      this.#footer() +
      '</body>\n</html>\n'
    );
  }

  #meta(report: HealthReport, page: PageHistory | undefined): string {
    if (this.#detail === 'summary') return '';
    const counts = groupOrder
      .map((state) => ({ state, count: report.checks.filter((check) => tileState(check) === state).length }))
      .filter(({ count }) => count > 0)
      .map(({ state, count }) => `${count} ${statusLooks[state].word.toLowerCase()}`);
    const parts = [report.checks.length === 0 ? 'No checks' : `${report.checks.length} ${report.checks.length === 1 ? 'check' : 'checks'}: ${counts.join(', ')}`];
    const time = isoTime(report.startedAt);
    if (time !== undefined) parts.push(`checked ${timeElement(time)}`);
    if (this.#detail === 'full' && typeof report.durationMs === 'number') parts.push(`in ${escapeHtml(formatMs(report.durationMs))}`);
    let meta = `<p class="meta">${parts.join(' · ')}</p>\n`;
    const window = page?.window;
    if (window !== undefined) {
      meta += `<p class="meta">History on every tile: the same ${escapeHtml(formatMs(window.endMs - window.startMs))}, from ${timeElement(window.startMs, window.endMs)} to now</p>\n`;
    }
    return meta;
  }

  #main(report: HealthReport, page: PageHistory | undefined): string {
    if (this.#detail === 'summary') return '';
    if (report.checks.length === 0) {
      return '<main class="wrap">\n<p class="empty">No checks ran for this report: there is nothing to show beyond the overall status.</p>\n</main>\n';
    }
    const { ids, byName } = checkAnchors(report.checks.map((check) => check.name));
    const states = report.checks.map(tileState);
    const blocks = new Map<string, { name: string; id: string }[]>();
    report.checks.forEach((check, index) => {
      if (states[index] !== 'blocked' || typeof check.blockedBy !== 'string') return;
      const list = blocks.get(check.blockedBy) ?? [];
      list.push({ name: check.name, id: ids[index] ?? '' });
      blocks.set(check.blockedBy, list);
    });
    const sections = groupOrder.map((state) => {
      const tiles = report.checks
        .map((check, index) =>
          states[index] !== state
            ? ''
            : tileHtml(check, {
                report,
                detail: this.#detail,
                state,
                id: ids[index] ?? '',
                entries: page?.entries[index] ?? [],
                window: page?.window,
                nowMs: page?.nowMs,
                rootId: typeof check.blockedBy === 'string' ? byName.get(check.blockedBy) : undefined,
                blocks: state === 'fail' ? (blocks.get(check.name) ?? []) : [],
              }),
        )
        .join('');
      if (tiles === '') return '';
      const look = statusLooks[state];
      const count = states.filter((other) => other === state).length;
      return (
        `<section class="${state}" aria-labelledby="group-${state}">\n` +
        `<h2 id="group-${state}"><span class="icon" aria-hidden="true">${look.icon}</span> ${look.group} <span class="count">(${count})</span></h2>\n` +
        `<ul class="grid">\n${tiles}</ul>\n</section>\n`
      );
    });
    return `<main class="wrap">\n${sections.join('')}</main>\n`;
  }

  #footer(): string {
    const refresh = this.#refreshSeconds === undefined ? '' : ` · refreshes every ${this.#refreshSeconds} s`;
    return `<footer class="wrap">pulsecheck${refresh}</footer>\n`;
  }
}

/** The histories of a page, read once, and the one window they are drawn over. */
interface PageHistory {
  readonly entries: readonly (readonly ReadEntry[])[];
  readonly window: HistoryWindow | undefined;
  /** The end of the report's run (epoch ms): the page's "now". */
  readonly nowMs: number | undefined;
}

function pageHistory(report: HealthReport): PageHistory {
  const entries = report.checks.map((check) => readHistory(check.history));
  const started = isoTime(report.startedAt);
  const end = started === undefined ? undefined : started + (typeof report.durationMs === 'number' && Number.isFinite(report.durationMs) && report.durationMs > 0 ? report.durationMs : 0);
  const window = historyWindow(entries, end);
  return { entries, window, nowMs: window?.endMs ?? end };
}
