import { expect } from 'chai';
import { selectChecks, type SelectableCheck } from '#lib/core/selectChecks.js';

const check = (name: string, tags: string[] = []): SelectableCheck => ({ name, tags });
const all = [check('Live', ['live']), check('Ready', ['ready']), check('Plain', ['db']), check('Boot', ['startup'])];
const names = (checks: readonly SelectableCheck[], run: object): string[] => selectChecks(checks, run, (item) => item).map((found) => found.name);

describe('selectChecks', () => {
  it('selects every check, in order, when given no selector', () => {
    expect(names(all, {})).to.deep.equal(['Live', 'Ready', 'Plain', 'Boot']);
  });

  it("selects by probe: liveness the 'live' checks, readiness the 'ready' ones and those with no probe tag, startup the 'startup' ones", () => {
    expect(names(all, { probe: 'liveness' })).to.deep.equal(['Live']);
    expect(names(all, { probe: 'readiness' })).to.deep.equal(['Ready', 'Plain']);
    expect(names(all, { probe: 'startup' })).to.deep.equal(['Boot']);
  });

  it("falls back to the readiness checks for startup when no check of the service is tagged 'startup'", () => {
    expect(names(all.slice(0, 3), { probe: 'startup' })).to.deep.equal(['Ready', 'Plain']);
  });

  it("asks whether any check of the service is tagged 'startup', not any selected one", () => {
    expect(names(all, { probe: 'startup', names: ['Ready'] })).to.deep.equal([]);
  });

  it('keeps a check with at least one of the tags, and requires every selector to match', () => {
    expect(names(all, { tags: ['db', 'live'] })).to.deep.equal(['Live', 'Plain']);
    expect(names(all, { probe: 'readiness', tags: ['db'] })).to.deep.equal(['Plain']);
    expect(names(all, { probe: 'liveness', names: ['Plain'] })).to.deep.equal([]);
  });

  it('reads names and tags through the view it is given, and returns the items themselves', () => {
    const slots = all.map((definition) => ({ definition }));
    const selected = selectChecks(slots, { probe: 'readiness' }, (slot) => slot.definition);
    expect(selected).to.deep.equal([slots[1], slots[2]]);
    expect(selected[0]).to.equal(slots[1]);
  });
});
