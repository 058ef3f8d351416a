/**
 * fast-check arbitraries for the property-based specs: values a check or a
 * listener may throw (anything, plus hostile shapes that break naive
 * describing), check bodies (sync, async, thenable) with small timings, and
 * listener behaviours. Hostile values are made fresh when thrown, and are
 * printed by label in counterexamples (printing a Proxy that throws on every
 * trap would itself throw).
 */
import fc from 'fast-check';

/** How many runs each property makes: `FC_RUNS` when set (for a long local run), else `fallback`. */
export function numRuns(fallback: number): number {
  const given = Number.parseInt(process.env.FC_RUNS ?? '', 10);
  return Number.isSafeInteger(given) && given > 0 ? given : fallback;
}

/** A value to throw, made fresh on demand, printed by its label. */
export interface Thrown {
  readonly label: string;
  make(): unknown;
}

function thrown(label: string, make: () => unknown): Thrown {
  return { label, make, [fc.toStringMethod]: () => label } as Thrown;
}

function hostileProxy(): unknown {
  const fail = (trap: string) => (): never => {
    throw new Error(`${trap} trap`);
  };
  return new Proxy(
    {},
    {
      get: fail('get'),
      set: fail('set'),
      has: fail('has'),
      ownKeys: fail('ownKeys'),
      getPrototypeOf: fail('getPrototypeOf'),
      getOwnPropertyDescriptor: fail('getOwnPropertyDescriptor'),
      defineProperty: fail('defineProperty'),
      deleteProperty: fail('deleteProperty'),
      isExtensible: fail('isExtensible'),
      preventExtensions: fail('preventExtensions'),
      setPrototypeOf: fail('setPrototypeOf'),
    },
  );
}

function withThrowingGetter(key: 'message' | 'name' | 'stack' | 'code'): Error {
  const error = new Error('placeholder');
  Object.defineProperty(error, key, {
    get() {
      throw Object.create(null);
    },
  });
  return error;
}

/** Hostile values: each breaks a describer that assumes strings, prototypes or well-behaved properties. */
const hostile: readonly Thrown[] = [
  thrown('Object.create(null)', () => Object.create(null) as unknown),
  thrown('a Proxy that throws on every trap', hostileProxy),
  thrown('an Error whose message getter throws', () => withThrowingGetter('message')),
  thrown('an Error whose name getter throws', () => withThrowingGetter('name')),
  thrown('an Error whose code getter throws', () => withThrowingGetter('code')),
  thrown('an AggregateError whose errors is null', () => Object.assign(new AggregateError([], ''), { errors: null })),
  thrown('a HealthCheckError look-alike with a bogus kind', () => ({ name: 'HealthCheckError', kind: 'bogus-kind', message: 5 })),
  thrown('a thenable whose then throws', () => ({
    then() {
      throw new Error('then exploded');
    },
  })),
  thrown('an object whose toString and valueOf throw', () => ({
    toString() {
      throw new Error('toString');
    },
    valueOf() {
      throw new Error('valueOf');
    },
  })),
];

/** An Error whose message (or name) is not a string: anything fast-check makes. */
const oddError: fc.Arbitrary<Thrown> = fc
  .tuple(fc.constantFrom('message', 'name'), fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }))
  .map(([key, value]) => thrown(`an Error whose ${key} is ${fc.stringify(value)}`, () => Object.assign(new Error('placeholder'), { [key]: value })));

/** Anything a check or listener may throw: fc.anything() plus the hostile shapes. */
export const thrownValue: fc.Arbitrary<Thrown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true }).map((value) => thrown(fc.stringify(value), () => value)),
  fc.constantFrom(...hostile),
  oddError,
);

/** How a check body behaves. Delays are real, small timers (0-30 ms). */
export type BodySpec =
  | { readonly kind: 'returns' }
  | { readonly kind: 'throws'; readonly value: Thrown }
  | { readonly kind: 'resolves'; readonly delayMs: number }
  | { readonly kind: 'rejects'; readonly delayMs: number; readonly value: Thrown }
  | { readonly kind: 'hangs' }
  | { readonly kind: 'thenable resolves'; readonly delayMs: number }
  | { readonly kind: 'thenable rejects'; readonly delayMs: number; readonly value: Thrown }
  | { readonly kind: 'thenable then throws'; readonly value: Thrown }
  | { readonly kind: 'thenable never calls back' }
  | { readonly kind: 'reports'; readonly delayMs: number; readonly value: Thrown };

