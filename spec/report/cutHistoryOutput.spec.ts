import { expect } from 'chai';
import fc from 'fast-check';
import { HISTORY_OUTPUT_MAX_LENGTH } from 'pulsecheck';
import { boundedOutput } from '#lib/core/ResultHistory.js';
import { cutHistoryOutput } from '#lib/report/cutHistoryOutput.js';

describe('cutHistoryOutput', () => {
  it('keeps a text of at most HISTORY_OUTPUT_MAX_LENGTH characters as it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: HISTORY_OUTPUT_MAX_LENGTH, unit: 'binary' }), (text) => {
        expect(cutHistoryOutput(text)).to.equal(text);
      }),
    );
  });

  it('cuts a longer text to HISTORY_OUTPUT_MAX_LENGTH characters ending in …, never between the halves of a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ minLength: HISTORY_OUTPUT_MAX_LENGTH + 1, maxLength: HISTORY_OUTPUT_MAX_LENGTH * 3, unit: 'binary' }), (text) => {
        const cut = cutHistoryOutput(text);
        expect(cut.length).to.be.at.most(HISTORY_OUTPUT_MAX_LENGTH);
        expect(cut.endsWith('…')).to.equal(true);
        const kept = cut.slice(0, -1);
        expect(text.startsWith(kept)).to.equal(true);
        const last = kept.charCodeAt(kept.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff, 'ends in a high surrogate').to.equal(false);
      }),
    );
  });

  it('is the rule the service keeps its history by, so the dashboard reads a hand-made report the same way', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: HISTORY_OUTPUT_MAX_LENGTH * 2, unit: 'binary' }), (text) => {
        expect(boundedOutput(text)).to.equal(cutHistoryOutput(text));
      }),
    );
  });
});
