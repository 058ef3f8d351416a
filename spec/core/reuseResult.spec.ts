import { expect } from 'chai';
import fc from 'fast-check';
import type { CheckResult } from 'pulsecheck';
import type { CheckDefinition } from '#lib/core/CheckDefinition.js';
import { blockedResult } from '#lib/core/blockedResult.js';
import { buildResult } from '#lib/core/buildResult.js';
import { REUSE_COPIED_KEYS, reuseResult } from '#lib/core/reuseResult.js';

/** What reuseResult must equal, key order included: the spread it replaces on its fast path. */
function spread(result: CheckResult, ageMs: number): CheckResult {
  return { ...result, cached: true, ageMs };
}

const definitions = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 8 }),
    critical: fc.boolean(),
    tags: fc.array(fc.constantFrom('live', 'ready', 'db'), { maxLength: 2 }).map((tags) => Object.freeze(tags)),
    description: fc.string({ maxLength: 8 }),
    componentType: fc.constantFrom('datastore' as const, 'system' as const),
    affectedEndpoints: fc.array(fc.constantFrom('/orders', '/pay'), { minLength: 1, maxLength: 2 }).map((endpoints) => Object.freeze(endpoints)),
  },
  { requiredKeys: ['name', 'critical', 'tags'] },
);

/** A result as each builder of the engine makes it: buildResult alone, blocked, flap-suppressed, with its history. */
const results = fc.tuple(definitions, fc.constantFrom('built', 'blocked', 'suppressed', 'history'), fc.boolean()).map(([fields, builder, failing]) => {
  const definition = Object.freeze({ target: class {}, timeoutMs: undefined, cacheTtlMs: undefined, ...fields }) as unknown as CheckDefinition;
  const built = buildResult(definition, 1.5, failing ? [{ kind: 'unavailable', message: 'refused' }] : [], {});
  if (builder === 'blocked') return blockedResult(definition, 0, { ...built, name: 'Root', status: 'fail' });
  if (builder === 'suppressed') return Object.freeze({ ...built, status: 'warn' as const, suppressed: Object.freeze({ observed: 'fail' as const, streak: 1, needed: 3 }) });
  if (builder === 'history') return Object.freeze({ ...built, history: Object.freeze({ name: built.name, capacity: 1, entries: Object.freeze([]) }) });
  return built;
});

describe('reuseResult', () => {
  it('equals the spread of the result with cached and ageMs, key order included, whichever builder made it', () => {
    fc.assert(
      fc.property(results, fc.double({ min: 0, max: 1e6, noNaN: true }), (result, ageMs) => {
        const reused = reuseResult(result, ageMs);
        expect(reused).to.deep.equal(spread(result, ageMs));
        expect(Object.keys(reused)).to.deep.equal(Object.keys(spread(result, ageMs)));
        expect(Object.isFrozen(reused)).to.equal(true);
      }),
    );
  });

  it('keeps every key a result can have, those it copies by hand included', () => {
    const keys = Object.keys(REUSE_COPIED_KEYS);
    expect(keys.filter((key) => REUSE_COPIED_KEYS[key as keyof CheckResult] === 'base')).to.deep.equal(['name', 'status', 'critical', 'tags', 'durationMs', 'output', 'errors', 'observations']);
    // buildResult's optional keys, in the order it sets them.
    const everything = buildResult(
      Object.freeze({ target: class {}, name: 'All', critical: true, tags: Object.freeze([]), timeoutMs: undefined, cacheTtlMs: undefined, description: 'd', componentType: 'datastore', affectedEndpoints: Object.freeze(['/a']) }) as unknown as CheckDefinition,
      1,
      [],
      {},
    );
    expect(Object.keys(everything).filter((key) => REUSE_COPIED_KEYS[key as keyof CheckResult] === 'built')).to.deep.equal(['description', 'componentType', 'affectedEndpoints']);
    expect(Object.keys(reuseResult(everything, 2))).to.deep.equal([...Object.keys(everything), 'cached', 'ageMs']);
  });

  it("spreads a result with any key its table marks 'other', keeping that key", () => {
    const built = buildResult(Object.freeze({ target: class {}, name: 'A', critical: true, tags: Object.freeze([]), timeoutMs: undefined, cacheTtlMs: undefined }) as unknown as CheckDefinition, 1, [], {});
    const others = Object.keys(REUSE_COPIED_KEYS).filter((key) => REUSE_COPIED_KEYS[key as keyof CheckResult] === 'other');
    expect(others, 'the spec covers every such key').to.have.length.above(0);
    for (const key of others) {
      const withKey = Object.freeze({ ...built, [key]: `a ${key}` }) as unknown as CheckResult;
      expect(reuseResult(withKey, 3), key).to.deep.equal(spread(withKey, 3));
      expect(Object.keys(reuseResult(withKey, 3)), key).to.deep.equal(Object.keys(spread(withKey, 3)));
    }
  });

  it('answers a result reused already with its new age, not a second cached key', () => {
    const once = reuseResult(buildResult(Object.freeze({ target: class {}, name: 'A', critical: true, tags: Object.freeze([]), timeoutMs: undefined, cacheTtlMs: undefined }) as unknown as CheckDefinition, 1, [], {}), 5);
    const twice = reuseResult(once, 9);
    expect(twice).to.include({ cached: true, ageMs: 9 });
    expect(Object.keys(twice).filter((key) => key === 'cached')).to.have.length(1);
  });
});
