import { expect } from 'chai';
import { assertCount, assertFailAfter, flapRule, freezeFailAfter } from '#lib/core/FlapRule.js';

describe('FlapRule', () => {
  describe('flapRule(failAfter, recoverAfter)', () => {
    it('is undefined when it would suppress nothing: one failure fails, one pass recovers', () => {
      expect(flapRule(undefined, undefined)).to.equal(undefined);
      expect(flapRule(1, 1)).to.equal(undefined);
      expect(flapRule({ count: 1 }, 1)).to.equal(undefined);
      expect(flapRule({ count: 1, durationMs: 0 }, undefined)).to.equal(undefined);
    });

    it('reads a count, a duration or both, defaulting the rest to one execution and no duration', () => {
      const cases: [Parameters<typeof flapRule>[0], number | undefined, object][] = [
        [3, undefined, { failCount: 3, failMs: 0, recoverCount: 1 }],
        [undefined, 2, { failCount: 1, failMs: 0, recoverCount: 2 }],
        [{ count: 4 }, undefined, { failCount: 4, failMs: 0, recoverCount: 1 }],
        [{ durationMs: 30_000 }, undefined, { failCount: 1, failMs: 30_000, recoverCount: 1 }],
        [{ count: 2, durationMs: 500 }, 5, { failCount: 2, failMs: 500, recoverCount: 5 }],
        [{ durationMs: 0 }, 3, { failCount: 1, failMs: 0, recoverCount: 3 }],
      ];
      for (const [failAfter, recoverAfter, expected] of cases) {
        const made = flapRule(failAfter, recoverAfter);
        expect(made, JSON.stringify([failAfter, recoverAfter])).to.deep.equal(expected);
        expect(Object.isFrozen(made)).to.equal(true);
      }
    });
  });

  describe('freezeFailAfter(value)', () => {
    it('keeps a count as it is', () => {
      expect(freezeFailAfter(3)).to.equal(3);
    });

    it('returns a frozen copy of an object, which later changes to the given one do not reach', () => {
      const given = { count: 2, durationMs: 500 };
      const frozen = freezeFailAfter(given);
      given.count = 9;
      expect(frozen).not.to.equal(given);
      expect(frozen).to.deep.equal({ count: 2, durationMs: 500 });
      expect(Object.isFrozen(frozen)).to.equal(true);
      expect(Object.isFrozen(given)).to.equal(false);
    });
  });

  describe('assertCount(value, option, owner)', () => {
    it('accepts a positive safe integer', () => {
      for (const value of [1, 2, Number.MAX_SAFE_INTEGER]) {
        expect(() => {
          assertCount(value, 'recoverAfter', 'X');
        }).not.to.throw();
      }
    });

    it('refuses anything else with a RangeError naming the option and the owner, and describing the value', () => {
      const refused: [unknown, string][] = [
        [0, '0 (number)'],
        [-1, '-1 (number)'],
        [1.5, '1.5 (number)'],
        [Number.MAX_SAFE_INTEGER + 1, '9007199254740992 (number)'],
        [Number.NaN, 'NaN (number)'],
        ['3', "'3'"],
        [null, 'null'],
        [undefined, 'undefined (undefined)'],
      ];
      for (const [value, shown] of refused) {
        expect(() => {
          assertCount(value, 'recoverAfter', 'X');
        }, shown).to.throw(RangeError).with.property('message', `X: recoverAfter must be a positive integer (a number of executions), got ${shown}`);
      }
    });
  });

  describe('assertFailAfter', () => {
    it('accepts a count, an object with a count, a duration or both', () => {
      for (const value of [1, 3, { count: 2 }, { durationMs: 0 }, { count: 2, durationMs: 30_000 }]) {
        expect(() => {
          assertFailAfter(value, 'failAfter', 'X');
        }).not.to.throw();
      }
    });

    it('refuses anything else, naming the option and the owner', () => {
      const cases: [unknown, ErrorConstructor, RegExp][] = [
        [0, RangeError, /^X: failAfter must be a positive integer \(a number of executions\), got 0 \(number\)$/],
        [1.5, RangeError, /failAfter must be a positive integer/],
        [Number.NaN, RangeError, /failAfter must be a positive integer/],
        ['3', TypeError, /^X: failAfter must be a count or an object \{ count\?, durationMs\? \}, got '3'$/],
        [null, TypeError, /failAfter must be a count or an object/],
        [[3], TypeError, /failAfter must be a count or an object/],
        [{}, TypeError, /^X: failAfter must give count, durationMs or both$/],
        [{ count: 0 }, RangeError, /^X: failAfter\.count must be a positive integer/],
        [{ durationMs: -1 }, RangeError, /^X: failAfter\.durationMs must be a non-negative finite number of milliseconds, got -1$/],
        [{ durationMs: 3e9 }, RangeError, /failAfter\.durationMs must be at most 2147483647 ms/],
        [{ count: 2, duration: 5 }, TypeError, /^X: unknown option 'failAfter.duration' \(expected one of: count, durationMs\)$/],
      ];
      for (const [value, type, message] of cases) {
        expect(() => {
          assertFailAfter(value, 'failAfter', 'X');
        }, JSON.stringify(value)).to.throw(type, message);
      }
    });
  });
});
