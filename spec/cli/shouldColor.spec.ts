import { expect } from 'chai';
import { shouldColor } from '#lib/cli/shouldColor.js';

describe('shouldColor', () => {
  it('colours a terminal and not a pipe', () => {
    expect(shouldColor(true, {})).to.equal(true);
    expect(shouldColor(false, {})).to.equal(false);
    expect(shouldColor(undefined, {})).to.equal(false);
  });

  it('does not colour when NO_COLOR has any non-empty value, and ignores an empty one', () => {
    for (const value of ['1', '0', 'false', 'yes', ' ']) expect(shouldColor(true, { NO_COLOR: value }), value).to.equal(false);
    expect(shouldColor(true, { NO_COLOR: '' })).to.equal(true);
  });

  it('colours even a pipe with FORCE_COLOR, and never with FORCE_COLOR=0 or false', () => {
    for (const value of ['1', '2', '3', 'true']) expect(shouldColor(false, { FORCE_COLOR: value }), value).to.equal(true);
    for (const value of ['0', 'false', 'FALSE']) expect(shouldColor(true, { FORCE_COLOR: value }), value).to.equal(false);
    expect(shouldColor(false, { FORCE_COLOR: '' })).to.equal(false);
  });

  it('lets FORCE_COLOR beat NO_COLOR, as Node does', () => {
    expect(shouldColor(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).to.equal(true);
  });

  it('does not colour a dumb terminal', () => {
    expect(shouldColor(true, { TERM: 'dumb' })).to.equal(false);
  });
});
