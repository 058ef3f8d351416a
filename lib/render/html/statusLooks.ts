import type { HealthStatus } from '../../report/HealthStatus.js';

/** @internal How the dashboard shows one state: words and a symbol, so that colour is never the only cue. */
export interface StatusLook {
  /** The banner's word for the whole report. */
  readonly overall: string;
  /** The word on a tile, and in the counts. */
  readonly word: string;
  /** The heading of the group of tiles. */
  readonly group: string;
  /** The symbol beside the word (hidden from screen readers: the word says it). */
  readonly icon: string;
}

/**
 * @internal The looks of the three states, and of `blocked`: a failing
 * check that did not fail on its own but because a dependency did
 * ({@link CheckResult.blockedBy}), shown apart from the root causes.
 */
export const statusLooks: Readonly<Record<HealthStatus | 'blocked', StatusLook>> = {
  fail: { overall: 'Unhealthy', word: 'Failing', group: 'Failing', icon: '✖' },
  blocked: { overall: 'Unhealthy', word: 'Blocked', group: 'Blocked by a failing dependency', icon: '⊘' },
  warn: { overall: 'Degraded', word: 'Warning', group: 'Warning', icon: '▲' },
  pass: { overall: 'Healthy', word: 'Passing', group: 'Passing', icon: '✔' },
};
