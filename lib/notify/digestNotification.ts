import { displayText } from '../core/displayText.js';
import { redactSecrets } from '../core/redactSecrets.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import type { HealthNotification } from './HealthNotification.js';
import type { StatusChange } from './StatusChange.js';
import { WEBHOOK_PAYLOAD_LIMITS } from './webhookPayloadLimits.js';

/** How much of a check's output is looked at (as {@link displayText} does). */
const outputCap = 8 * 1024;

/** @internal One check's change as the payloads describe it: redacted, plain data. */
export interface ChangeLine {
  readonly name: string;
  /** The status before its last change in the batch. */
  readonly previous: HealthStatus | null;
  readonly current: HealthStatus;
  readonly critical: boolean;
  readonly output: string;
  readonly blockedBy?: string;
  /** How many times it changed in the batch, when more than once (it flapped). */
  readonly transitions?: number;
}

/** @internal The failed checks blocked by one root cause. */
export interface RootCause {
  readonly name: string;
  readonly blocked: readonly string[];
}

/** @internal A notification digested for every format: a title, lines of text, and the data. */
export interface Digest {
  readonly title: string;
  readonly lines: readonly string[];
  /** One per check, in the order each first changed. */
  readonly changes: readonly ChangeLine[];
  readonly rootCauses: readonly RootCause[];
}

/**
 * @internal Digests a notification: one entry per check (a check that
 * changed several times in the batch is counted once, by its last change,
 * with how many times it changed), except that checks blocked by a root
 * cause (`blockedBy`) are listed under it, so the root cause is named once
 * however many checks it blocks. The title counts checks, not transitions.
 * Every text is passed through {@link displayText} (one line, secrets
 * redacted, capped).
 */
export function digestNotification(notification: HealthNotification, service: string | undefined): Digest {
  const changes = perCheck(notification.changes).map(toLine);
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
    lines.push(displayText(describeChange(change), WEBHOOK_PAYLOAD_LIMITS.lineChars));
    const blocked = blockedBy.get(change.name);
    if (blocked !== undefined) lines.push(`  blocked by it: ${listNames(blocked)}`);
  }
  for (const [root, blocked] of blockedBy) {
    if (!named.has(root)) lines.push(`BLOCKED by ${root} (root cause, failing already): ${listNames(blocked)}`);
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

/** One change per check, in the order each first changed: its last change, with the count of its changes. */
function perCheck(changes: readonly StatusChange[]): { readonly change: StatusChange; readonly transitions: number }[] {
  const byCheck = new Map<string, { change: StatusChange; transitions: number }>();
  for (const change of changes) {
    const key = String(change.check.name);
    const seen = byCheck.get(key);
    if (seen === undefined) byCheck.set(key, { change, transitions: 1 });
    else {
      seen.change = change;
      seen.transitions += 1;
    }
  }
  return [...byCheck.values()];
}

function toLine({ change: { check, previous, current }, transitions }: { readonly change: StatusChange; readonly transitions: number }): ChangeLine {
  return {
    name: displayText(String(check.name), 200),
    previous: previous ?? null,
    current,
    critical: check.critical,
    output: redactOutput(String(check.output)),
    ...(typeof check.blockedBy === 'string' ? { blockedBy: displayText(check.blockedBy, 200) } : {}),
    ...(transitions > 1 ? { transitions } : {}),
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
  const flapped = change.transitions === undefined ? '' : ` [changed ${change.transitions} times]`;
  switch (change.current) {
    case 'fail':
      return `FAILED ${change.name}${change.critical ? '' : ' (non-critical)'}${flapped}: ${output}`;
    case 'warn':
      return `WARNING ${change.name}${flapped}: ${output}`;
    case 'pass':
      return `RECOVERED ${change.name}${change.previous === null ? '' : ` (was ${change.previous})`}${flapped}`;
  }
}

/** Names, the first {@link WEBHOOK_PAYLOAD_LIMITS.blockedNames} of them, then how many more; capped to a line. */
function listNames(names: readonly string[]): string {
  const limit = WEBHOOK_PAYLOAD_LIMITS.blockedNames;
  const more = names.length > limit ? ` … and ${names.length - limit} more` : '';
  return `${displayText(names.slice(0, limit).join(', '), WEBHOOK_PAYLOAD_LIMITS.lineChars - more.length - 60)}${more}`;
}
