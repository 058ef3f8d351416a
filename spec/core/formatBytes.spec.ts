import { expect } from 'chai';
import { formatBytes } from '#lib/core/formatBytes.js';

describe('formatBytes', () => {
  it('writes bytes under a KiB as bytes, then binary units with two decimals under 10 and one beyond', () => {
    expect([0, 1, 1023, 1024, 1536, 10 * 1024, 4 * 1024 ** 3, 78.6 * 1024 ** 3, 8 * 1024 ** 5, 3 * 1024 ** 6].map(formatBytes)).to.deep.equal([
      '0 B', '1 B', '1023 B', '1.00 KiB', '1.50 KiB', '10.0 KiB', '4.00 GiB', '78.6 GiB', '8.00 PiB', '3072.0 PiB',
    ]);
  });

  it('writes what is not a finite number as given', () => {
    expect(formatBytes(Number.NaN)).to.equal('NaN B');
  });
});
