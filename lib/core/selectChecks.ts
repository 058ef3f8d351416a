import { PROBE_TAGS, type Probe } from './Probe.js';
import type { RunOptions } from './RunOptions.js';

/** @internal What selection reads of a check: its name and tags. */
export interface SelectableCheck {
  readonly name: string;
  readonly tags: readonly string[];
}

const probeTags: readonly string[] = Object.values(PROBE_TAGS);

/**
 * @internal The checks `run` selects, in the order of `all`: the one home of
 * the selection rule, which `HealthService.run` (through `CheckSelector`),
 * the OpenAPI description, the Postman collection and `verify-probes` all
 * call. With several selectors a check must match them all: `names`, then
 * `tags` (at least one of them), then the probe (see {@link Probe}):
 *
 * - `liveness`: checks tagged `live`;
 * - `readiness`: checks tagged `ready`, and those with none of the probe tags;
 * - `startup`: checks tagged `startup`, or the readiness checks when no check
 *   of `all` is tagged `startup`.
 *
 * Validates nothing: give it options already checked.
 *
 * @param all - Every check, in registration order.
 * @param run - The selection (`names`, `tags`, `probe`; other keys are ignored).
 * @param view - How to read a name and tags off an item of `all`.
 */
export function selectChecks<T>(all: readonly T[], run: Pick<RunOptions, 'names' | 'tags' | 'probe'>, view: (item: T) => SelectableCheck): readonly T[] {
  let selected = all;
  if (run.names !== undefined) {
    const wanted = new Set(run.names);
    selected = selected.filter((item) => wanted.has(view(item).name));
  }
  if (run.tags !== undefined) {
    const wanted = run.tags;
    selected = selected.filter((item) => view(item).tags.some((tag) => wanted.includes(tag)));
  }
  if (run.probe !== undefined) selected = ofProbe(all, selected, run.probe, view);
  return selected;
}

function ofProbe<T>(all: readonly T[], selected: readonly T[], probe: Probe, view: (item: T) => SelectableCheck): readonly T[] {
  const has = (item: T, tag: string): boolean => view(item).tags.includes(tag);
  switch (probe) {
    case 'liveness':
      return selected.filter((item) => has(item, PROBE_TAGS.liveness));
    case 'readiness':
      return selected.filter((item) => has(item, PROBE_TAGS.readiness) || !probeTags.some((tag) => has(item, tag)));
    case 'startup':
      return all.some((item) => has(item, PROBE_TAGS.startup)) ? selected.filter((item) => has(item, PROBE_TAGS.startup)) : ofProbe(all, selected, 'readiness', view);
  }
}
