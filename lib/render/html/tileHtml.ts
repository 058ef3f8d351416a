import { formatMs } from '../../core/formatMs.js';
import type { CheckResult } from '../../report/CheckResult.js';
import type { HealthReport } from '../../report/HealthReport.js';
import { checkedAt } from '../checkedAt.js';
import type { DetailLevel } from '../DetailLevel.js';
import { describeSuppressed, suppressedFields } from '../suppressedFields.js';
import { attributeText } from './attributeText.js';
import { failingSince } from './failingSince.js';
import { formatObservation } from './formatObservation.js';
import { historyHtml } from './historyHtml.js';
import type { HistoryWindow } from './historyWindow.js';
import { isoTime } from './isoTime.js';
import { observationLabel } from './observationLabel.js';
import { pageText } from './pageText.js';
import type { ReadEntry } from './readHistory.js';
import { statusLooks } from './statusLooks.js';
import { timeElement } from './timeElement.js';
import { usualIntervalMs } from './usualIntervalMs.js';

/** @internal Everything a tile needs besides its check: where it stands on the page. */
export interface TileContext {
  readonly report: HealthReport;
  readonly detail: DetailLevel;
  /** `blocked` for a failing check blocked by a dependency. */
  readonly state: 'pass' | 'warn' | 'fail' | 'blocked';
  /** The tile's `id`. */
  readonly id: string;
  /** The check's read history. */
  readonly entries: readonly ReadEntry[];
  /** The page's shared history window. */
  readonly window: HistoryWindow | undefined;
  /** The page's now (epoch ms), when known. */
  readonly nowMs: number | undefined;
  /** For a blocked check: its root cause's tile id, when the page shows it. */
  readonly rootId: string | undefined;
  /** For a root cause: the checks it blocks on this page, with their tile ids. */
  readonly blocks: readonly { readonly name: string; readonly id: string }[];
}

/**
 * @internal One check's tile: its name, state (in words and a symbol), for a
 * failing check since when and for how long, for a blocked one a link to
 * its root cause's tile (and for a root cause, links to what it blocks),
 * badges, description, errors, facts, observations, tags and history.
 * Below detail `full`, the name and state only.
 */
export function tileHtml(check: CheckResult, context: TileContext): string {
  const { state, detail } = context;
  const look = statusLooks[state];
  const full = detail === 'full';
  const badges = [check.critical ? '' : '<span class="badge">non-critical</span>'];
  const suppressed = full ? suppressedFields(check.suppressed) : undefined;
  if (full) {
    const overdue = overdueBadge(check, context.entries);
    if (overdue !== '') badges.push(overdue);
    if (suppressed !== undefined) badges.push(`<span class="badge">${attributeText(describeSuppressed(suppressed, formatMs))}</span>`);
  }
  let body = '';
  if (full) {
    body += sinceHtml(context, suppressed?.observed === 'fail' ? suppressed.forMs : undefined);
    body += causeHtml(check, context);
    if (typeof check.description === 'string' && check.description.trim() !== '') body += `<p class="desc">${pageText(check.description)}</p>\n`;
    if (check.errors.length > 0) {
      const lines = check.errors.map((error) => `<li><span class="kind">${pageText(error.kind)}:</span> ${pageText(error.message)}</li>`);
      body += `<ul class="errors">${lines.join('')}</ul>\n`;
    }
    const facts = [`<div><dt>Duration</dt><dd>${attributeText(formatMs(check.durationMs))}</dd></div>`];
    const time = isoTime(checkedAt(context.report, check));
    if (time !== undefined) facts.push(`<div><dt>Last checked</dt><dd>${timeElement(time)}</dd></div>`);
    body += `<dl class="facts">${facts.join('')}</dl>\n`;
    body += observationsHtml(check);
    if (check.tags.length > 0) body += `<ul class="tags">${check.tags.map((tag) => `<li>${pageText(tag)}</li>`).join('')}</ul>\n`;
    body += historyHtml(context.entries, context.window);
  }
  return (
    `<li class="tile ${state}" id="${context.id}">\n<h3>${pageText(check.name)}</h3>\n` +
    `<p class="state"><span><span aria-hidden="true">${look.icon}</span> ${look.word}</span>${badges.join('')}</p>\n${body}</li>\n`
  );
}

/** "Failing for 3.0 min, since 12:37:41 UTC", from the history, or from a pending failure's `forMs` without one. */
function sinceHtml(context: TileContext, pendingForMs: number | undefined): string {
  const failing = context.state === 'fail' || context.state === 'blocked' || pendingForMs !== undefined;
  if (!failing || context.nowMs === undefined) return '';
  const word = context.state === 'blocked' ? 'Blocked' : pendingForMs === undefined ? 'Failing' : 'Failing, not yet confirmed,';
  const since = failingSince(context.entries, context.nowMs);
  if (since === undefined) {
    return pendingForMs === undefined ? '' : `<p class="since">${word} for ${attributeText(formatMs(pendingForMs))}</p>\n`;
  }
  const atLeast = since.atLeast ? 'at least ' : '';
  return `<p class="since">${word} for ${atLeast}${attributeText(formatMs(since.forMs))}, since ${timeElement(since.sinceMs, context.nowMs)}${since.atLeast ? ' or earlier' : ''}</p>\n`;
}

/** A blocked check's root cause, linked to its tile; a root cause's blocked checks, linked to theirs. */
function causeHtml(check: CheckResult, context: TileContext): string {
  if (context.state === 'blocked' && typeof check.blockedBy === 'string') {
    const root = pageText(check.blockedBy);
    return `<p class="cause">Root cause: ${context.rootId === undefined ? root : `<a href="#${context.rootId}">${root}</a>`}</p>\n`;
  }
  if (context.blocks.length === 0) return '';
  const links = context.blocks.map((blocked) => `<a href="#${blocked.id}">${pageText(blocked.name)}</a>`);
  return `<p class="cause">Blocks ${context.blocks.length}: ${links.join(', ')}</p>\n`;
}

/**
 * The age of a reused result, only where it matters: when it is older than
 * the check's usual interval (the median gap of its history), so a beat was
 * missed. Without a history to tell the interval, no badge: "Last checked"
 * gives the time.
 */
function overdueBadge(check: CheckResult, entries: readonly ReadEntry[]): string {
  if (check.cached !== true || typeof check.ageMs !== 'number' || !Number.isFinite(check.ageMs)) return '';
  const interval = usualIntervalMs(entries);
  if (interval === undefined || check.ageMs <= interval) return '';
  return `<span class="badge">cached, ${attributeText(formatMs(check.ageMs))} old (runs every ${attributeText(formatMs(interval))})</span>`;
}

function observationsHtml(check: CheckResult): string {
  const observations = Object.entries(check.observations);
  if (observations.length === 0) return '';
  const labels = observations.map(([key, observation]) => observationLabel(key, observation.unit));
  const uses = new Map<string, number>();
  for (const label of labels) uses.set(label, (uses.get(label) ?? 0) + 1);
  // Two keys that shorten to one label (freeBytes and freePercent: both "free") keep their keys.
  const rows = observations.map(([key, observation], index) => {
    const label = labels[index] ?? key;
    return `<div><dt>${pageText(uses.get(label) === 1 ? label : key)}</dt><dd>${pageText(formatObservation(observation))}</dd></div>`;
  });
  return `<dl class="obs">${rows.join('')}</dl>\n`;
}
