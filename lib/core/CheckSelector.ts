import type { CheckSlot } from './CheckSlot.js';
import { assertRunOptions } from './assertRunOptions.js';
import type { Probe } from './Probe.js';
import type { RunOptions } from './RunOptions.js';
import { selectChecks } from './selectChecks.js';
import { NO_RUN_OPTIONS } from './noRunOptions.js';

/**
 * @internal Which checks a run selects: validates {@link RunOptions} with
 * {@link assertRunOptions} (the one rule, which route tables read too), then selects with {@link selectChecks}, the
 * one home of the selection rule (names, tags, the probes of {@link Probe}).
 */
export class CheckSelector {
  readonly #slots: readonly CheckSlot[];
  readonly #byName: ReadonlyMap<string, CheckSlot>;
  /** The checks of each probe, selected on first use. */
  readonly #byProbe = new Map<Probe, readonly CheckSlot[]>();

  /** @throws Error when two checks share a name. */
  constructor(slots: readonly CheckSlot[]) {
    const byName = new Map<string, CheckSlot>();
    for (const slot of slots) {
      if (byName.has(slot.definition.name)) {
        throw new Error(`HealthService: two checks are named '${slot.definition.name}'; give one of them another name with registerHealthCheck({ name })`);
      }
      byName.set(slot.definition.name, slot);
    }
    this.#slots = slots;
    this.#byName = byName;
  }

  /** Every check, in registration order. */
  get all(): readonly CheckSlot[] {
    return this.#slots;
  }

  /**
   * The checks `options` selects, in registration order.
   *
   * @throws TypeError for options that are not an object, an unknown key,
   *   malformed `names` or `tags`, or a `fresh` or `history` that is not a boolean.
   * @throws RangeError for an unknown probe or check name.
   */
  select(options: RunOptions): readonly CheckSlot[] {
    // run() without options passes the engine's own frozen empty options: nothing to check.
    if (options === NO_RUN_OPTIONS) return this.#slots;
    assertRunOptions(options, 'HealthService.run', this.#byName);
    const { names, tags, probe } = options;
    if (names !== undefined || tags !== undefined) return selectChecks(this.#slots, options, definitionOfSlot);
    if (probe === undefined) return this.#slots;
    // A probe's checks never change (the checks and their tags are fixed when the service is built): selected
    // once per probe, not on every probe Kubernetes sends.
    let selected = this.#byProbe.get(probe);
    if (selected === undefined) {
      selected = Object.freeze(selectChecks(this.#slots, { probe }, definitionOfSlot));
      this.#byProbe.set(probe, selected);
    }
    return selected;
  }
}

function definitionOfSlot(slot: CheckSlot): CheckSlot['definition'] {
  return slot.definition;
}
