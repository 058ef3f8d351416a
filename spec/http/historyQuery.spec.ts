import { expect } from 'chai';
import { HISTORY_QUERY_REFUSAL, HISTORY_QUERY_VALUES, parseHistoryQuery } from '#lib/http/historyQuery.js';

describe('historyQuery', () => {
  describe('parseHistoryQuery', () => {
    it('should read each value of HISTORY_QUERY_VALUES as on or off, an absent one as undefined, anything else as invalid', () => {
      for (const value of HISTORY_QUERY_VALUES.on) expect(parseHistoryQuery(value), `'${value}'`).to.equal(true);
      for (const value of HISTORY_QUERY_VALUES.off) expect(parseHistoryQuery(value), `'${value}'`).to.equal(false);
      expect(parseHistoryQuery(null)).to.equal(undefined);
      expect(parseHistoryQuery(undefined)).to.equal(undefined);
      for (const value of ['yes', 'TRUE', ' 1', '2']) expect(parseHistoryQuery(value), `'${value}'`).to.equal('invalid');
    });
  });

  describe('HISTORY_QUERY_REFUSAL', () => {
    it('should keep the wording users see in the 400', () => {
      expect(HISTORY_QUERY_REFUSAL).to.equal('history must be 1, true, 0 or false');
    });

    it('should name every value a user can type after history=, in the order HISTORY_QUERY_VALUES lists them', () => {
      const typed = [...HISTORY_QUERY_VALUES.on, ...HISTORY_QUERY_VALUES.off].filter((value) => value !== '');
      const named = HISTORY_QUERY_REFUSAL.replace(/^history must be /, '').split(/, | or /);
      expect(named).to.deep.equal(typed);
    });
  });
});
