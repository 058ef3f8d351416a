import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheck, type CheckResult, type HealthStatus } from 'pulsecheck';
import { buildResult } from '#lib/core/buildResult.js';
import { FlapFilter } from '#lib/core/FlapFilter.js';
import { flapRule, type FlapRule } from '#lib/core/FlapRule.js';
import { SlotState, type SlotKey } from '#lib/core/SlotState.js';
import { makeCheckError } from '#lib/core/toCheckError.js';
import { numRuns } from '../support/arbitraries.js';

const definition = Object.freeze({ target: HealthCheck, name: 'Db', critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });

/** A check's key, holding its own state (as a check slot of a service does). */
function keyOf(): SlotKey {
  return { state: new SlotState() };
}

/** One execution's own result with `status`. */
function executed(status: HealthStatus): CheckResult {
  if (status === 'pass') return buildResult(definition, 1, [], { latencyMs: { value: 3, unit: 'ms' } });
  if (status === 'warn') return buildResult(definition, 1, [makeCheckError('warning', 'slow')], {});
  return buildResult(definition, 1, [makeCheckError('unavailable', 'connect ECONNREFUSED')], {});
}

/** Feeds `statuses` (each at `t0 + index * stepMs`) through a fresh filter and returns the reported results. */
function feed(rule: FlapRule | undefined, statuses: readonly HealthStatus[], stepMs = 1_000): CheckResult[] {
  const filter = new FlapFilter();
  const db = keyOf();
  return statuses.map((status, index) => filter.apply(db, rule, executed(status), 5_000_000 + index * stepMs));
}

const rule = (failAfter: Parameters<typeof flapRule>[0], recoverAfter?: number): FlapRule => {
  const made = flapRule(failAfter, recoverAfter);
  if (made === undefined) throw new Error('expected a rule');
  return made;
};

