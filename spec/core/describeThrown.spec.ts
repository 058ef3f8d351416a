import { expect } from 'chai';
import { describeThrown } from '#lib/core/describeThrown.js';

describe('describeThrown', () => {
  it('uses the code of an error with an empty message', () => {
    expect(describeThrown(Object.assign(new Error(''), { code: 'ECONNRESET' }))).to.equal('ECONNRESET');
  });

  it('says "no message" for an error with neither message nor code', () => {
    expect(describeThrown(new Error(''))).to.equal('no message');
  });

  it('collapses duplicate inner errors of an AggregateError', () => {
    const inner = new Error('connect ECONNREFUSED 127.0.0.1:1');
    expect(describeThrown(new AggregateError([inner, inner], ''))).to.equal('AggregateError: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('truncates very long messages', () => {
    const text = describeThrown(new Error('x'.repeat(5_000)));
    expect(text.length).to.equal(500);
    expect(text.endsWith('…')).to.equal(true);
  });

  it('describes symbols, bigints, booleans, functions and empty objects', () => {
    expect(describeThrown(Symbol('s'))).to.equal('threw Symbol(s)');
    expect(describeThrown(10n)).to.equal('threw 10');
    expect(describeThrown(false)).to.equal('threw false');
    expect(describeThrown(function named() {})).to.equal('threw a function (named)');
    expect(describeThrown({})).to.equal('threw [object Object]');
    expect(describeThrown('   ')).to.equal('threw an empty string');
  });
});
