import { formatBytes } from '../core/formatBytes.js';
import { formatMs } from '../core/formatMs.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { Observation } from '../report/Observation.js';
import { checkedAt } from './checkedAt.js';
import type { DetailLevel } from './DetailLevel.js';
import { escapeHtml } from './escapeHtml.js';
import { historyHtml, historyStyle } from './historyHtml.js';
import type { Serializer } from './Serializer.js';
import { validateOptions } from '../options/validateOptions.js';
import { RENDER_OPTION_SCHEMAS } from './renderOptionSchemas.js';
import { assertReport } from './validateRenderInput.js';
import { describeSuppressed, suppressedFields } from './suppressedFields.js';

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


/** Words and symbols for each state, so that colour is never the only cue. */
const looks: Readonly<Record<HealthStatus, { readonly overall: string; readonly word: string; readonly group: string; readonly icon: string }>> = {
  fail: { overall: 'Unhealthy', word: 'Failing', group: 'Failing', icon: '✖' },
  warn: { overall: 'Degraded', word: 'Warning', group: 'Warning', icon: '▲' },
  pass: { overall: 'Healthy', word: 'Passing', group: 'Passing', icon: '✔' },
};
const groupOrder: readonly HealthStatus[] = ['fail', 'warn', 'pass'];

const style = `
:root{color-scheme:light dark;--bg:#f3f5f7;--fg:#1c2128;--muted:#59636e;--card:#fff;--line:#d1d9e0;
--pass:#1a7f37;--pass-bg:#dcf5e3;--warn:#8a5a00;--warn-bg:#fff3c4;--fail:#c4212c;--fail-bg:#ffe7e5}
@media (prefers-color-scheme:dark){:root{--bg:#0e1116;--fg:#e6edf3;--muted:#9ba5b0;--card:#171c23;--line:#2f3741;
--pass:#4ac26b;--pass-bg:#10291a;--warn:#e3b341;--warn-bg:#2c230c;--fail:#ff7b72;--fail-bg:#3b1519}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:75rem;margin:0 auto;padding-left:1rem;padding-right:1rem}
.pass{--c:var(--pass);--c-bg:var(--pass-bg)}.warn{--c:var(--warn);--c-bg:var(--warn-bg)}.fail{--c:var(--fail);--c-bg:var(--fail-bg)}
.banner{background:var(--c-bg);border-bottom:4px solid var(--c);padding:1.25rem 0 1rem}
h1{margin:0;font-size:1rem;font-weight:600;color:var(--muted);overflow-wrap:anywhere}
.overall{margin:.2rem 0 .35rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .75rem}
.overall strong{font-size:2.1rem;line-height:1.15;color:var(--c)}
.code{font-weight:600;font-variant-numeric:tabular-nums;padding:.05rem .5rem;border:1px solid var(--c);border-radius:999px;color:var(--fg);background:var(--card)}
.meta{margin:0;color:var(--muted)}
main{padding-bottom:.5rem}
h2{font-size:1.05rem;margin:1.5rem 0 .6rem;display:flex;align-items:center;gap:.45rem}
h2 .icon{color:var(--c)}
.count{color:var(--muted);font-weight:500}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,21rem),1fr))}
.tile{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;padding:.75rem .9rem;overflow-wrap:anywhere;min-width:0}
.tile h3{margin:0;font-size:1rem;line-height:1.3}
.desc{margin:.3rem 0 0;color:var(--muted);font-size:.88rem}
.state{margin:.2rem 0 0;display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .4rem;font-weight:600;color:var(--c)}
.badge{font-size:.72rem;font-weight:600;padding:.05rem .45rem;border-radius:999px;border:1px solid var(--line);color:var(--muted);background:var(--bg)}
.errors{margin:.6rem 0 0;padding:.45rem .65rem;list-style:none;background:var(--c-bg);border-radius:6px;font:.82rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
.errors li+li{margin-top:.3rem}
.kind{font-weight:700}
dl{margin:.6rem 0 0;font-size:.85rem}
dt{color:var(--muted)}dd{margin:0;font-variant-numeric:tabular-nums}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem}
.obs{border-top:1px dashed var(--line);padding-top:.4rem}
.obs div{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;padding:.1rem 0}
.obs dd{text-align:right}
.tags{list-style:none;margin:.6rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}
.tags li{font-size:.75rem;padding:0 .45rem;border-radius:4px;border:1px solid var(--line);color:var(--muted)}
.empty{margin:1.5rem 0;color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;padding-top:1rem;padding-bottom:1.5rem}
${historyStyle}
`.trim();

