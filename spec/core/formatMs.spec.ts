import { expect } from 'chai';
import { formatMs } from '#lib/core/formatMs.js';

describe('formatMs', () => {
  it('writes a duration with the precision that matters at its scale', () => {
    expect([0.5, 3.374, 150, 690.04, 1500, 59_999, 150_000].map(formatMs)).to.deep.equal(['0.50 ms', '3.37 ms', '150.0 ms', '690.0 ms', '1.50 s', '60.00 s', '2.5 min']);
  });

  it('writes what is not a finite number as given, never throwing', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY].map(formatMs)).to.deep.equal(['NaN ms', 'Infinity ms']);
  });
});
