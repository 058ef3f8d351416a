import { expect } from 'chai';
import { assertKnownKeys } from '#lib/options/assertKnownKeys.js';
import { assertOptionsObject } from '#lib/options/assertOptionsObject.js';
import { describeValue } from '#lib/options/describeValue.js';
import { optionRules } from '#lib/options/optionRules.js';

const assertPositiveMs = (value: unknown, option: string, where: string): void => {
  optionRules.positiveMs.check(value, option, where);
};
const assertNonNegativeMs = (value: unknown, option: string, where: string): void => {
  optionRules.nonNegativeMs.check(value, option, where);
};

describe('optionRules', () => {
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

  it('accepts a non-empty string only, naming what it got', () => {
    expect(() => { optionRules.nonEmptyString.check('db', 'host', 'X'); }).not.to.throw();
    for (const [value, got] of [['', "''"], ['  ', "'  '"], [5, '5 (number)'], [null, 'null']] as [unknown, string][]) {
      expect(() => { optionRules.nonEmptyString.check(value, 'host', 'X'); }, got).to.throw(TypeError, `X: host must be a non-empty string, got ${got}`);
    }
  });

  it('accepts an absolute http(s) URL, and never shows a string that does not parse (it may hold a secret)', () => {
    for (const good of ['https://a.example/x', new URL('http://b.example')]) expect(() => { optionRules.httpUrl.check(good, 'url', 'X'); }).not.to.throw();
    expect(() => { optionRules.httpUrl.check('not a url secret', 'url', 'X'); }).to.throw(TypeError, 'X: url must be an absolute http: or https: URL, got a string that is not one (16 characters)');
    expect(() => { optionRules.httpUrl.check('ftp://x', 'url', 'X'); }).to.throw(TypeError, 'X: url must be an absolute http: or https: URL, got a ftp: URL');
    expect(() => { optionRules.httpUrl.check(5, 'url', 'X'); }).to.throw(TypeError, 'X: url must be an absolute http: or https: URL, got 5 (number)');
  });

  it('accepts valid headers with string values, and names a bad header without showing its value', () => {
    expect(() => { optionRules.headers.check({ Authorization: 'Bearer x' }, 'headers', 'X'); }).not.to.throw();
    expect(() => { optionRules.headers.check([], 'headers', 'X'); }).to.throw(TypeError, 'X: headers must be an object of header names to string values, got an array');
    expect(() => { optionRules.headers.check({ 'bad name': 'secret' }, 'headers', 'X'); }).to.throw(TypeError, "X: headers['bad name'] must be a valid header name with a string value");
    expect(() => { optionRules.headers.check({ token: 5 }, 'headers', 'X'); }).to.throw(TypeError, "X: headers['token'] must be a valid header name with a string value");
    expect(() => { optionRules.headers.check({ token: 'a\nb' }, 'headers', 'X'); }).to.throw(TypeError).with.property('message').that.does.not.include('a\nb');
  });
});
