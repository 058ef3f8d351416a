import type { HealthReport } from '../../report/HealthReport.js';
import type { DetailLevel } from '../DetailLevel.js';
import { escapeHtml } from '../escapeHtml.js';
import { serviceFields } from '../serviceFields.js';

/** Only `http:` and `https:` targets become links: a report built by hand could carry `javascript:`. */
const HTTP_LINK = /^https?:\/\//i;

/**
 * @internal The dashboard header's lines about the service, from the
 * report's {@link HealthReport.service} (the module's `serviceInfo`), at
 * detail `full` only: its description, then `version 2 · release 2.4.1 ·
 * service billing-api`, one line per note, and its links (an `http:` or
 * `https:` target as a link named by its relation, anything else as text).
 * Every string is escaped. Empty when the report carries no service or the
 * detail is below `full`.
 *
 * @param report - The report being rendered.
 * @param detail - The serializer's detail level.
 * @returns HTML for inside the header's `.wrap`, or `''`.
 */
export function serviceHeader(report: HealthReport, detail: DetailLevel): string {
  if (detail !== 'full') return '';
  const service = serviceFields(report.service);
  if (service === undefined) return '';
  const lines: string[] = [];
  if (service.description !== undefined) lines.push(`<p class="meta service-description">${escapeHtml(service.description)}</p>`);
  const ids = [
    ['version', service.version],
    ['release', service.releaseId],
    ['service', service.serviceId],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);
  if (ids.length > 0) lines.push(`<p class="meta service-ids">${ids.map(([label, value]) => `${label} <code>${escapeHtml(value)}</code>`).join(' · ')}</p>`);
  for (const note of service.notes ?? []) lines.push(`<p class="meta service-note">${escapeHtml(note)}</p>`);
  const links = Object.entries(service.links ?? {}).map(([relation, uri]) =>
    HTTP_LINK.test(uri) ? `<a href="${escapeHtml(uri)}" rel="noopener noreferrer">${escapeHtml(relation)}</a>` : `${escapeHtml(relation)}: ${escapeHtml(uri)}`,
  );
  if (links.length > 0) lines.push(`<p class="meta service-links">${links.join(' · ')}</p>`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
