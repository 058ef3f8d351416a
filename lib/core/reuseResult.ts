import type { CheckResult } from '../report/CheckResult.js';

/**
 * Every key a {@link CheckResult} can have, and how {@link reuseResult} copies it: `base` (always there),
 * `built` (optional, set by `buildResult` in this order, after the base keys) or `other` (optional, set
 * by other builders, in any order: such a result is copied by spreading it). A key added to CheckResult
 * and not listed here does not compile.
 */
const COPIED = {
  name: 'base',
  status: 'base',
  critical: 'base',
  tags: 'base',
  durationMs: 'base',
  output: 'base',
  errors: 'base',
  observations: 'base',
  description: 'built',
  componentType: 'built',
  affectedEndpoints: 'built',
  cached: 'other',
  ageMs: 'other',
  history: 'other',
  suppressed: 'other',
  blockedBy: 'other',
} as const satisfies Record<keyof CheckResult, 'base' | 'built' | 'other'>;

/**
 * @internal A result answered again instead of executing its check: frozen, `cached: true`, with its age;
 * every key of `result` kept, in its order (as `{ ...result, cached: true, ageMs }` makes it).
 *
 * A result made by `buildResult` alone (no key {@link COPIED} marks `other`: the common case) is copied
 * key by key into a literal, not spread: spreading a frozen result cost about 130 ns, most of what
 * answering a check from the cache or background mode costs.
 */
export function reuseResult(result: CheckResult, ageMs: number): CheckResult {
  // Each key COPIED marks `other`, read by name (a loop over the keys doubled the cost of a cache answer); the
  // spec gives a result each of those keys in turn, so a key added to COPIED and not here fails it.
  if (result.cached !== undefined || result.ageMs !== undefined || result.history !== undefined || result.suppressed !== undefined || result.blockedBy !== undefined) {
    return Object.freeze({ ...result, cached: true as const, ageMs });
  }
  const copy: { -readonly [K in keyof CheckResult]: CheckResult[K] } = {
    name: result.name,
    status: result.status,
    critical: result.critical,
    tags: result.tags,
    durationMs: result.durationMs,
    output: result.output,
    errors: result.errors,
    observations: result.observations,
  };
  // In buildResult's order (see COPIED), each only when the result has it.
  if ('description' in result) copy.description = result.description;
  if ('componentType' in result) copy.componentType = result.componentType;
  if ('affectedEndpoints' in result) copy.affectedEndpoints = result.affectedEndpoints;
  copy.cached = true;
  copy.ageMs = ageMs;
  return Object.freeze(copy);
}

/** @internal The keys {@link reuseResult} copies by hand, for its spec. */
export const REUSE_COPIED_KEYS: Readonly<Record<keyof CheckResult, 'base' | 'built' | 'other'>> = COPIED;
