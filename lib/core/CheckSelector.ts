import type { CheckSlot } from './CheckSlot.js';
import { PROBES, PROBE_TAGS, isProbe, type Probe } from './Probe.js';
import { RUN_OPTION_KEYS, type RunOptions } from './RunOptions.js';
import { assertKnownKeys, assertTags } from './validateOptions.js';

const probeTags: readonly string[] = Object.values(PROBE_TAGS);

/**
 * @internal Which checks a run selects: validates {@link RunOptions} (the
 * one place they are checked) and applies names, tags and the probe rules
 * (see {@link Probe}). With several selectors, a check must match them all.
 */
export class CheckSelector {
  readonly #slots: readonly CheckSlot[];
  readonly #byName: ReadonlyMap<string, CheckSlot>;
  readonly #anyStartupTag: boolean;

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
    this.#anyStartupTag = slots.some((slot) => slot.definition.tags.includes(PROBE_TAGS.startup));
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
    let slots = this.#slots;
    if (options.names !== undefined) {
      assertTags(options.names, 'names', 'HealthService.run');
      const unknown = options.names.filter((name) => !this.#byName.has(name));
      if (unknown.length > 0) {
        const known = [...this.#byName.keys()].join(', ') || '(none)';
        throw new RangeError(`HealthService.run: no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${known})`);
      }
      const wanted = new Set(options.names);
      slots = slots.filter((slot) => wanted.has(slot.definition.name));
    }
    if (options.tags !== undefined) {
      assertTags(options.tags, 'tags', 'HealthService.run');
      const wanted = options.tags;
      slots = slots.filter((slot) => slot.definition.tags.some((tag) => wanted.includes(tag)));
    }
    if (options.probe !== undefined) {
      if (!isProbe(options.probe)) {
        throw new RangeError(`HealthService.run: probe must be one of ${PROBES.join(', ')}, got ${String(options.probe)}`);
      }
      slots = this.#ofProbe(options.probe, slots);
    }
    if (options.fresh !== undefined && typeof options.fresh !== 'boolean') throw new TypeError('HealthService.run: fresh must be a boolean');
    if (options.history !== undefined && typeof options.history !== 'boolean') throw new TypeError('HealthService.run: history must be a boolean');
    return slots;
  }

  #ofProbe(probe: Probe, slots: readonly CheckSlot[]): readonly CheckSlot[] {
    switch (probe) {
      case 'liveness':
        return slots.filter((slot) => has(slot, PROBE_TAGS.liveness));
      case 'readiness':
        return slots.filter((slot) => has(slot, PROBE_TAGS.readiness) || !probeTags.some((tag) => has(slot, tag)));
      case 'startup':
        return this.#anyStartupTag ? slots.filter((slot) => has(slot, PROBE_TAGS.startup)) : this.#ofProbe('readiness', slots);
    }
  }
}

function has(slot: CheckSlot, tag: string): boolean {
  return slot.definition.tags.includes(tag);
}
