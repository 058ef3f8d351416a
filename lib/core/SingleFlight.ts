/** The execution in flight for one key, if any: one per key, reused (no map write per execution). */
interface Flight<E> {
  execution: E | undefined;
}

/**
 * @internal Concurrent callers share the execution already in flight for a
 * key instead of starting their own (when enabled). The owner says when an
 * execution ends ({@link SingleFlight.forget}); a newer execution replaces
 * an older one for later joiners, and forgetting the older one then leaves
 * the newer in place.
 *
 * Cheap on the hot path: disabled, `set` and `forget` do nothing; enabled,
 * each key gets one entry on its first execution, which later executions
 * reuse, so the map is written once per key, never per execution.
 */
export class SingleFlight<K, E extends object> {
  readonly #inFlight = new Map<K, Flight<E>>();

  /** @param enabled - Whether callers join at all (`false`: {@link SingleFlight.join} never answers, and nothing is kept). */
  constructor(readonly enabled: boolean) {}

  /** The execution in flight for `key`, to join, if any (and enabled). */
  join(key: K): E | undefined {
    return this.enabled ? this.#inFlight.get(key)?.execution : undefined;
  }

  /** Makes `execution` the one later callers of `key` join. */
  set(key: K, execution: E): void {
    if (!this.enabled) return;
    const flight = this.#inFlight.get(key);
    if (flight === undefined) this.#inFlight.set(key, { execution });
    else flight.execution = execution;
  }

  /** Stops offering `execution` for `key`, unless a newer one replaced it. */
  forget(key: K, execution: E): void {
    if (!this.enabled) return;
    const flight = this.#inFlight.get(key);
    if (flight !== undefined && flight.execution === execution) flight.execution = undefined;
  }

  /** How many keys have an entry (for specs): at most one per key, whatever the number of executions. */
  get keys(): number {
    return this.#inFlight.size;
  }
}
