const maxLength = 500;

/**
 * @internal A readable, single-line description of anything a check threw or
 * passed to `addError`: an `Error` (with its name when that says something,
 * and the inner errors of an `AggregateError` such as Node's dual-stack
 * connection failures), a string, `undefined`, `null`, a number, a plain object.
 */
export function describeThrown(value: unknown): string {
  return oneLine(describe(value, 0));
}

function describe(value: unknown, depth: number): string {
  if (value instanceof Error) return describeError(value, depth);
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? 'threw an empty string' : value;
    case 'undefined':
      return 'threw undefined';
    case 'number':
    case 'bigint':
    case 'boolean':
      return `threw ${String(value)}`;
    case 'symbol':
      return `threw ${value.toString()}`;
    case 'function':
      return `threw a function${value.name === '' ? '' : ` (${value.name})`}`;
    default:
      break;
  }
  if (value === null) return 'threw null';
  const message = (value as { message?: unknown }).message;
  if (typeof message === 'string' && message.trim() !== '') return message;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined && json !== '{}') return `threw ${json}`;
  } catch {
    // circular or otherwise unserialisable: fall through
  }
  return `threw ${Object.prototype.toString.call(value)}`;
}

function describeError(error: Error, depth: number): string {
  const code = (error as { code?: unknown }).code;
  let message = error.message.trim();
  if (message === '' && error instanceof AggregateError && depth < 2) {
    const inner = [...new Set((error.errors as unknown[]).map((item) => describe(item, depth + 1)))];
    message = inner.join('; ');
  }
  if (message === '') message = typeof code === 'string' ? code : 'no message';
  const name = error.name;
  const informativeName = name !== '' && name !== 'Error' && !message.startsWith(name);
  return informativeName ? `${name}: ${message}` : message;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
