/**
 * The size each webhook payload format is bounded to, in one place: what
 * its receiver accepts. A message that would be larger keeps what fits and
 * says how much was cut ("… and 12 more").
 *
 * @example
 * ```ts
 * import { WEBHOOK_PAYLOAD_LIMITS } from 'pulsecheck';
 *
 * console.log(WEBHOOK_PAYLOAD_LIMITS.teamsBytes); // 27000
 * ```
 */
export const WEBHOOK_PAYLOAD_LIMITS = Object.freeze({
  /** Characters in Slack's one `section` block (Slack refuses a section text over 3,000). */
  slackSectionChars: 3_000,
  /** Bytes of a whole Teams message (Teams refuses a message over about 28 KB; a margin is kept). */
  teamsBytes: 27_000,
  /** Bytes of a whole `json` message (a bound for generic receivers). */
  jsonBytes: 100_000,
  /** Characters of one line of text (one check's change), in every format. */
  lineChars: 1_000,
  /** Checks named in one "blocked by it" list before "… and N more". */
  blockedNames: 50,
} as const);
