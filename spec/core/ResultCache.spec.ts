import type { CheckSlot } from '#lib/core/CheckSlot.js';
import { expect } from 'chai';
import { buildResult } from '#lib/core/buildResult.js';
import { ResultCache } from '#lib/core/ResultCache.js';
import { slot } from './unitFixtures.js';

describe('ResultCache', () => {
  // A slot belongs to one service: each spec gets its own, so no unit sees another's state on it.
  let key = slot('Db');
  beforeEach(() => {
    key = slot('Db');
  });
  const result = buildResult(key.definition, 3, [], {});

  it('reuses a result younger than the TTL, with its age as a difference', () => {
    const cache = new ResultCache<CheckSlot>();
    cache.record(key, result, 1_000_000);
    expect(cache.reuse(key, 500, 1_000_499)).to.include({ cached: true, ageMs: 499, durationMs: 3 });
    expect(cache.reuse(key, 500, 1_000_500)).to.equal(undefined);
    expect(cache.latest(key)).to.deep.equal({ result, finishedAt: 1_000_000 });
  });

  it('never reuses with a TTL of 0, nor without a result', () => {
    const cache = new ResultCache<CheckSlot>();
    expect(cache.reuse(key, 500, 0)).to.equal(undefined);
    cache.record(key, result, 10);
    expect(cache.reuse(key, 0, 10)).to.equal(undefined);
    expect(cache.reuse(key, 0, 9)).to.equal(undefined);
  });

  it('reuses a result the moment it is recorded, with age 0', () => {
    const cache = new ResultCache<CheckSlot>();
    cache.record(key, result, 1_000_000);
    expect(cache.reuse(key, 1, 1_000_000)).to.include({ cached: true, ageMs: 0 });
  });

  it('never reuses a result recorded after now (a clock that went back), which would have a negative age', () => {
    const cache = new ResultCache<CheckSlot>();
    cache.record(key, result, 1_000_000);
    expect(cache.reuse(key, 60_000, 999_999)).to.equal(undefined);
    expect(cache.reuse(key, 60_000, 0)).to.equal(undefined);
  });

  it('answers the latest result of each key, however many were recorded, each key on its own', () => {
    const cache = new ResultCache<CheckSlot>();
    const other = slot('Cache');
    const newer = buildResult(key.definition, 9, [], {});
    cache.record(key, result, 1);
    cache.record(other, result, 5);
    cache.record(key, newer, 2);
    expect(cache.latest(key)).to.deep.equal({ result: newer, finishedAt: 2 });
    expect(cache.latest(other)).to.deep.equal({ result, finishedAt: 5 });
    expect(cache.reuse(key, 10, 3)).to.include({ durationMs: 9, ageMs: 1 });
  });
});
