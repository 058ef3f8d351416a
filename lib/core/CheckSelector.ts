import type { CheckSlot } from './CheckSlot.js';
import { PROBES, isProbe } from './Probe.js';
import { RUN_OPTION_KEYS, type RunOptions } from './RunOptions.js';
import { selectChecks } from './selectChecks.js';
import { assertKnownKeys, assertTags } from './validateOptions.js';

/**
 * @internal Which checks a run selects: validates {@link RunOptions} (the
 * one place they are checked), then selects with {@link selectChecks}, the
 * one home of the selection rule (names, tags, the probes of {@link Probe}).
 */
export class CheckSelector {
  readonly #slots: readonly CheckSlot[];
  readonly #byName: ReadonlyMap<string, CheckSlot>;

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
    if (typeof options !== 'object' || options === null) throw new TypeError('HealthService.run: options must be an object');
    assertKnownKeys(options, RUN_OPTION_KEYS, 'HealthService.run');
    if (options.names !== undefined) {
      assertTags(options.names, 'names', 'HealthService.run');
      const unknown = options.names.filter((name) => !this.#byName.has(name));
      if (unknown.length > 0) {
        const known = [...this.#byName.keys()].join(', ') || '(none)';
        throw new RangeError(`HealthService.run: no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${known})`);
      }
    }
    if (options.tags !== undefined) assertTags(options.tags, 'tags', 'HealthService.run');
    if (options.probe !== undefined && !isProbe(options.probe)) {
      throw new RangeError(`HealthService.run: probe must be one of ${PROBES.join(', ')}, got ${String(options.probe)}`);
    }
    if (options.fresh !== undefined && typeof options.fresh !== 'boolean') throw new TypeError('HealthService.run: fresh must be a boolean');
    if (options.history !== undefined && typeof options.history !== 'boolean') throw new TypeError('HealthService.run: history must be a boolean');
    return selectChecks(this.#slots, options, definitionOfSlot);
  }
}

function definitionOfSlot(slot: CheckSlot): CheckSlot['definition'] {
  return slot.definition;
}
