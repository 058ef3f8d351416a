import { expect } from 'chai';
import { checkedAt } from '#lib/render/checkedAt.js';
import { aReport, startedAt, working } from './fixtures.js';

describe('checkedAt', () => {
  it('is the report start for a fresh result', () => {
    const check = working('db');
    expect(checkedAt(aReport([check]), check)).to.equal(startedAt);
  });

  it('is the report start minus the age for a cached result', () => {
    const check = working('db', { cached: true, ageMs: 1500 });
    expect(checkedAt(aReport([check]), check)).to.equal('2025-03-04T05:06:05.589Z');
  });

  it('ignores an age without the cached flag', () => {
    const check = working('db', { ageMs: 1500 });
    expect(checkedAt(aReport([check]), check)).to.equal(startedAt);
  });

  it('is undefined when the report start is not a date', () => {
    const check = working('db');
    expect(checkedAt(aReport([check], { startedAt: 'yesterday-ish' }), check)).to.equal(undefined);
  });

  it('is undefined when the age pushes the time out of range', () => {
    const check = working('db', { cached: true, ageMs: 1e20 });
    expect(checkedAt(aReport([check]), check)).to.equal(undefined);
  });
});
