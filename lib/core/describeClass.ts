/** @internal Names the check in error messages, before its name is known: `class Db`, `an anonymous class`, or the value and its type. */
export function describeClass(target: unknown): string {
  if (typeof target === 'function' && target.name !== '') return `class ${target.name}`;
  if (typeof target === 'function') return 'an anonymous class';
  return `${String(target)} (${typeof target})`;
}
