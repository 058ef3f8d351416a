/**
 * How much of a {@link HealthReport} a serializer (or {@link respond}) may
 * reveal. Every serializer takes `{ detail }`, defaults to `'full'`, and
 * writes nothing beyond its level:
 *
 * - `full`: everything: per-check errors with their (redacted) messages,
 *   durations, observations, tags, cache ages.
 * - `status`: per-check state only: each check's name, its state word
 *   (`pass` / `warn` / `fail`; in the flat JSON map `"working"` or the kinds
 *   of its errors, such as `"unavailable, timeout"`) and whether it is
 *   critical. No messages, durations, observations, errors or tags.
 * - `summary`: the overall status alone (`{"status":"fail"}`).
 *
 * Use `status` or `summary` for an endpoint the public can reach, and `full`
 * behind authentication or on an internal port.
 *
 * @example
 * ```ts
 * import { JsonSerializer, type DetailLevel } from 'pulsecheck';
 *
 * const detail: DetailLevel = process.env.NODE_ENV === 'production' ? 'status' : 'full';
 * const serializer = new JsonSerializer({ detail });
 * console.log(serializer.contentType); // application/json
 * ```
 */
export type DetailLevel = 'full' | 'status' | 'summary';

/**
 * @internal The detail levels, from the most to the least revealing: the one
 * list every validation and every error message derive from. A level missing
 * here, or one {@link DetailLevel} lacks, does not compile.
 */
export const DETAIL_LEVELS = Object.freeze(Object.keys({ full: true, status: true, summary: true } as const satisfies Record<DetailLevel, true>)) as readonly DetailLevel[];
