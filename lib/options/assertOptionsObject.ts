import { assertKnownKeys } from './assertKnownKeys.js';
import { describeValue } from './describeValue.js';

/**
 * @internal Throws a TypeError unless `options` is undefined or a plain
 * object (`<where>: options must be an object, got ...`); with `known`,
 * also unless every key is one of them (see {@link assertKnownKeys}).
 * {@link validateOptions} starts with it.
 *
 * @param option - How the object is named: `options`, or the parent option of a nested one.
 * @param shown - How the message names the value, when `options` stands for another (`null` for a required `undefined`).
 */
export function assertOptionsObject(options: unknown, where: string, known?: readonly string[], option = 'options', shown?: string): asserts options is object | undefined {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: ${option} must be an object, got ${shown ?? describeValue(options)}`);
  }
  if (known !== undefined) assertKnownKeys(options, known, where, option === 'options' ? '' : `${option}.`);
}
