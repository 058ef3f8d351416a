/**
 * Values a check may throw that break naive describing: each factory makes a
 * fresh one. Shared by the describeThrown, toCheckError and run() specs.
 */
const brand = Symbol.for('pulsecheck.HealthCheckError');

function throwing(): never {
  throw Object.create(null) as Error;
}

const everyTrap: ProxyHandler<object> = {
  get: throwing,
  has: throwing,
  ownKeys: throwing,
  getPrototypeOf: throwing,
  getOwnPropertyDescriptor: throwing,
  defineProperty: throwing,
  set: throwing,
  deleteProperty: throwing,
  isExtensible: throwing,
  preventExtensions: throwing,
  setPrototypeOf: throwing,
  apply: throwing,
  construct: throwing,
};

export const hostileValues: Record<string, () => unknown> = {
  'an Error whose message is a number': () => Object.assign(new Error(), { message: 42 }),
  'an Error whose message is an object': () => Object.assign(new Error(), { message: { nested: true } }),
  'an Error whose message getter throws': () => Object.defineProperty(new Error(), 'message', { get: throwing }),
  'an Error whose name getter throws': () => Object.defineProperty(new Error('x'), 'name', { get: throwing }),
  'an Error whose code getter throws': () => Object.defineProperty(new Error(''), 'code', { get: throwing }),
  'a Proxy that throws on every trap': () => new Proxy({}, everyTrap),
  'a Proxy of an Error that throws on every trap': () => new Proxy(new Error('x'), everyTrap),
  'a function Proxy that throws on every trap': () => new Proxy(() => undefined, everyTrap),
  'a revoked Proxy': () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  'Object.create(null)': (): unknown => Object.create(null) as object,
  'an AggregateError whose errors is null': () => Object.defineProperty(new AggregateError([], ''), 'errors', { value: null }),
  'an AggregateError whose errors getter throws': () => Object.defineProperty(new AggregateError([], ''), 'errors', { get: throwing }),
  'an AggregateError whose errors iterator throws': () =>
    Object.defineProperty(new AggregateError([], ''), 'errors', { value: { [Symbol.iterator]: throwing } }),
  'an AggregateError that contains itself': () => {
    const error = new AggregateError([], '');
    Object.defineProperty(error, 'errors', { value: [error, error] });
    return error;
  },
  'an AggregateError whose errors are a throwing Proxy': () => Object.defineProperty(new AggregateError([], ''), 'errors', { value: new Proxy([], everyTrap) }),
  'a HealthCheckError look-alike whose fields throw': () => {
    const value = Object.create(Error.prototype) as object;
    Object.defineProperty(value, brand, { value: true });
    for (const key of ['kind', 'message', 'name', 'code']) Object.defineProperty(value, key, { get: throwing });
    return value;
  },
  'a HealthCheckError look-alike with a bogus kind and a numeric message': () => Object.assign(Object.create(null) as object, { [brand]: true, kind: 'bogus-kind', message: 7 }),
  'an object whose toString, toPrimitive and toJSON throw': () => ({ toString: throwing, [Symbol.toPrimitive]: throwing, toJSON: throwing, valueOf: throwing }),
  'an object with a throwing toStringTag getter': () => Object.defineProperty({}, Symbol.toStringTag, { get: throwing }),
  'a circular object': () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    return value;
  },
  'a function whose name getter throws': () => Object.defineProperty(() => undefined, 'name', { get: throwing }),
  'a symbol': () => Symbol('hostile'),
  'a BigInt': () => 2n ** 200n,
  'a huge string': () => 'y'.repeat(5_000_000),
  'a huge string of whitespace': () => ' \n'.repeat(1_000_000),
  'a message of many lines': () => new Error('line\n'.repeat(10_000)),
  'an Error with a huge name': () => Object.assign(new Error('x'), { name: 'N'.repeat(1_000_000) }),
  'an object with many keys': () => Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, index])),
};