describe('FlapFilter', () => {
  describe('having no rule (failAfter 1, recoverAfter 1)', () => {
    it('reports every result as it is, the very same object', () => {
      expect(flapRule(undefined, undefined)).to.equal(undefined);
      expect(flapRule(1, 1)).to.equal(undefined);
      expect(flapRule({ count: 1, durationMs: 0 }, undefined)).to.equal(undefined);
      const filter = new FlapFilter();
      const result = executed('fail');
      expect(filter.apply(keyOf(), undefined, result, 1)).to.equal(result);
    });
  });

  describe('having failAfter as a count', () => {
    it('reports the first failures as warn with the failure visible, and the Nth in a row as fail', () => {
      const [first, second, third] = feed(rule(3), ['fail', 'fail', 'fail']);
      expect(first).to.deep.include({ status: 'warn', output: 'unavailable: connect ECONNREFUSED' });
      expect(first?.errors).to.deep.equal([{ kind: 'unavailable', message: 'connect ECONNREFUSED' }]);
      expect(first?.suppressed).to.deep.equal({ observed: 'fail', streak: 1, needed: 3, forMs: 0 });
      expect(second?.suppressed).to.deep.equal({ observed: 'fail', streak: 2, needed: 3, forMs: 1_000 });
      expect(third).to.deep.include({ status: 'fail', output: 'unavailable: connect ECONNREFUSED' });
      expect(third).not.to.have.property('suppressed');
    });

    it('starts counting again after a pass or a warning in between', () => {
      const reported = feed(rule(2), ['fail', 'pass', 'fail', 'warn', 'fail', 'fail']);
      expect(reported.map((result) => result.status)).to.deep.equal(['warn', 'pass', 'warn', 'warn', 'warn', 'fail']);
      expect(reported[3]).not.to.have.property('suppressed');
    });

    it('keeps a failure confirmed through further failures', () => {
      expect(feed(rule(2), ['fail', 'fail', 'fail', 'fail']).map((result) => result.status)).to.deep.equal(['warn', 'fail', 'fail', 'fail']);
    });

    it('keeps the state of each key apart', () => {
      const filter = new FlapFilter();
      const [a, b] = [keyOf(), keyOf()];
      const twice = rule(2);
      expect(filter.apply(a, twice, executed('fail'), 1).status).to.equal('warn');
      expect(filter.apply(b, twice, executed('fail'), 2).status).to.equal('warn');
      expect(filter.apply(a, twice, executed('fail'), 3).status).to.equal('fail');
      expect(filter.apply(b, twice, executed('pass'), 4).status).to.equal('pass');
    });
  });

  describe('having failAfter as a duration', () => {
    it('reports fail once failing for durationMs, from the end of the first failure to the end of the latest', () => {
      const reported = feed(rule({ durationMs: 2_500 }), ['fail', 'fail', 'fail', 'fail'], 1_000);
      expect(reported.map((result) => result.status)).to.deep.equal(['warn', 'warn', 'warn', 'fail']);
      expect(reported[2]?.suppressed).to.deep.equal({ observed: 'fail', streak: 3, forMs: 2_000, neededMs: 2_500 });
    });

    it('confirms on the first failure that reaches it, however few executions that took', () => {
      expect(feed(rule({ durationMs: 30_000 }), ['fail', 'fail'], 60_000).map((result) => result.status)).to.deep.equal(['warn', 'fail']);
    });

    it('starts the clock again after a pass in between', () => {
      const reported = feed(rule({ durationMs: 1_500 }), ['fail', 'fail', 'pass', 'fail', 'fail', 'fail'], 1_000);
      expect(reported.map((result) => result.status)).to.deep.equal(['warn', 'warn', 'pass', 'warn', 'warn', 'fail']);
    });
  });

  describe('having failAfter with both a count and a duration', () => {
    it('confirms only when both are reached', () => {
      const both = rule({ count: 3, durationMs: 10_000 });
      expect(feed(both, ['fail', 'fail', 'fail', 'fail'], 1).map((result) => result.status)).to.deep.equal(['warn', 'warn', 'warn', 'warn']);
      expect(feed(both, ['fail', 'fail', 'fail'], 20_000).map((result) => result.status)).to.deep.equal(['warn', 'warn', 'fail']);
      expect(feed(both, ['fail'], 20_000)[0]?.suppressed).to.deep.equal({ observed: 'fail', streak: 1, needed: 3, forMs: 0, neededMs: 10_000 });
    });
  });

  describe('having recoverAfter', () => {
    it('keeps a failed check failing until N executions in a row did not fail, saying so', () => {
      const reported = feed(rule(1, 3), ['fail', 'pass', 'warn', 'pass', 'pass']);
      expect(reported.map((result) => result.status)).to.deep.equal(['fail', 'fail', 'fail', 'pass', 'pass']);
      expect(reported[1]).to.deep.include({ output: 'unavailable: recovering: 1 of 3 consecutive executions without failure (recoverAfter)' });
      expect(reported[1]?.suppressed).to.deep.equal({ observed: 'pass', streak: 1, needed: 3 });
      expect(reported[1]?.observations).to.deep.equal({ latencyMs: { value: 3, unit: 'ms' } });
      expect(reported[2]?.output).to.equal('unavailable: recovering: 2 of 3 consecutive executions without failure (recoverAfter)\nwarning: slow');
      expect(reported[2]?.suppressed).to.deep.equal({ observed: 'warn', streak: 2, needed: 3 });
      expect(reported[3]).not.to.have.property('suppressed');
    });

    it('starts counting again after a failure in between', () => {
      expect(feed(rule(1, 2), ['fail', 'pass', 'fail', 'pass', 'pass']).map((result) => result.status)).to.deep.equal(['fail', 'fail', 'fail', 'fail', 'pass']);
    });

    it('needs the failure confirmed by failAfter first, then counts passes', () => {
      expect(feed(rule(2, 2), ['fail', 'pass', 'fail', 'fail', 'pass', 'pass', 'fail']).map((result) => result.status)).to.deep.equal([
        'warn',
        'pass',
        'warn',
        'fail',
        'fail',
        'pass',
        'warn',
      ]);
    });
  });

  it('returns frozen results', () => {
    for (const result of feed(rule(2, 2), ['fail', 'fail', 'pass'])) {
      expect(Object.isFrozen(result)).to.equal(true);
      expect(Object.isFrozen(result.errors)).to.equal(true);
      if (result.suppressed !== undefined) expect(Object.isFrozen(result.suppressed)).to.equal(true);
    }
  });

  it('agrees with a reference model of the rules over random sequences of outcomes and gaps', () => {
    const observation = fc.record({ status: fc.constantFrom<HealthStatus>('pass', 'warn', 'fail', 'fail'), gapMs: fc.integer({ min: 0, max: 5_000 }) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12_000 })),
        fc.integer({ min: 1, max: 5 }),
        fc.array(observation, { maxLength: 60 }),
        (failCount, failMs, recoverCount, observations) => {
          const made = flapRule({ count: failCount, durationMs: failMs }, recoverCount);
          const filter = new FlapFilter();
          const key = keyOf();
          let now = 7_000_000;
          const actual = observations.map(({ status, gapMs }) => {
            now += gapMs;
            const reported = filter.apply(key, made, executed(status), now);
            return { status: reported.status, streak: reported.suppressed?.streak };
          });
          expect(actual).to.deep.equal(model(failCount, failMs, recoverCount, observations));
        },
      ),
      { numRuns: numRuns(500) },
    );
  });
});

/**
 * The rules, written independently of the filter: each reported status is
 * read off the history so far (the last non-failure, the last failure).
 */
function model(
  failCount: number,
  failMs: number,
  recoverCount: number,
  observations: readonly { status: HealthStatus; gapMs: number }[],
): { status: HealthStatus; streak: number | undefined }[] {
  const times: number[] = [];
  let t = 7_000_000;
  let failed = false;
  let lastNonFailure = -1;
  let lastFailure = -1;
  return observations.map(({ status, gapMs }, index) => {
    t += gapMs;
    times.push(t);
    if (status === 'fail') lastFailure = index;
    else lastNonFailure = index;
    if (!failed) {
      if (status !== 'fail') return { status, streak: undefined };
      const streak = index - lastNonFailure;
      const firstFailureAt = times[lastNonFailure + 1] ?? t;
      if (streak >= failCount && t - firstFailureAt >= failMs) {
        failed = true;
        return { status: 'fail', streak: undefined };
      }
      return { status: 'warn', streak };
    }
    if (status === 'fail') return { status: 'fail', streak: undefined };
    const streak = index - lastFailure;
    if (streak >= recoverCount) {
      failed = false;
      return { status, streak: undefined };
    }
    return { status: 'fail', streak };
  });
}
