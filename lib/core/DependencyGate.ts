import type { CheckResult } from '../report/CheckResult.js';
import { blockedResult } from './blockedResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { DependencyGraph } from './DependencyGraph.js';
import { internalFailure } from './internalFailure.js';
import { PendingExecution } from './PendingExecution.js';

/** @internal An answer still to come: an execution in flight, or a promise (a gated or synchronous one). */
export type Pending = Promise<CheckResult> | PendingExecution;

/** @internal What a run answers for a check: a result now, or one to come. */
export type Answer = CheckResult | Pending;

/** @internal An answer as the gate hands it to dependents: a pending execution turned into its promise. */
export type Promised = CheckResult | Promise<CheckResult>;

/**
 * A dependency's next execution, watched while a dependent runs on what the
 * dependency answered before: `failed` resolves with that execution's result
 * only if it fails, `cancel` stops watching (the dependent has its answer).
 */
interface Watch {
  readonly failed: Promise<CheckResult>;
  readonly cancel: () => void;
}

/** The watches handed with a dependencies array by {@link DependencyGate.answer}, read by {@link DependencyGate.combine}. */
const watchesOf = new WeakMap<readonly Promised[], readonly Watch[]>();

/**
 * @internal Root causes for a service (`dependsOn`): computes a run's (or a
 * background round's) answers in dependency order, handing each check what
 * its dependencies answer in that same run, and combines a check's own
 * answer with them ({@link DependencyGate.combine}).
 *
 * Costs nothing when no check names a dependency: answers are then
 * computed in order with no dependencies at all.
 */
export class DependencyGate<S extends { readonly definition: CheckDefinition }> {
  readonly #slots: readonly S[];
  readonly #graph: DependencyGraph;
  /** The checks others depend on. */
  readonly #depended = new Set<S>();
  /** Per dependency: what waits for the end of its next execution (a watch's resolver). */
  readonly #watchers = new Map<S, Set<(result: CheckResult) => void>>();

  /**
   * @param slots - Every check of the service, in registration order.
   * @throws Error for an unknown dependency or a cycle (see {@link DependencyGraph}).
   */
  constructor(slots: readonly S[]) {
    this.#slots = slots;
    this.#graph = new DependencyGraph(slots.map((slot) => slot.definition));
    for (let index = 0; index < slots.length; index += 1) {
      for (const dependency of this.#graph.dependenciesOf(index)) this.#depended.add(slots[dependency] as S);
    }
  }

  /**
   * The answers for `selected` (in its order), each computed by `answer`
   * after those of its dependencies. A dependency that `selected` holds is
   * handed as this run answers it; one it does not hold as `consult`
   * answers it (what the service knows without executing it: a cached or
   * background result, or an execution already in flight), or not at all
   * when `consult` knows nothing.
   *
   * A dependency consulted as a settled result that did not fail (each
   * check on its own schedule, in background mode) is also watched while
   * the dependent runs: should its next execution end failed before the
   * dependent has its answer, {@link DependencyGate.combine} reports the
   * dependent blocked by it (the true root cause), not the timeout its own
   * call into the failed dependency ends with.
   */
  answer(selected: readonly S[], answer: (slot: S, dependencies: readonly Promised[]) => Answer, consult: (slot: S) => Answer | undefined): Answer[] {
    const order = this.#graph.order;
    if (order === undefined) {
      // A loop, not map(): the builtin would call `answer` from outside the optimized code, once per check.
      const answers = new Array<Answer>(selected.length);
      for (let index = 0; index < selected.length; index += 1) answers[index] = answer(selected[index] as S, noDependencies);
      return answers;
    }
    const wanted = new Set(selected);
    const answered = new Map<S, Promised>();
    for (const index of order) {
      const slot = this.#slots[index] as S;
      if (!wanted.has(slot)) continue;
      const dependencies: Promised[] = [];
      const watched: S[] = [];
      for (const dependency of this.#graph.dependenciesOf(index)) {
        // a selected dependency comes earlier in the order, so it has answered already
        const other = this.#slots[dependency] as S;
        const own = answered.get(other);
        const consulted = own === undefined ? consult(other) : undefined;
        const given = own ?? (consulted === undefined ? undefined : PendingExecution.promised(consulted));
        if (given !== undefined) dependencies.push(given);
        if (own === undefined && given !== undefined && !(given instanceof Promise) && given.status !== 'fail') watched.push(other);
      }
      const watches = watched.length > 0 && DependencyGate.knownFailure(dependencies) === undefined ? watched.map((other) => this.#watch(other)) : [];
      if (watches.length > 0) watchesOf.set(dependencies, watches);
      const given = PendingExecution.promised(answer(slot, dependencies));
      if (watches.length > 0) {
        const release = (): void => {
          for (const watch of watches) watch.cancel();
        };
        if (given instanceof Promise) given.then(release, release);
        else release();
      }
      answered.set(slot, given);
      if (this.#depended.has(slot)) {
        if (given instanceof Promise) {
          given.then(
            (result) => {
              this.#ended(slot, result);
            },
            () => undefined,
          );
        } else this.#ended(slot, given);
      }
    }
    return selected.map((slot) => answered.get(slot) as Answer);
  }

  /** Watches `dependency`'s next execution (see {@link DependencyGate.answer}). */
  #watch(dependency: S): Watch {
    let watchers = this.#watchers.get(dependency);
    if (watchers === undefined) {
      watchers = new Set();
      this.#watchers.set(dependency, watchers);
    }
    const own = watchers;
    let fire: (result: CheckResult) => void = () => undefined;
    const failed = new Promise<CheckResult>((resolve) => {
      fire = resolve;
    });
    own.add(fire);
    return {
      failed,
      cancel: () => {
        own.delete(fire);
      },
    };
  }

  /** An execution of `dependency` ended: the watches of its next execution learn whether it failed, and end. */
  #ended(dependency: S, result: CheckResult): void {
    const watchers = this.#watchers.get(dependency);
    if (watchers === undefined || watchers.size === 0) return;
    this.#watchers.delete(dependency);
    if (result.status !== 'fail') return;
    for (const fire of watchers) fire(result);
  }