/**
 * Writes a report as one self-contained HTML page (`text/html; charset=utf-8`):
 * a dashboard to keep open. No scripts, external styles, fonts or images,
 * only inline CSS; it works without JavaScript and reloads itself when
 * `refreshSeconds` is set.
 *
 * The page shows a banner with the overall status and HTTP code, then the
 * checks grouped by state (failing, warning, passing), one tile each with the
 * check's name, state, description, each error line, duration, observations
 * (their unit shown once, with the value: `latency 3.37 ms` for a
 * `latencyMs` in `ms`; `1 client`, `2 clients`), tags, a
 * "non-critical" badge, a "cached" badge with the result's age, a badge
 * for a status held back by flap suppression (`pending failure: 2 of 3
 * failed executions in a row`, `pending recovery: ...`), and when it
 * was last checked (the report's `startedAt`, or earlier for a cached result)
 * in UTC. When the report carries history (`run({ history: true })`;
 * `healthEndpoints` asks for it by default), each tile also shows the
 * check's uptime over its recent results (the share that is not `fail`), a
 * status strip (one cell per result, oldest first, coloured and sized by
 * status, with its time, status, duration and output as a tooltip and as
 * text for screen readers; the newest 120 at most) and a sparkline of the
 * durations (inline SVG, no script; one outlier far above the rest is
 * clipped rather than flattening the line), with the median and maximum in
 * words. It reads on a phone (responsive grid), follows the system's dark
 * mode, and states every status in words and symbols, not colour alone.
 *
 * Every string from the report or the options is HTML-escaped; messages are
 * the one-line, redacted ones of the report, never stack traces. Detail
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
    const look = looks[overall];
    const title = escapeHtml(this.#title);
    const refresh = this.#refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${this.#refreshSeconds}">\n`;
    return (
      '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n' +
      `<meta name="robots" content="noindex">\n${refresh}` +
      `<title>${look.overall} · ${title}</title>\n<style>\n${style}\n</style>\n</head>\n<body>\n` +
      `<header class="banner ${overall}">\n<div class="wrap">\n<h1>${title}</h1>\n` +
      `<p class="overall"><strong><span aria-hidden="true">${look.icon}</span> ${look.overall}</strong> ` +
      `<span class="code">${escapeHtml(String(report.status))} · HTTP ${escapeHtml(String(report.httpStatus))}</span></p>\n` +
      this.#meta(report) +
      '</div>\n</header>\n' +
      this.#main(report) +
      this.#footer() +
      '</body>\n</html>\n'
    );
  }

  #meta(report: HealthReport): string {
    if (this.#detail === 'summary') return '';
    const counts = groupOrder
      .map((status) => ({ status, count: report.checks.filter((check) => stateOf(check.status) === status).length }))
      .filter(({ count }) => count > 0)
      .map(({ status, count }) => `${count} ${looks[status].word.toLowerCase()}`);
    const parts = [report.checks.length === 0 ? 'No checks' : `${report.checks.length} ${report.checks.length === 1 ? 'check' : 'checks'}: ${counts.join(', ')}`];
    const time = isoTime(report.startedAt);
    if (time !== undefined) parts.push(`checked ${timeElement(time)}`);
    if (this.#detail === 'full' && typeof report.durationMs === 'number') parts.push(`in ${formatMs(report.durationMs)}`);
    return `<p class="meta">${parts.join(' · ')}</p>\n`;
  }

  #main(report: HealthReport): string {
    if (this.#detail === 'summary') return '';
    if (report.checks.length === 0) {
      return '<main class="wrap">\n<p class="empty">No checks ran for this report: there is nothing to show beyond the overall status.</p>\n</main>\n';
    }
    const sections = groupOrder.map((status) => {
      const checks = report.checks.filter((check) => stateOf(check.status) === status);
      if (checks.length === 0) return '';
      const look = looks[status];
      const tiles = checks.map((check) => this.#tile(report, check, status)).join('');
      return (
        `<section class="${status}" aria-labelledby="group-${status}">\n` +
        `<h2 id="group-${status}"><span class="icon" aria-hidden="true">${look.icon}</span> ${look.group} <span class="count">(${checks.length})</span></h2>\n` +
        `<ul class="grid">\n${tiles}</ul>\n</section>\n`
      );
    });
    return `<main class="wrap">\n${sections.join('')}</main>\n`;
  }

  #tile(report: HealthReport, check: CheckResult, status: HealthStatus): string {
    const look = looks[status];
    const badges = [check.critical ? '' : '<span class="badge">non-critical</span>'];
    const full = this.#detail === 'full';
    if (full && check.cached === true) {
      badges.push(`<span class="badge">cached${typeof check.ageMs === 'number' ? `, ${escapeHtml(formatMs(check.ageMs))} old` : ''}</span>`);
    }
    const suppressed = full ? suppressedFields(check.suppressed) : undefined;
    if (suppressed !== undefined) badges.push(`<span class="badge">${escapeHtml(describeSuppressed(suppressed, formatMs))}</span>`);
    let body = '';
    if (full) {
      if (typeof check.description === 'string' && check.description.trim() !== '') body += `<p class="desc">${escapeHtml(check.description)}</p>\n`;
      if (check.errors.length > 0) {
        const lines = check.errors.map((error) => `<li><span class="kind">${escapeHtml(error.kind)}:</span> ${escapeHtml(error.message)}</li>`);
        body += `<ul class="errors" aria-label="Errors">${lines.join('')}</ul>\n`;
      }
      const facts = [`<div><dt>Duration</dt><dd>${escapeHtml(formatMs(check.durationMs))}</dd></div>`];
      const time = checkedAt(report, check);
      if (time !== undefined) facts.push(`<div><dt>Last checked</dt><dd>${timeElement(time)}</dd></div>`);
      body += `<dl class="facts">${facts.join('')}</dl>\n`;
      const observations = Object.entries(check.observations);
      if (observations.length > 0) {
        const labels = observations.map(([key, observation]) => observationLabel(key, observation.unit));
        const uses = new Map<string, number>();
        for (const label of labels) uses.set(label, (uses.get(label) ?? 0) + 1);
        // Two keys that shorten to one label (freeBytes and freePercent: both "free") keep their keys.
        const rows = observations.map(([key, observation], index) => {
          const label = labels[index] ?? key;
          return `<div><dt>${escapeHtml(uses.get(label) === 1 ? label : key)}</dt><dd>${escapeHtml(formatObservation(observation))}</dd></div>`;
        });
        body += `<dl class="obs" aria-label="Observations">${rows.join('')}</dl>\n`;
      }
      if (check.tags.length > 0) {
        body += `<ul class="tags" aria-label="Tags">${check.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>\n`;
      }
      body += historyHtml(check.history, formatMs);
    }
    return (
      `<li class="tile ${status}">\n<h3>${escapeHtml(check.name)}</h3>\n` +
      `<p class="state"><span><span aria-hidden="true">${look.icon}</span> ${look.word}</span>${badges.join('')}</p>\n${body}</li>\n`
    );
  }

  #footer(): string {
    const refresh = this.#refreshSeconds === undefined ? '' : ` · refreshes every ${this.#refreshSeconds} s`;
    return `<footer class="wrap">pulsecheck${refresh}</footer>\n`;
  }
}

/** Anything that is neither `pass` nor `warn` is shown as failing, so no check goes missing. */
function stateOf(status: string): HealthStatus {
  return status === 'pass' || status === 'warn' ? status : 'fail';
}