const delayMs = fc.integer({ min: 0, max: 30 });

export const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.constant({ kind: 'returns' as const }),
  fc.record({ kind: fc.constant('throws' as const), value: thrownValue }),
  fc.record({ kind: fc.constant('resolves' as const), delayMs }),
  fc.record({ kind: fc.constant('rejects' as const), delayMs, value: thrownValue }),
  fc.constant({ kind: 'hangs' as const }),
  fc.record({ kind: fc.constant('thenable resolves' as const), delayMs }),
  fc.record({ kind: fc.constant('thenable rejects' as const), delayMs, value: thrownValue }),
  fc.record({ kind: fc.constant('thenable then throws' as const), value: thrownValue }),
  fc.constant({ kind: 'thenable never calls back' as const }),
  fc.record({ kind: fc.constant('reports' as const), delayMs, value: thrownValue }),
);

/** The context a body may use (a subset of CheckContext, so this file depends on no library type). */
interface BodyContext {
  addError(error: unknown): void;
}

/**
 * Makes the check body `spec` describes. Its timers are tracked in `timers`
 * so a spec can clear the ones a timed-out body left behind (they belong to
 * the fake check, not to pulsecheck).
 */
export function makeBody(spec: BodySpec, timers: Set<NodeJS.Timeout>): (context: BodyContext) => unknown {
  const later = (ms: number, then: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      then();
    }, ms);
    timers.add(timer);
  };
  switch (spec.kind) {
    case 'returns':
      return () => undefined;
    case 'throws':
      return () => {
        throw spec.value.make();
      };
    case 'resolves':
      return () =>
        new Promise<void>((resolve) => {
          later(spec.delayMs, resolve);
        });
    case 'rejects':
      return () =>
        new Promise<void>((_resolve, reject) => {
          later(spec.delayMs, () => {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejecting with anything is the point
            reject(spec.value.make());
          });
        });
    case 'hangs':
      return () => new Promise<void>(() => undefined);
    case 'thenable resolves':
      return () => ({
        then(onFulfilled: (value: unknown) => void) {
          later(spec.delayMs, () => {
            onFulfilled(undefined);
          });
        },
      });
    case 'thenable rejects':
      return () => ({
        then(_onFulfilled: unknown, onRejected: (reason: unknown) => void) {
          later(spec.delayMs, () => {
            onRejected(spec.value.make());
          });
        },
      });
    case 'thenable then throws':
      return () => ({
        then() {
          throw spec.value.make();
        },
      });
    case 'thenable never calls back':
      return () => ({
        then() {
          return undefined;
        },
      });
    case 'reports':
      return (context) =>
        new Promise<void>((resolve) => {
          later(spec.delayMs, () => {
            context.addError(spec.value.make());
            resolve();
          });
        });
  }
}

/** One check of a property: its body, timeout (5-50 ms) and criticality. */
export interface CheckSpec {
  readonly body: BodySpec;
  readonly timeoutMs: number;
  readonly critical: boolean;
}

export const checkSpec: fc.Arbitrary<CheckSpec> = fc.record({
  body: bodySpec,
  timeoutMs: fc.integer({ min: 5, max: 50 }),
  critical: fc.boolean(),
});

/** What a status-change listener does when called. */
export interface ListenerSpec {
  readonly throws: Thrown | undefined;
  readonly unsubscribesItself: boolean;
  readonly unsubscribesTheNext: boolean;
  readonly subscribesAnother: boolean;
}

export const listenerSpec: fc.Arbitrary<ListenerSpec> = fc.record({
  throws: fc.option(thrownValue, { nil: undefined }),
  unsubscribesItself: fc.boolean(),
  unsubscribesTheNext: fc.boolean(),
  subscribesAnother: fc.boolean(),
});
