import type { SuppressedStatus } from '../report/SuppressedStatus.js';

/**
 * @internal A result's `suppressed` as plain data with its keys in a fixed
 * order, keeping only well-formed fields (a serializer may be handed a
 * report built by hand); `undefined` when there is none.
 */
export function suppressedFields(value: unknown): SuppressedStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { observed, streak, needed, forMs, neededMs } = value as Record<string, unknown>;
  if (typeof observed !== 'string' || !isCount(streak)) return undefined;
  return {
    observed: observed === 'pass' || observed === 'warn' ? observed : 'fail',
    streak,
    ...(isCount(needed) ? { needed } : {}),
    ...(isMs(forMs) ? { forMs } : {}),
    ...(isMs(neededMs) ? { neededMs } : {}),
  };
}

/**
 * @internal One line for people: `pending failure: 2 of 3 failed executions in a row, failing for 4.00 s of 30.00 s`
 * or `pending recovery: 1 of 3 executions without failure in a row`.
 */
export function describeSuppressed(suppressed: SuppressedStatus, formatMs: (ms: number) => string): string {
  const count = suppressed.needed === undefined ? `${suppressed.streak}` : `${suppressed.streak} of ${suppressed.needed}`;
  if (suppressed.observed !== 'fail') return `pending recovery: ${count} ${suppressed.streak === 1 && suppressed.needed === undefined ? 'execution' : 'executions'} without failure in a row`;
  const parts = [`pending failure: ${count} failed ${suppressed.needed === undefined && suppressed.streak === 1 ? 'execution' : 'executions'} in a row`];
  if (suppressed.neededMs !== undefined) parts.push(`failing for ${formatMs(suppressed.forMs ?? 0)} of ${formatMs(suppressed.neededMs)}`);
  return parts.join(', ');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