function isoTime(text: string): string | undefined {
  const time = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `2025-01-02 03:04:05 UTC` in a `<time>` carrying the full ISO string. */
function timeElement(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`)}</time>`;
}

/**
 * Observations as people read them: `78.6 GiB`, `24.7 ms`; other values as
 * recorded, with their unit, in the singular for one (`1 client`, where the
 * check recorded the unit `clients`).
 */
function formatObservation({ value, unit }: Observation): string {
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

function isLowerCaseWord(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

/** The suffixes of a key that repeat its unit (`latencyMs` with `ms`), in camelCase; snake and kebab case are derived. */
const unitSuffixes: Readonly<Record<string, readonly string[]>> = {
  ms: ['Ms', 'Millis', 'Milliseconds'],
  s: ['Sec', 'Secs', 'Seconds'],
  seconds: ['Seconds', 'Secs'],
  bytes: ['Bytes'],
  '%': ['Percent', 'Pct', 'Percentage'],
};

/**
 * An observation's key without the unit its value is shown with:
 * `latencyMs` (ms) → `latency`, `freeBytes` (bytes) → `free`,
 * `heapUsedPercent` (%) → `heapUsed`, `pool_clients` (clients) → `pool`.
 * The key is kept whole when it is nothing but the unit, or when the unit is
 * not a suffix after a word boundary (`items` in `problems` is not one).
 */
function observationLabel(key: string, unit: string | undefined): string {
  if (typeof unit !== 'string' || unit === '' || key.length > 200) return key;
  const camel = unitSuffixes[unit] ?? (isLowerCaseWord(unit) ? [`${unit.charAt(0).toUpperCase()}${unit.slice(1)}`] : []);
  const lowerKey = key.toLowerCase();
  for (const suffix of camel) {
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const before = key.charCodeAt(key.length - suffix.length - 1);
      // a camelCase boundary: a lower-case letter or a digit before the capital
      if ((before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39)) return key.slice(0, -suffix.length);
    }
    const lower = suffix.toLowerCase();
    for (const separator of ['_', '-', ' ']) {
      const tail = `${separator}${lower}`;
      if (key.length > tail.length && lowerKey.endsWith(tail)) return key.slice(0, -tail.length);
    }
  }
  return key;
}

