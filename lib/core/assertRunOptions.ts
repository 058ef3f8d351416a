import { assertOptions } from '../options/assertOptions.js';
import { assertOptionsObject } from '../options/assertOptionsObject.js';
import { describeValue } from '../options/describeValue.js';
import { RUN_OPTIONS_SCHEMA, type RunOptions } from './RunOptions.js';

/** @internal The check names a run may select from: a `Set` of names or a `Map` keyed by name. */
export interface KnownCheckNames {
  has(name: string): boolean;
  keys(): Iterable<string>;
}

/**
 * @internal The one check of {@link RunOptions}, for `HealthService.run`
 * and every route table: an object (`undefined` is refused), then the rules of {@link RUN_OPTIONS_SCHEMA} (read by
 * {@link assertOptions}, so in its order and its words: an object, known
 * keys, then `tags`, `names`, `probe`, `fresh`, `history`), then, when
 * `known` is given, every name in `names` must be a check there (RangeError
 * `<where>: no check named 'Databse' (known: Database)`). Copies nothing:
 * `run()` with no options costs what it did.
 *
 * @param options - The run options given.
 * @param where - The function the user called (`HealthService.run`), or it and the route (`healthEndpoints: route '/ready'`).
 * @param known - The service's check names, or `undefined` to skip the name rule.
 * @throws TypeError for options that are not an object, an unknown key, malformed `tags` or `names`, a `fresh` or `history` that is not a boolean.
 * @throws RangeError for an unknown probe or check name.
 */
export function assertRunOptions(options: unknown, where: string, known: KnownCheckNames | undefined): asserts options is RunOptions {
  // Run options are an object (`run()` defaults them to {}): undefined is refused in the words of any non-object.
  if (options === undefined) assertOptionsObject(null, where, undefined, 'options', describeValue(options));
  assertOptions(RUN_OPTIONS_SCHEMA, options, where);
  const names = (options as RunOptions).names;
  if (names === undefined || known === undefined) return;
  let unknown: string[] | undefined;
  for (const name of names) if (!known.has(name)) (unknown ??= []).push(name);
  if (unknown !== undefined) {
    const listed = [...known.keys()].join(', ') || '(none)';
    throw new RangeError(`${where}: no check named ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${listed})`);
  }
}
