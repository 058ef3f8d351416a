/**
 * @internal One timer shared by the executions that start in the same
 * synchronous turn with the same timeout: a run of a hundred checks arms one
 * timer, not a hundred. The timer is cleared as soon as every member has
 * finished (once the turn is over), and expires every member still pending
 * when it fires.
 */
export class DeadlineGroup {
  static readonly #open = new Map<number, DeadlineGroup>();

  readonly #timeoutMs: number;
  readonly #members = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#timer = setTimeout(() => {
      this.#expire();
    }, timeoutMs);
  }

  /**
   * Adds an execution that expires `timeoutMs` from now: `expire` is called
   * then, unless the returned function (call it when the execution ends) was
   * called first.
   */
  static join(timeoutMs: number, expire: () => void): () => void {
    let group = DeadlineGroup.#open.get(timeoutMs);
    if (group === undefined) {
      const created = new DeadlineGroup(timeoutMs);
      DeadlineGroup.#open.set(timeoutMs, created);
      queueMicrotask(() => {
        created.#close();
      });
      group = created;
    }
    return group.#add(expire);
  }

  #add(expire: () => void): () => void {
    this.#members.add(expire);
    return () => {
      if (this.#members.delete(expire) && this.#closed && this.#members.size === 0) this.#clear();
    };
  }

  /** Executions starting in a later turn get a group, and a deadline, of their own. */
  #close(): void {
    this.#closed = true;
    if (DeadlineGroup.#open.get(this.#timeoutMs) === this) DeadlineGroup.#open.delete(this.#timeoutMs);
    if (this.#members.size === 0) this.#clear();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #expire(): void {
    this.#timer = undefined;
    this.#close();
    const pending = [...this.#members];
    this.#members.clear();
    for (const expire of pending) expire();
  }
}
