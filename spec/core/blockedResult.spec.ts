import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheck, type CheckDefinition, type CheckError, type CheckResult } from 'pulsecheck';
import { blockedResult } from '#lib/core/blockedResult.js';
import { buildResult } from '#lib/core/buildResult.js';
import { makeCheckError } from '#lib/core/toCheckError.js';

/** A definition for check `name`. */
function definitionOf(name: string, extra: Partial<CheckDefinition> = {}): CheckDefinition {
  return Object.freeze({ target: HealthCheck, name, critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined, ...extra });
}

/** The failed result of check `name`, itself blocked by `blockedBy` when given. */
function failed(name: string, blockedBy?: string): CheckResult {
  const result = buildResult(definitionOf(name), 7, [makeCheckError('unavailable', 'down')], {});
  return blockedBy === undefined ? result : { ...result, blockedBy };
}

/** The one error of check 'Orders' blocked by `dependency` (itself blocked by `root` when given). */
function errorFor(dependency: string, root?: string): CheckError {
  const [error] = blockedResult(definitionOf('Orders'), 0, failed(dependency, root)).errors;
  if (error === undefined) throw new Error('a blocked result without an error');
  return error;
}

/** A name no other spec has used in this process. */
let made = 0;
function freshName(): string {
  made += 1;
  return `Fresh${String(made)}`;
}

describe('blockedResult', () => {
  describe('for a dependency that failed on its own', () => {
    const blockedByPostgres = (): CheckResult => blockedResult(definitionOf('Orders', { tags: Object.freeze(['ready']), description: 'the order book' }), 12, failed('Postgres'));

    it('fails with one unavailable error, blocked by the dependency, which is the root cause', () => {
      expect(blockedByPostgres()).to.deep.equal({
        name: 'Orders',
        status: 'fail',
        critical: true,
        tags: ['ready'],
        durationMs: 12,
        output: 'unavailable: blocked by Postgres',
        errors: [{ kind: 'unavailable', message: 'blocked by Postgres' }],
        observations: {},
        description: 'the order book',
        blockedBy: 'Postgres',
      });
    });

    it('is frozen, like every result', () => {
      const result = blockedByPostgres();
      expect(Object.isFrozen(result)).to.equal(true);
      expect(Object.isFrozen(result.errors[0])).to.equal(true);
    });
  });

  it('names the root cause when the dependency was itself blocked', () => {
    const result = blockedResult(definitionOf('Checkout'), 0, failed('Orders', 'Postgres'));
    expect(result.errors).to.deep.equal([{ kind: 'unavailable', message: 'blocked by Orders (root cause Postgres)' }]);
    expect(result.output).to.equal('unavailable: blocked by Orders (root cause Postgres)');
    expect(result.blockedBy).to.equal('Postgres');
  });

  it('keeps the blocked check\'s own criticality: a non-critical check stays non-critical', () => {
    expect(blockedResult(definitionOf('Recommendations', { critical: false }), 0, failed('Cache'))).to.include({ status: 'fail', critical: false, blockedBy: 'Cache' });
  });

  it('reads "blocked by <dependency>" and adds the root cause only when it is another check, for any names', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/);
    fc.assert(
      fc.property(name, fc.option(name, { nil: undefined }), (dependency, root) => {
        const message = root === undefined || root === dependency ? `blocked by ${dependency}` : `blocked by ${dependency} (root cause ${root})`;
        const result = blockedResult(definitionOf('Dependent'), 0, failed(dependency, root));
        expect(result.errors).to.deep.equal([{ kind: 'unavailable', message }]);
        expect(result.blockedBy).to.equal(root ?? dependency);
      }),
    );
  });

  describe('the errors it makes', () => {
    it('are made once per dependency and root cause, and shared by the results that follow', () => {
      const dependency = freshName();
      const root = freshName();
      const first = errorFor(dependency);
      expect(errorFor(dependency)).to.equal(first);
      const rooted = errorFor(dependency, root);
      expect(rooted).to.not.equal(first);
      expect(errorFor(dependency, root)).to.equal(rooted);
      // another dependency in between does not make it forget the first
      errorFor(freshName());
      expect(errorFor(dependency)).to.equal(first);
    });

    it('are forgotten all at once when 1,000 are held, so that made-up names cannot grow the memory, and the messages stay right', () => {
      const watched = freshName();
      let reference = errorFor(watched);
      const checkFresh = (): void => {
        const name = freshName();
        expect(errorFor(name)).to.deep.equal({ kind: 'unavailable', message: `blocked by ${name}` });
      };
      // find the moment the held errors are forgotten: the watched one is made anew after it
      let forgotten = false;
      for (let step = 0; step <= 1_000 && !forgotten; step += 1) {
        checkFresh();
        const now = errorFor(watched);
        forgotten = now !== reference;
        reference = now;
      }
      expect(forgotten, 'the errors were never forgotten in 1,001 distinct names').to.equal(true);
      expect(reference).to.deep.equal({ kind: 'unavailable', message: `blocked by ${watched}` });
      // two are held now (the last fresh one and the watched one): 998 more make 1,000, all kept
      for (let step = 0; step < 998; step += 1) checkFresh();
      expect(errorFor(watched), 'forgotten before 1,000 were held').to.equal(reference);
      // the 1,001st makes it forget them all
      checkFresh();
      const after = errorFor(watched);
      expect(after, 'still held after the 1,001st').to.not.equal(reference);
      expect(after).to.deep.equal({ kind: 'unavailable', message: `blocked by ${watched}` });
    });
  });
});
