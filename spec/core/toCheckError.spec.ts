import { expect } from 'chai';
import fc from 'fast-check';
import { makeCheckError, toCheckError } from '#lib/core/toCheckError.js';
import { HealthCheckError, ServiceUnavailable, ServiceWarning } from 'pulsecheck';
import { hostileValues } from './hostileValues.js';
import { redactionCorpus } from './redactionCorpus.js';

const kinds = ['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error'];
const numRuns = Number(process.env.FC_RUNS ?? 200);
const brand = Symbol.for('pulsecheck.HealthCheckError');

function throwing(): never {
  throw new Error('hostile');
}

/**
 * Anything, and the same wrapped the ways checks get it wrong. Generated as
 * factories: fast-check itself would trip over a Proxy whose traps throw.
 */
const thrownValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }).map((value) => () => value),
  fc.anything().map((message) => () => Object.assign(new Error(), { message })),
  fc.tuple(fc.string(), fc.anything()).map(([message, errors]) => () => Object.defineProperty(new AggregateError([], message), 'errors', { value: errors })),
  fc.array(fc.anything(), { maxLength: 5 }).map((errors) => () => new AggregateError(errors.map((item) => Object.assign(new Error(), { message: item })), '')),
  fc.tuple(fc.anything(), fc.anything()).map(([kind, message]) => () => ({ [brand]: true, kind, message })),
  fc.anything().map((target) => () => new Proxy(typeof target === 'object' && target !== null ? target : {}, { get: throwing, has: throwing, ownKeys: throwing, getPrototypeOf: throwing })),
  fc.constantFrom(...Object.values(hostileValues)),
  fc.tuple(fc.string(), fc.constantFrom(...redactionCorpus.map(({ text }) => text)), fc.string()).map(([before, secret, after]) => () => new Error(`${before}${secret}${after}`)),
  fc.string({ unit: fc.constantFrom(' ', '\n', '\r', '\t', '\u2028', 'a', '-', '/', ':', '@', '=', '"') }).map((text) => () => text),
);

describe('toCheckError', () => {
  it('for any thrown value, never throws and returns a frozen { kind of the five, one line of at most 500 characters }', () => {
    fc.assert(
      fc.property(thrownValue, fc.constantFrom(...kinds), (make, fallback) => {
        const error = toCheckError(make(), fallback as 'unavailable');
        expect(Object.isFrozen(error)).to.equal(true);
        expect(Object.keys(error).sort()).to.deep.equal(['kind', 'message']);
        expect(kinds).to.include(error.kind);
        expect(error.message).to.be.a('string').and.not.equal('');
        expect(error.message.length).to.be.at.most(500);
        expect(error.message).not.to.match(/[\n\r\v\f\u0085\u2028\u2029]/);
      }),
      { numRuns },
    );
  });

  it('keeps the kind and message of a HealthCheckError', () => {
    expect(toCheckError(new ServiceWarning('disk 91% full'))).to.deep.equal({ kind: 'warning', message: 'disk 91% full' });
    expect(toCheckError(new ServiceUnavailable('  '))).to.deep.equal({ kind: 'unavailable', message: 'unavailable' });
  });

  it('gives a blank message, whatever it is made of, the kind as its message', () => {
    for (const blank of ['', ' ', '\n\t', '\u0085', '\u2028 \u2029\r\n', ' '.repeat(20_000)]) {
      expect(makeCheckError('warning', blank), JSON.stringify(blank.slice(0, 8))).to.deep.equal({ kind: 'warning', message: 'warning' });
      expect(toCheckError(new ServiceUnavailable(blank))).to.deep.equal({ kind: 'unavailable', message: 'unavailable' });
      expect(toCheckError({ [brand]: true, kind: 'timeout', message: blank })).to.deep.equal({ kind: 'timeout', message: 'timeout' });
    }
  });

  it('cuts a HealthCheckError message of a megabyte to the display limit, redacted', () => {
    const error = toCheckError(new ServiceUnavailable(`password=hunter2 ${'x'.repeat(1024 * 1024)}`));
    expect(error.kind).to.equal('unavailable');
    expect(error.message).to.have.length(500);
    expect(error.message.startsWith('password=*** xxx')).to.equal(true);
  });

  it('reports a look-alike whose kind is outside the five as unknown error, its message kept', () => {
    const lookAlike = Object.assign(new Error('queue is gone'), { [brand]: true, kind: 'bogus-kind' });
    expect(toCheckError(lookAlike)).to.deep.equal({ kind: 'unknown error', message: 'queue is gone' });
    const mutated = new HealthCheckError('mutated later', undefined, 'timeout');
    (mutated as { kind: string }).kind = 'bogus-kind';
    expect(toCheckError(mutated)).to.deep.equal({ kind: 'unknown error', message: 'mutated later' });
  });

  it('describes a look-alike whose message is not a string or whose getters throw', () => {
    expect(toCheckError({ [brand]: true, kind: 'unavailable', message: 42 })).to.deep.equal({ kind: 'unavailable', message: '42' });
    const make = hostileValues['a HealthCheckError look-alike whose fields throw'] as () => unknown;
    expect(toCheckError(make())).to.deep.equal({ kind: 'unknown error', message: 'no message' });
  });

  it('redacts before it cuts, so a URL cut by the display limit shows no password', () => {
    const password = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const message = `${'x'.repeat(470)} postgres://user:${password}@db.example.com/app`;
    for (const error of [toCheckError(new Error(message)), toCheckError(new ServiceUnavailable(message)), makeCheckError('timeout', message)]) {
      expect(error.message).to.have.length(500);
      expect(error.message).not.to.include(password.slice(0, 4));
      expect(error.message).to.include('user:***@');
    }
  });

  it('writes a look-alike message that is a number, bigint or boolean as it reads, and describes one that is an object', () => {
    expect(toCheckError({ [brand]: true, kind: 'unavailable', message: 10n })).to.deep.equal({ kind: 'unavailable', message: '10' });
    expect(toCheckError({ [brand]: true, kind: 'unavailable', message: true })).to.deep.equal({ kind: 'unavailable', message: 'true' });
    expect(toCheckError({ [brand]: true, kind: 'unavailable', message: { code: 7 } }).message).not.to.equal('[object Object]');
  });
});
