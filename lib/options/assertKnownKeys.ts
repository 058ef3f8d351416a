/**
 * @internal Throws a TypeError naming the first key of `options` not in
 * `known` (catches typos like `timout`): `<where>: unknown option 'timout'
 * (expected one of: timeoutMs, tags)`. {@link validateOptions} words every
 * unknown option this way.
 *
 * @param prefix - Put before the key for a nested object (`background.`).
 */
export function assertKnownKeys(options: object, known: readonly string[], where: string, prefix = ''): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`${where}: unknown option '${prefix}${key}' (expected one of: ${known.join(', ')})`);
    }
  }
}
