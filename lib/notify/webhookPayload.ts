import { displayText } from '../core/displayText.js';
import { digestNotification, type RootCause } from './digestNotification.js';
import type { HealthNotification } from './HealthNotification.js';
import type { WebhookFormat } from './WebhookNotifierOptions.js';
import { WEBHOOK_PAYLOAD_LIMITS } from './webhookPayloadLimits.js';

/**
 * @internal The body to post for `notification` in `format`, as a JSON
 * value, bounded to what the receiver accepts ({@link WEBHOOK_PAYLOAD_LIMITS}):
 * what does not fit is cut at a line (or a change), and the message says
 * how much (`… and 12 more`; `omittedChanges` in `json`). Slack:
 * `{ text, blocks }` (a mrkdwn section); Teams: a `message` with one
 * Adaptive Card attachment; json: pulsecheck's own shape.
 */
export function webhookPayload(format: WebhookFormat, notification: HealthNotification, service: string | undefined): unknown {
  const digest = digestNotification(notification, service);
  switch (format) {
    case 'slack': {
      const header = `*${escapeSlack(digest.title)}*`;
      const lines = fitLines(digest.lines.map(escapeSlack), WEBHOOK_PAYLOAD_LIMITS.slackSectionChars - header.length, (line) => line.length + 1, (count) => `_… and ${count} more_`);
      return { text: digest.title, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: [header, ...lines].join('\n') } }] };
    }
    case 'teams': {
      const block = (text: string): object => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' });
      const card = (lines: readonly string[]): object => ({
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [{ type: 'TextBlock', text: digest.title, weight: 'Bolder', size: 'Medium', wrap: true }, ...lines.map(block)],
            },
          },
        ],
      });
      const budget = WEBHOOK_PAYLOAD_LIMITS.teamsBytes - bytes(card([]));
      return card(fitLines(digest.lines, budget, (line) => bytes(block(line)) + 1, (count) => `… and ${count} more`));
    }
    case 'json': {
      const base = {
        source: 'pulsecheck',
        ...(service === undefined ? {} : { service: displayText(service, 100) }),
        at: notification.at,
        title: digest.title,
      };
      const rootCauses = bytes(digest.rootCauses) > WEBHOOK_PAYLOAD_LIMITS.jsonBytes / 2 ? digest.rootCauses.map(shortRootCause) : digest.rootCauses;
      const reserve = bytes({ ...base, changes: [], rootCauses, omittedChanges: digest.changes.length });
      const changes = fitItems(digest.changes, WEBHOOK_PAYLOAD_LIMITS.jsonBytes - reserve, (change) => bytes(change) + 1);
      const omittedChanges = digest.changes.length - changes.length;
      return { ...base, changes, rootCauses, ...(omittedChanges > 0 ? { omittedChanges } : {}) };
    }
  }
}

/** `lines` when they fit in `budget`, else the first that fit with room for `more(the count of the others)`. */
function fitLines(lines: readonly string[], budget: number, cost: (line: string) => number, more: (count: number) => string): string[] {
  const kept = fitItems(lines, budget, cost);
  if (kept.length === lines.length) return kept;
  const withRoom = fitItems(lines, budget - cost(more(lines.length)), cost);
  return [...withRoom, more(lines.length - withRoom.length)];
}

/** The longest prefix of `items` whose costs add up to at most `budget`. */
function fitItems<T>(items: readonly T[], budget: number, cost: (item: T) => number): T[] {
  const kept: T[] = [];
  let used = 0;
  for (const item of items) {
    used += cost(item);
    if (used > budget) break;
    kept.push(item);
  }
  return kept;
}

/** A root cause with its blocked list cut to {@link WEBHOOK_PAYLOAD_LIMITS.blockedNames} names, and the count of the rest. */
function shortRootCause(root: RootCause): RootCause & { readonly omittedBlocked?: number } {
  const limit = WEBHOOK_PAYLOAD_LIMITS.blockedNames;
  return root.blocked.length <= limit ? root : { name: root.name, blocked: root.blocked.slice(0, limit), omittedBlocked: root.blocked.length - limit };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** Slack's mrkdwn control characters, as its documentation asks. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
