import type { CheckDefinition } from '../core/CheckDefinition.js';
import type { HealthService } from '../core/HealthService.js';
import { describeSafely } from '../core/internalFailure.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthStatus } from '../report/HealthStatus.js';
import { addPendingSource } from './deliverPendingNotifications.js';
import type { Notifier } from './Notifier.js';
import type { StatusChange } from './StatusChange.js';
import { warnNotifier } from './warnNotifier.js';

/**
 * @internal One notifier attached to one service (see {@link attachNotifier}).
 *
 * Batching: the changes heard during one turn of the event loop leave
 * together at the next `setImmediate`, outside the run that produced them.
 *
 * Coalescing, in background mode only (each check on its own schedule):
 * when a check that others depend on changes status, the batch is held
 * until each of its dependents (transitively, from the definitions'
 * `dependsOn`) has executed again (heard through `onResult`), or
 * `coalesceMs` has passed, so the root cause and the checks it blocks (or
 * its recovery and theirs) leave as one batch. On demand, a run executes
 * the dependents in the same turn: nothing is held.
 *
 * `deliverNow` hands over what is collected or held at once (a notifier's
 * flush). A notifier that throws or rejects becomes a `PulsecheckNotifierWarning`.
 */
export class NotifierAttachment {
  readonly #service: HealthService;
  readonly #notifier: Notifier;
  readonly #coalesceMs: number;
  readonly #controller = new AbortController();
  /** Per check name: the names of the checks that depend on it, directly or not. */
  readonly #dependents: ReadonlyMap<string, readonly string[]>;
  readonly #unsubscribe: (() => void)[] = [];
  /** Dependents whose next execution the batch waits for. */
  readonly #awaited = new Set<string>();
  #pending: StatusChange[] = [];
  #turn: NodeJS.Immediate | undefined;
  #hold: NodeJS.Timeout | undefined;
  #detached = false;

  constructor(service: HealthService, notifier: Notifier, coalesceMs: number) {
    this.#service = service;
    this.#notifier = notifier;
    this.#coalesceMs = coalesceMs;
    this.#dependents = coalesceMs > 0 ? transitiveDependents(service.definitions()) : new Map();
    this.#unsubscribe.push(service.onStatusChange(this.#heard));
    if (this.#dependents.size > 0) this.#unsubscribe.push(service.onResult(this.#executed));
    this.#unsubscribe.push(addPendingSource(notifier, this.deliverNow));
  }

  /** The signal the notifier is given: aborted by {@link NotifierAttachment.detach}. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Hands the collected and held changes to the notifier now (nothing when there are none). */
  readonly deliverNow = (): void => {
    this.#deliver();
  };

  /** Stops listening, drops what is pending, clears its timers and aborts the notifier's signal. Safe to call twice. */
  detach(): void {
    if (this.#detached) return;
    this.#detached = true;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#clearTimers();
    this.#pending = [];
    this.#awaited.clear();
    this.#controller.abort(new DOMException('the notifier was removed', 'AbortError'));
  }

  readonly #heard = (check: CheckResult, previous: HealthStatus | undefined, current: HealthStatus): void => {
    this.#pending.push(Object.freeze({ check, previous, current }));
    const dependents = this.#dependents.get(check.name);
    if (dependents !== undefined && this.#service.running) for (const name of dependents) this.#awaited.add(name);
    this.#turn ??= setImmediate(this.#endOfTurn);
  };

  readonly #executed = (result: CheckResult): void => {
    // Nothing awaited (no change in flight): no work per execution.
    if (this.#awaited.size === 0 || !this.#awaited.delete(result.name) || this.#awaited.size > 0 || this.#pending.length === 0) return;
    // the last awaited dependent reported: let the batch leave at the end of this turn
    this.#turn ??= setImmediate(this.#endOfTurn);
  };

  readonly #endOfTurn = (): void => {
    this.#turn = undefined;
    if (this.#pending.length === 0) return;
    if (this.#awaited.size > 0 && this.#service.running) {
      if (this.#hold === undefined) {
        this.#hold = setTimeout(this.deliverNow, this.#coalesceMs);
        this.#hold.unref();
      }
      return;
    }
    this.#deliver();
  };

  #deliver(): void {
    this.#clearTimers();
    this.#awaited.clear();
    const changes = this.#pending;
    this.#pending = [];
    if (changes.length === 0 || this.#detached) return;
    const notification = Object.freeze({ at: new Date().toISOString(), changes: Object.freeze(changes) });
    try {
      const done = this.#notifier.notify(notification, this.#controller.signal);
      if (done instanceof Promise) done.catch(warnNotifierFailed);
    } catch (thrown) {
      warnNotifierFailed(thrown);
    }
  }

  #clearTimers(): void {
    if (this.#turn !== undefined) clearImmediate(this.#turn);
    if (this.#hold !== undefined) clearTimeout(this.#hold);
    this.#turn = undefined;
    this.#hold = undefined;
  }
}

/** Per check: every check that depends on it, directly or through others (from `dependsOn`). */
function transitiveDependents(definitions: readonly CheckDefinition[]): Map<string, string[]> {
  const direct = new Map<string, string[]>();
  for (const definition of definitions) {
    for (const dependency of definition.dependsOn ?? []) {
      const list = direct.get(dependency) ?? [];
      list.push(definition.name);
      direct.set(dependency, list);
    }
  }
  const all = new Map<string, string[]>();
  for (const root of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...(direct.get(root) ?? [])];
    for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(direct.get(name) ?? []));
    }
    all.set(root, [...seen]);
  }
  return all;
}

/** Reports a notifier's throw or rejection as a process warning; never throws itself. */
function warnNotifierFailed(thrown: unknown): void {
  warnNotifier(`a notifier failed: ${describeSafely(thrown)}`);
}
