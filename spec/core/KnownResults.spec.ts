import { expect } from 'chai';
import { BackgroundScheduler } from '#lib/core/BackgroundScheduler.js';
import type { CheckSlot } from '#lib/core/CheckSlot.js';
import { buildResult } from '#lib/core/buildResult.js';
import { KnownResults } from '#lib/core/KnownResults.js';
import { ResultCache } from '#lib/core/ResultCache.js';
import { slot } from './unitFixtures.js';

describe('KnownResults', () => {
  const never = (): Promise<void> => new Promise<void>(() => undefined);

  it('knows nothing of a check without a TTL outside background mode, however recent its latest result', () => {
    const db = slot('Db');
    const cache = new ResultCache<CheckSlot>();
    cache.record(db, buildResult(db.definition, 1, [], {}), performance.now());
    expect(new KnownResults(new BackgroundScheduler<CheckSlot>(never), cache).of(db)).to.equal(undefined);
  });

  it('reuses a result younger than the check TTL, cached with its age', () => {
    const db = { ...slot('Db'), cacheTtlMs: 60_000 };
    const cache = new ResultCache<CheckSlot>();
    const known = new KnownResults(new BackgroundScheduler<CheckSlot>(never), cache);
    expect(known.of(db)).to.equal(undefined);
    cache.record(db, buildResult(db.definition, 1, [], {}), performance.now());
    expect(known.of(db)).to.include({ name: 'Db', status: 'pass', cached: true });
  });

  it('answers from background mode while it runs, even for a check without a TTL', async () => {
    const db = slot('Db');
    const cache = new ResultCache<CheckSlot>();
    const scheduler = new BackgroundScheduler<CheckSlot>(never);
    const known = new KnownResults(scheduler, cache);
    scheduler.start({ intervalMs: 60_000 }, [{ key: db, intervalMs: undefined, initialDelayMs: 5_000, timeoutMs: 100 }]);
    try {
      expect(known.of(db)).to.include({ status: 'warn' });
      cache.record(db, buildResult(db.definition, 1, [], {}), performance.now());
      expect(known.of(db)).to.include({ status: 'pass', cached: true });
    } finally {
      await scheduler.stop();
    }
  });
});
