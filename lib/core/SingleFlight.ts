/**
 * @internal Concurrent callers share the execution already in flight for a
 * key instead of starting their own (when enabled). The owner says when an
 * execution ends ({@link SingleFlight.forget}); a newer execution replaces
 * an older one for later joiners, and forgetting the older one then leaves
 * the newer in place.
 */
export class SingleFlight<K, V> {
  readonly #inFlight = new Map<K, Promise<V>>();

  /** @param enabled - Whether callers join at all (`false`: {@link SingleFlight.join} never answers). */
  constructor(readonly enabled: boolean) {}

  /** The execution in flight for `key`, to join, if any (and enabled). */
  join(key: K): Promise<V> | undefined {
    return this.enabled ? this.#inFlight.get(key) : undefined;
  }

  /** Makes `execution` the one later callers of `key` join. */
  set(key: K, execution: Promise<V>): void {
    this.#inFlight.set(key, execution);
  }

  /** Stops offering `execution` for `key`, unless a newer one replaced it. */
  forget(key: K, execution: Promise<V>): void {
    if (this.#inFlight.get(key) === execution) this.#inFlight.delete(key);
  }
}
