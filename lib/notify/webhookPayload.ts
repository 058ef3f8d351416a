import { displayText } from '../core/displayText.js';
import { redactSecrets } from '../core/redactSecrets.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { HealthNotification } from './HealthNotification.js';
import type { StatusChange } from './StatusChange.js';
import type { WebhookFormat } from './WebhookNotifierOptions.js';

/** How much of a check's output is looked at (as {@link displayText} does). */
const outputCap = 8 * 1024;

/** Slack's limit on a section block's text. */
const slackSectionLimit = 3000;

/** @internal One change as the payloads describe it: redacted, plain data. */
interface ChangeLine {
  readonly name: string;
  readonly previous: HealthStatus | null;
  readonly current: HealthStatus;
  readonly critical: boolean;
  readonly output: string;
  readonly blockedBy?: string;
}

/** @internal The failed checks blocked by one root cause. */
interface RootCause {
  readonly name: string;
  readonly blocked: readonly string[];
}

/** @internal A notification digested for every format: a title, lines of text, and the data. */
export interface Digest {
  readonly title: string;
  readonly lines: readonly string[];
  readonly changes: readonly ChangeLine[];
  readonly rootCauses: readonly RootCause[];
}

/**
 * @internal Digests a notification: each change once, except that checks
 * blocked by a root cause (`blockedBy`) are listed under it, so the root
 * cause is named once however many checks it blocks. Every text is passed
 * through {@link displayText} (one line, secrets redacted, capped).
 */
export function digest(notification: HealthNotification, service: string | undefined): Digest {
  const changes = notification.changes.map(toLine);
  const blockedBy = new Map<string, string[]>();
  for (const change of changes) {
    if (change.blockedBy !== undefined && change.current === 'fail') {
      const list = blockedBy.get(change.blockedBy) ?? [];
      list.push(change.name);
      blockedBy.set(change.blockedBy, list);
    }
  }
  const lines: string[] = [];
  const named = new Set<string>();
  let failed = 0;
  let recovered = 0;
  let warned = 0;
  for (const change of changes) {
    if (change.blockedBy !== undefined && change.current === 'fail') continue;
    named.add(change.name);
    if (change.current === 'fail') failed += 1;
    else if (change.current === 'warn') warned += 1;
    else recovered += 1;
    lines.push(describeChange(change));
    const blocked = blockedBy.get(change.name);
    if (blocked !== undefined) lines.push(`  blocked by it: ${blocked.join(', ')}`);
  }
  for (const [root, blocked] of blockedBy) {
    if (!named.has(root)) lines.push(`BLOCKED by ${root} (root cause, failing already): ${blocked.join(', ')}`);
  }
  const blockedCount = [...blockedBy.values()].reduce((sum, list) => sum + list.length, 0);
  const counts = [
    failed > 0 ? `${failed} failed` : '',
    blockedCount > 0 ? `${blockedCount} blocked` : '',
    warned > 0 ? `${warned} warning` : '',
    recovered > 0 ? `${recovered} recovered` : '',
  ].filter((part) => part !== '');
  const prefix = service === undefined ? '' : `${displayText(service, 100)}: `;
  return {
    title: `${prefix}health ${counts.join(', ')}`,
    lines,
    changes,
    rootCauses: [...blockedBy].map(([name, blocked]) => ({ name, blocked })),
  };
}

/**
 * @internal The body to post for `notification` in `format`, as a JSON
 * text. Slack: `{ text, blocks }` (a mrkdwn section); Teams: a `message`
 * with one Adaptive Card attachment; json: pulsecheck's own shape.
 */
export function webhookPayload(format: WebhookFormat, notification: HealthNotification, service: string | undefined): unknown {
  const digested = digest(notification, service);
  switch (format) {
    case 'slack':
      return {
        text: digested.title,
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: cap(`*${escapeSlack(digested.title)}*\n${digested.lines.map(escapeSlack).join('\n')}`, slackSectionLimit) },
          },
        ],
      };
    case 'teams':
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                { type: 'TextBlock', text: digested.title, weight: 'Bolder', size: 'Medium', wrap: true },
                ...digested.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
              ],
            },
          },
        ],
      };
    case 'json':
      return {
        source: 'pulsecheck',
        ...(service === undefined ? {} : { service: displayText(service, 100) }),
        at: notification.at,
        title: digested.title,
        changes: digested.changes,
        rootCauses: digested.rootCauses,
      };
  }
}

function toLine({ check, previous, current }: StatusChange): ChangeLine {
  return {
    name: displayText(String(check.name), 200),
    previous: previous ?? null,
    current,
    critical: check.critical,
    output: redactOutput(String(check.output)),
    ...(typeof check.blockedBy === 'string' ? { blockedBy: displayText(check.blockedBy, 200) } : {}),
  };
}

/** Redacts the whole output first (a secret may span its lines), then makes each line safe (at most 20 lines). */
function redactOutput(output: string): string {
  const truncated = output.length > outputCap;
  const redacted = redactSecrets(truncated ? output.slice(0, outputCap) : output, truncated);
  return redacted
    .split('\n')
    .slice(0, 20)
    .map((line) => displayText(line))
    .join('\n');
}

function describeChange(change: ChangeLine): string {
  const output = change.output.split('\n').join('; ');
  switch (change.current) {
    case 'fail':
      return `FAILED ${change.name}${change.critical ? '' : ' (non-critical)'}: ${output}`;
    case 'warn':
      return `WARNING ${change.name}: ${output}`;
    case 'pass':
      return `RECOVERED ${change.name}${change.previous === null ? '' : ` (was ${change.previous})`}`;
  }
}

/** Slack's mrkdwn control characters, as its documentation asks. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cap(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
