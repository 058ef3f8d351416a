import type { SlotKey } from './SlotState.js';

/**
 * @internal Concurrent callers share the execution already in flight for a
 * key instead of starting their own (when enabled). The owner says when an
 * execution ends ({@link SingleFlight.forget}); a newer execution replaces
 * an older one for later joiners, and forgetting the older one then leaves
 * the newer in place.
 *
 * Cheap on the hot path: disabled, `set` and `forget` do nothing; enabled,
 * the execution is kept in the key's own {@link SlotState}: a field write,
 * no map.
 */
export class SingleFlight<K extends SlotKey, E extends object> {
  /** @param enabled - Whether callers join at all (`false`: {@link SingleFlight.join} never answers, and nothing is kept). */
  constructor(readonly enabled: boolean) {}

  /** The execution in flight for `key`, to join, if any (and enabled). */
  join(key: K): E | undefined {
    // Only this unit writes the field, always with an E.
    return this.enabled ? (key.state.inFlight as E | undefined) : undefined;
  }

  /** Makes `execution` the one later callers of `key` join. */
  set(key: K, execution: E): void {
    if (this.enabled) key.state.inFlight = execution;
  }

  /** Stops offering `execution` for `key`, unless a newer one replaced it. */
  forget(key: K, execution: E): void {
    const state = key.state;
    if (this.enabled && state.inFlight === execution) state.inFlight = undefined;
  }
}
