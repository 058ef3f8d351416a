import { expect } from 'chai';
import { CheckSelector } from '#lib/core/CheckSelector.js';
import { slot } from './unitFixtures.js';

describe('CheckSelector', () => {
  const selector = new CheckSelector([slot('Loop', ['live']), slot('Db', ['ready', 'db']), slot('Queue'), slot('Boot', ['startup'])]);
  const names = (options: object): string[] => selector.select(options).map((selected) => selected.definition.name);

  it('selects by probe: liveness the live checks, readiness the ready and untagged ones, startup the startup ones', () => {
    expect(names({ probe: 'liveness' })).to.deep.equal(['Loop']);
    expect(names({ probe: 'readiness' })).to.deep.equal(['Db', 'Queue']);
    expect(names({ probe: 'startup' })).to.deep.equal(['Boot']);
  });

  it("selects each probe's checks once, and answers later probes with that selection, whatever came between", () => {
    const once = new CheckSelector([slot('Loop', ['live']), slot('Db', ['ready']), slot('Queue')]);
    const readiness = once.select({ probe: 'readiness' });
    expect(once.select({ probe: 'liveness' }).map((selected) => selected.definition.name)).to.deep.equal(['Loop']);
    expect(once.select({ probe: 'readiness', tags: ['ready'] }).map((selected) => selected.definition.name), 'narrowed: selected anew').to.deep.equal(['Db']);
    expect(once.select({ probe: 'readiness', fresh: true }), 'the same array: not filtered again').to.equal(readiness);
    expect(readiness.map((selected) => selected.definition.name)).to.deep.equal(['Db', 'Queue']);
    expect(once.select({}), 'no selector: every check').to.equal(once.all);
  });

  it('falls back to the readiness checks for startup when no check is tagged startup', () => {
    expect(new CheckSelector([slot('Db', ['ready']), slot('Loop', ['live'])]).select({ probe: 'startup' }).map((selected) => selected.definition.name)).to.deep.equal(['Db']);
  });

  it('requires every selector to match', () => {
    expect(names({ probe: 'readiness', tags: ['db'] })).to.deep.equal(['Db']);
    expect(names({ probe: 'liveness', names: ['Db'] })).to.deep.equal([]);
  });

  it('refuses an unknown name or probe with a RangeError, malformed options with a TypeError', () => {
    expect(() => names({ names: ['Dbb'] })).to.throw(RangeError, "no check named 'Dbb' (known: Loop, Db, Queue, Boot)");
    expect(() => names({ probe: 'alive' })).to.throw(RangeError, /probe must be one of liveness, readiness, startup/);
    expect(() => names({ tags: 'db' })).to.throw(TypeError, /tags must be an array/);
    expect(() => names({ fresh: 1 })).to.throw(TypeError, /fresh must be a boolean/);
    expect(() => names({ probes: 'x' })).to.throw(TypeError, /unknown option 'probes'/);
  });

  it('refuses two checks with one name', () => {
    expect(() => new CheckSelector([slot('Db'), slot('Db')])).to.throw(/two checks are named 'Db'/);
  });

  it('names the problem in each refusal', () => {
    for (const options of [null, 'fresh', 7]) {
      expect(() => selector.select(options as never), String(options)).to.throw(TypeError, 'HealthService.run: options must be an object');
    }
    expect(() => new CheckSelector([]).select({ names: ['A'] })).to.throw(RangeError, "HealthService.run: no check named 'A' (known: (none))");
    expect(() => names({ names: ['X', 'Y'] })).to.throw(RangeError, "HealthService.run: no check named 'X', 'Y' (known: Loop, Db, Queue, Boot)");
    expect(() => names({ tags: ['db', ''] })).to.throw(TypeError, 'HealthService.run: tags must be an array of non-empty strings');
  });
});
