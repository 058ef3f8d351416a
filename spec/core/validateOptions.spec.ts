import { expect } from 'chai';
import { HealthCheck } from 'pulsecheck';
import {
  assertHealthCheckClass,
  assertKnownKeys,
  assertNonNegativeMs,
  assertOptionsObject,
  assertPositiveMs,
  describeClass,
  describeValue,
} from '#lib/core/validateOptions.js';

class Probe extends HealthCheck {
  check(): void {}
}

describe('validateOptions', () => {
  it('describes every kind of value the way an error message names it', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      [[1], 'an array'],
      ['5', "'5'"],
      [5, '5 (number)'],
      [10n, '10 (bigint)'],
      [true, 'true (boolean)'],
      [undefined, 'undefined (undefined)'],
      [Symbol('s'), 'Symbol(s)'],
      [() => 1, 'a function'],
      [{}, 'an object'],
    ];
    for (const [value, described] of cases) expect(describeValue(value), described).to.equal(described);
  });

  it('describes a class by name, an anonymous class as such, and anything else by value and type', () => {
    expect(describeClass(Probe)).to.equal('class Probe');
    const anonymous = [function () {}][0];
    expect(describeClass(anonymous)).to.equal('an anonymous class');
    expect(describeClass(42)).to.equal('42 (number)');
    expect(describeClass(undefined)).to.equal('undefined (undefined)');
  });

  it('accepts a subclass of HealthCheck only, naming what it got', () => {
    expect(() => { assertHealthCheckClass(Probe, 'add'); }).not.to.throw();
    expect(() => { assertHealthCheckClass(class NotACheck {}, 'add'); }).to.throw(TypeError, 'add: class NotACheck does not extend HealthCheck');
    expect(() => { assertHealthCheckClass({ prototype: new Probe() }, 'add'); }).to.throw(TypeError, 'add: [object Object] (object) does not extend HealthCheck');
  });

  it('accepts a positive number of milliseconds up to the timer limit, and names anything else', () => {
    for (const good of [0.5, 1, 2_147_483_647]) expect(() => { assertPositiveMs(good, 'timeoutMs', 'X'); }).not.to.throw();
    const bad: [unknown, string][] = [
      [0, '0'],
      [-1, '-1'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      ['5', "'5'"],
      [null, 'null'],
      [undefined, 'undefined (undefined)'],
    ];
    for (const [value, got] of bad) {
      expect(() => { assertPositiveMs(value, 'timeoutMs', 'X'); }, got).to.throw(RangeError, `X: timeoutMs must be a positive finite number of milliseconds, got ${got}`);
    }
    expect(() => { assertPositiveMs(2_147_483_648, 'timeoutMs', 'X'); }).to.throw(RangeError, 'X: timeoutMs must be at most 2147483647 ms');
  });

  it('accepts zero too as a non-negative number of milliseconds, and names anything else', () => {
    for (const good of [0, 1, 2_147_483_647]) expect(() => { assertNonNegativeMs(good, 'cacheTtlMs', 'X'); }).not.to.throw();
    const bad: [unknown, string][] = [
      [-1, '-1'],
      [Number.NaN, 'NaN'],
      ['5', "'5'"],
      [true, 'true (boolean)'],
    ];
    for (const [value, got] of bad) {
      expect(() => { assertNonNegativeMs(value, 'cacheTtlMs', 'X'); }, got).to.throw(RangeError, `X: cacheTtlMs must be a non-negative finite number of milliseconds, got ${got}`);
    }
  });

  it('names an unknown option and the known ones', () => {
    expect(() => { assertKnownKeys({ timout: 1 }, ['timeoutMs', 'tags'], 'X'); }).to.throw(TypeError, "X: unknown option 'timout' (expected one of: timeoutMs, tags)");
  });

  it('takes no options as none, and refuses what is not a plain object', () => {
    expect(() => { assertOptionsObject(undefined, 'X', ['a']); }).not.to.throw();
    for (const [value, got] of [[null, 'null'], [[], 'an array'], ['a', "'a'"]] as [unknown, string][]) {
      expect(() => { assertOptionsObject(value, 'X'); }, got).to.throw(TypeError, `X: options must be an object, got ${got}`);
    }
  });
});
