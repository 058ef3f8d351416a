import { expect } from 'chai';
import fc from 'fast-check';
import { isoTime } from '#lib/core/isoTime.js';

/** `toISOString`'s answer for `ms`: its text, or the error it throws. */
function expected(ms: number): string | RangeError {
  try {
    return new Date(ms).toISOString();
  } catch (error) {
    return error as RangeError;
  }
}

function actual(ms: number): string | RangeError {
  try {
    return isoTime(ms);
  } catch (error) {
    return error as RangeError;
  }
}

describe('isoTime', () => {
  it('writes any time as Date#toISOString does, whatever came before it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8.64e15 }), { minLength: 1, maxLength: 20 }), (times) => {
        for (const ms of times) expect(isoTime(ms)).to.equal(new Date(ms).toISOString());
      }),
    );
  });

  it('writes runs of times close together (the same minute, the next one, a second apart) as Date#toISOString does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 253_402_300_799_999 }),
        fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: 1, maxLength: 30 }),
        (start, steps) => {
          let ms = start;
          for (const step of steps) {
            ms = Math.min(253_402_300_799_999, Math.max(0, ms + step));
            expect(isoTime(ms), String(ms)).to.equal(new Date(ms).toISOString());
          }
        },
      ),
    );
  });

  it('writes the edges of minutes, days, years and the four-digit years as Date#toISOString does', () => {
    const edges = [0, 1, 59_999, 60_000, 60_001, 86_399_999, 86_400_000, 951_782_399_999, 951_782_400_000, 1_767_225_599_999, 1_767_225_600_000, 253_402_300_799_999, 253_402_300_800_000];
    for (const ms of [...edges, ...edges.reverse()]) expect(isoTime(ms), String(ms)).to.equal(new Date(ms).toISOString());
  });

  it('answers as Date#toISOString does before 1970, after year 9999, between milliseconds, and throws its RangeError for an invalid time', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -8.64e15, max: -1 }), fc.integer({ min: 253_402_300_800_000, max: 8.64e15 }), fc.double({ min: -8.7e15, max: 8.7e15 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 8.64e15 + 1, -0)), (ms) => {
        const want = expected(ms);
        const got = actual(ms);
        if (typeof want === 'string') expect(got, String(ms)).to.equal(want);
        else expect(got, String(ms)).to.be.instanceOf(RangeError);
      }),
    );
  });

  it('answers a second call within the same millisecond with the text it made', () => {
    const now = Date.now();
    const first = isoTime(now);
    expect(isoTime(now)).to.equal(first);
    expect(isoTime(now + 1)).to.equal(new Date(now + 1).toISOString());
  });
});
