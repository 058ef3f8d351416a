import { expect } from 'chai';
import { parseRetryAfter } from '#lib/notify/parseRetryAfter.js';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, as milliseconds from now', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(parseRetryAfter('2', now)).to.equal(2_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Mon, 07 Dec 2026 12:00:05 GMT', now)).to.equal(5_000);
    expect(parseRetryAfter('Mon, 07 Dec 2026 11:00:00 GMT', now)).to.equal(0);
  });

  it('answers undefined for a missing, malformed or overlong header', () => {
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter(undefined)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter('-1')).to.equal(undefined);
    expect(parseRetryAfter(`Mon, 07 Dec 2026 12:00:05 GMT${' '.repeat(100)}x`)).to.equal(undefined);
  });
});
