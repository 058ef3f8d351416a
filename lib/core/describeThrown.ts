import { displayText } from './displayText.js';

/** How deep the inner errors of an `AggregateError` (and of those) are described. */
const maxDepth = 2;

/** How many inner errors of one `AggregateError` are described. */
const maxInnerErrors = 10;

/** How much of a raw description is built before it is capped (see {@link displayText}). */
const rawBudget = 16 * 1024;

/**
 * @internal A readable, single-line, secret-redacted description of anything
 * a check threw or passed to `addError`: an `Error` (with its name when that
 * says something, and the inner errors of an `AggregateError` such as Node's
 * dual-stack connection failures), a string, `undefined`, `null`, a number, a
 * plain object.
 *
 * Total: it never throws, whatever the value (getters and Proxy traps that
 * throw, `Object.create(null)`, revoked proxies, an `AggregateError` that
 * contains itself, a non-string `message`), and it costs time linear in the
 * part of the value it looks at.
 */
export function describeThrown(value: unknown): string {
  return displayText(describeRaw(value));
}

/** @internal The description before it is capped, redacted and cut; never throws. */
export function describeRaw(value: unknown): string {
  try {
    return describe(value, 0, new Set());
  } catch {
    return 'threw a value that cannot be described';
  }
}

function describe(value: unknown, depth: number, seen: Set<unknown>): string {
  switch (typeof value) {
    case 'string': {
      const text = capRaw(value);
      return text.trim() === '' ? 'threw an empty string' : text;
    }
    case 'undefined':
      return 'threw undefined';
    case 'number':
    case 'bigint':
    case 'boolean':
      return `threw ${String(value)}`;
    case 'symbol':
      return `threw ${attempt(() => value.toString(), 'a symbol')}`;
    case 'function': {
      const name = attempt(() => value.name, '');
      return `threw a function${typeof name === 'string' && name !== '' ? ` (${name})` : ''}`;
    }
    default:
      break;
  }
  if (value === null) return 'threw null';
  if (typeof value !== 'object') return 'threw a value of an unknown type';
  if (seen.has(value)) return '';
  seen.add(value);
  if (isError(value)) return describeError(value, depth, seen);
  const message = get(value, 'message');
  if (typeof message === 'string' && capRaw(message).trim() !== '') return capRaw(message);
  const json = boundedJson(value);
  if (json !== undefined && json !== '{}') return `threw ${json}`;
  return `threw ${attempt(() => Object.prototype.toString.call(value), '[object Object]')}`;
}

function describeError(error: object, depth: number, seen: Set<unknown>): string {
  let message = capRaw(messageOf(get(error, 'message'))).trim();
  if (message === '' && depth < maxDepth && attempt(() => error instanceof AggregateError, false)) {
    const inner = innerErrors(get(error, 'errors'))
      .map((item) => describe(item, depth + 1, seen))
      .filter((text) => text !== '');
    message = [...new Set(inner)].join('; ');
  }
  if (message === '') {
    const code = get(error, 'code');
    message = typeof code === 'string' && code !== '' ? code : 'no message';
  }
  const rawName = get(error, 'name');
  const name = typeof rawName === 'string' ? capRaw(rawName) : undefined;
  const informativeName = typeof name === 'string' && name !== '' && name !== 'Error' && !message.startsWith(name);
  return informativeName ? `${name}: ${message}` : message;
}

/** The message of an error, whatever its type (a number, an object, nothing). */
function messageOf(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message === undefined || message === null) return '';
  if (typeof message === 'object') {
    const json = boundedJson(message);
    return json === undefined || json === '{}' ? '' : json;
  }
  return attempt(() => String(message as number | bigint | boolean | symbol | ((...args: never[]) => unknown)), '');
}

/** The first inner errors of an AggregateError; nothing when `errors` is not an array or iterable. */
function innerErrors(errors: unknown): unknown[] {
  if (typeof errors !== 'object' || errors === null) return [];
  return attempt(() => {
    const items: unknown[] = [];
    if (Array.isArray(errors)) {
      const length = Math.min(errors.length, maxInnerErrors);
      for (let index = 0; index < length; index += 1) items.push(get(errors, index));
      return items;
    }
    const iterator = (errors as Partial<Iterable<unknown>>)[Symbol.iterator];
    if (typeof iterator !== 'function') return items;
    for (const item of errors as Iterable<unknown>) {
      items.push(item);
      if (items.length >= maxInnerErrors) break;
    }
    return items;
  }, []);
}

function isError(value: object): boolean {
  return attempt(() => value instanceof Error || Object.prototype.toString.call(value) === '[object Error]', false);
}

/** JSON of at most about {@link rawBudget} characters, or `undefined` when it cannot be made. */
function boundedJson(value: object): string | undefined {
  let budget = rawBudget;
  return attempt(() => {
    const json = JSON.stringify(value, (_key, item: unknown) => {
      if (budget <= 0) return undefined;
      budget -= typeof item === 'string' ? item.length + 8 : 8;
      return typeof item === 'bigint' ? `${item}n` : item;
    });
    return typeof json === 'string' ? json : undefined;
  }, undefined);
}

/** A string cut to {@link rawBudget} characters before any work on it. */
function capRaw(text: string): string {
  return text.length > rawBudget ? text.slice(0, rawBudget) : text;
}

function get(target: object, key: PropertyKey): unknown {
  return attempt(() => (target as Record<PropertyKey, unknown>)[key], undefined);
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
