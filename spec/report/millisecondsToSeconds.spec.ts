import { expect } from 'chai';
import fc from 'fast-check';
import { millisecondsToSeconds } from '#lib/report/millisecondsToSeconds.js';

const runs = Number(process.env['FC_RUNS'] ?? 200);

describe('millisecondsToSeconds', () => {
  it('moves the decimal point instead of dividing (1.507 ms is 0.001507 s, not 0.0015069999999999999)', () => {
    expect(String(millisecondsToSeconds(1.507))).to.equal('0.001507');
    expect(String(1.507 / 1000)).to.equal('0.0015069999999999999'); // what dividing printed
  });

  it('keeps numbers already written with an exponent', () => {
    expect(millisecondsToSeconds(1e-7)).to.equal(1e-10);
    expect(millisecondsToSeconds(5e21)).to.equal(5e18);
    expect(millisecondsToSeconds(1.5e-9)).to.equal(1.5e-12);
  });

  it('keeps zero, negative values, NaN and the infinities', () => {
    expect(millisecondsToSeconds(0)).to.equal(0);
    expect(millisecondsToSeconds(-2.5)).to.equal(-0.0025);
    expect(millisecondsToSeconds(Number.NaN)).to.be.NaN;
    expect(millisecondsToSeconds(Number.POSITIVE_INFINITY)).to.equal(Number.POSITIVE_INFINITY);
    expect(millisecondsToSeconds(Number.NEGATIVE_INFINITY)).to.equal(Number.NEGATIVE_INFINITY);
  });

  it('prints a duration kept to the microsecond with at most six decimals, the same digits shifted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000_000 }), (microseconds) => {
        const ms = microseconds / 1000;
        const seconds = String(millisecondsToSeconds(ms));
        const expected = (BigInt(microseconds) * 1000n).toString().padStart(10, '0'); // nanoseconds, at least 10 digits
        const whole = expected.slice(0, -9).replace(/^0+(?=\d)/, '');
        const fraction = expected.slice(-9).replace(/0+$/, '');
        expect(seconds).to.equal(fraction === '' ? whole : `${whole}.${fraction}`);
      }),
      { numRuns: runs },
    );
  });

  it('is within one part in 10^15 of the quotient for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (ms) => {
        const seconds = millisecondsToSeconds(ms);
        const quotient = ms / 1000;
        expect(Math.abs(seconds - quotient)).to.be.at.most(Math.abs(quotient) * 1e-15);
      }),
      { numRuns: runs },
    );
  });

  it('gives, for any whole number of microseconds, exactly the double that parsing the shifted decimal gives', () => {
    const shifted = (ms: number): number => {
      const text = String(ms);
      const exponent = text.indexOf('e');
      return exponent === -1 ? Number(`${text}e-3`) : Number(`${text.slice(0, exponent)}e${Number(text.slice(exponent + 1)) - 3}`);
    };
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 2e12 }), (micros) => {
        const ms = micros / 1000;
        expect(Object.is(millisecondsToSeconds(ms), shifted(ms)), `${ms} ms`).to.equal(true);
      }),
      { numRuns: runs * 10 },
    );
    expect(Object.is(millisecondsToSeconds(-0), 0)).to.equal(true);
    expect(millisecondsToSeconds(999_999_999.999)).to.equal(shifted(999_999_999.999));
  });
});
