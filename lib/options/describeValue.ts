/**
 * @internal Names a value in an error message: strings quoted, numbers with
 * their type, objects by kind. Total: it never throws and never reads a
 * property of `value`, so a hostile Proxy is described like any object.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `'${value}'`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return `${String(value)} (${typeof value})`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    default:
      return 'an object';
  }
}
