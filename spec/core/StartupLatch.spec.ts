import { expect } from 'chai';
import type { HealthReport } from 'pulsecheck';
import { buildReport } from '#lib/core/buildReport.js';
import { buildResult } from '#lib/core/buildResult.js';
import { StartupLatch } from '#lib/core/StartupLatch.js';
import { slot } from './unitFixtures.js';

function report(...names: string[]): HealthReport {
  return buildReport(Date.now(), performance.now(), names.map((name) => buildResult(slot(name).definition, 1, [], {})));
}

/** Checks as the latch reads them, by name. */
function slots(names: readonly string[]): { definition: { name: string } }[] {
  return names.map((name) => ({ definition: { name } }));
}

describe('StartupLatch', () => {
  it('answers startup runs only, never a fresh one, once a whole startup run passed', () => {
    const latch = new StartupLatch(true);
    expect(latch.replay({ probe: 'startup' }, slots(['A']))).to.equal(undefined);
    latch.keep({ probe: 'startup' }, report('A', 'B'));
    expect(latch.replay({ probe: 'startup' }, slots(['A', 'B']))?.map((result) => [result.name, result.cached])).to.deep.equal([
      ['A', true],
      ['B', true],
    ]);
    expect(latch.replay({ probe: 'readiness' }, slots(['A', 'B']))).to.equal(undefined);
    expect(latch.replay({}, slots(['A', 'B']))).to.equal(undefined);
    expect(latch.replay({ probe: 'startup', fresh: true }, slots(['A', 'B']))).to.equal(undefined);
  });

  it('replays only the selected checks', () => {
    const latch = new StartupLatch(true);
    latch.keep({ probe: 'startup' }, report('A', 'B'));
    expect(latch.replay({ probe: 'startup', names: ['B'] }, slots(['B']))?.map((result) => result.name)).to.deep.equal(['B']);
  });

  it('keeps neither a narrowed run, nor a failed one, nor anything when disabled', () => {
    const narrowed = new StartupLatch(true);
    narrowed.keep({ probe: 'startup', tags: ['x'] }, report('A'));
    narrowed.keep({ probe: 'startup', names: ['A'] }, report('A'));
    narrowed.keep({ probe: 'readiness' }, report('A'));
    const failed = buildReport(Date.now(), 0, [buildResult(slot('A').definition, 1, [{ kind: 'unavailable', message: 'down' }], {})]);
    narrowed.keep({ probe: 'startup' }, failed);
    const disabled = new StartupLatch(false);
    disabled.keep({ probe: 'startup' }, report('A'));
    expect([narrowed.latched, disabled.latched]).to.deep.equal([false, false]);
  });

  it('says it is latched once it keeps a run, and replays with the age since then as a difference', () => {
    const latch = new StartupLatch(true);
    expect(latch.latched).to.equal(false);
    latch.keep({ probe: 'startup' }, report('A'));
    expect(latch.latched).to.equal(true);
    const [replayed] = latch.replay({ probe: 'startup' }, slots(['A'])) ?? [];
    expect(replayed?.ageMs).to.be.within(0, 50);
  });
});