  /**
   * The first failure among the dependencies already known (a result, not
   * a promise), if any: the check then is not started at all.
   */
  static knownFailure(dependencies: readonly Promised[]): CheckResult | undefined {
    // An indexed loop: no iterator made per execution (every execution asks, most with no dependencies).
    for (let index = 0; index < dependencies.length; index += 1) {
      const dependency = dependencies[index] as Promised;
      if (!(dependency instanceof Promise) && dependency.status === 'fail') return dependency;
    }
    return undefined;
  }

  /**
   * Combines a check's own answer with its dependencies' answers: the
   * first dependency to end failed blocks it, at that moment (`onBlocked`
   * is called, to abort its execution) and whatever its own outcome; when
   * none fails, its own answer stands once they have all ended. Ready at
   * once when every input is; never rejects (a dependency that rejects, as
   * none should, counts as not failed; an own answer that rejects becomes an
   * `unknown error`). A dependency watched by {@link DependencyGate.answer}
   * blocks it the same way if its next execution fails before its own
   * answer is in; it is never waited for.
   *
   * @param definition - The check.
   * @param answer - Its own answer.
   * @param dependencies - What its dependencies answer in the same run.
   * @param startedAt - When it started (`performance.now()`), for a blocked result's duration.
   * @param onBlocked - Called once, when a dependency blocks it.
   */
  static combine(definition: CheckDefinition, answer: Answer, dependencies: readonly Promised[], startedAt: number, onBlocked?: () => void): Answer {
    const own = PendingExecution.promised(answer);
    const known = DependencyGate.knownFailure(dependencies);
    if (known !== undefined) {
      onBlocked?.();
      return blockedResult(definition, own instanceof Promise ? performance.now() - startedAt : 0, known);
    }
    const waiting = dependencies.filter((dependency): dependency is Promise<CheckResult> => dependency instanceof Promise);
    const watches = own instanceof Promise ? (watchesOf.get(dependencies) ?? []) : [];
    if (waiting.length === 0 && watches.length === 0) return own;
    return new Promise<CheckResult>((resolve) => {
      let remaining = waiting.length;
      let ownResult: CheckResult | undefined = own instanceof Promise ? undefined : own;
      let blocked = false;
      // once blocked, `remaining` never reaches 0 (the failed dependency is not counted), so this cannot resolve again;
      // once resolved, a watch that fires later (see answer) must not block it nor abort it
      const maybeFinish = (): void => {
        if (remaining === 0 && ownResult !== undefined) {
          blocked = true;
          resolve(ownResult);
        }
      };
      const dependencyEnded = (result: CheckResult | undefined): void => {
        if (blocked) return;
        if (result?.status === 'fail') {
          blocked = true;
          onBlocked?.();
          resolve(blockedResult(definition, performance.now() - startedAt, result));
          return;
        }
        remaining -= 1;
        maybeFinish();
      };
      for (const dependency of waiting) {
        dependency.then(dependencyEnded, () => {
          dependencyEnded(undefined);
        });
      }
      // a watch resolves only with a failure, so it is not counted in `remaining`
      for (const watch of watches) void watch.failed.then(dependencyEnded);
      if (own instanceof Promise) {
        own.then(
          (result) => {
            ownResult = result;
            maybeFinish();
          },
          (error: unknown) => {
            // the service's executions never reject; should one, it is an unknown error, never a hang
            ownResult = internalFailure(definition, error);
            maybeFinish();
          },
        );
      }
    });
  }
}

const noDependencies: readonly Promised[] = Object.freeze([]);
