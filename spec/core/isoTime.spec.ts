import { expect } from 'chai';
import fc from 'fast-check';
import { isoTime } from '#lib/core/isoTime.js';

describe('isoTime', () => {
  it('writes any time as Date#toISOString does, whatever came before it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8.64e15 }), { minLength: 1, maxLength: 20 }), (times) => {
        for (const ms of times) expect(isoTime(ms)).to.equal(new Date(ms).toISOString());
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
