import { expect } from 'chai';
import { CONFORMANCE_DEFAULTS, FAULTS } from 'pulsecheck/testing';
import { readSource } from '../support/documentedDefaults.js';
import { expectDefaultsLinked } from '../support/expectDefaultsLinked.js';

describe('CONFORMANCE_DEFAULTS', () => {
  it('should test every fault but pass, expecting unavailable when the dependency refuses or resets and timeout otherwise', () => {
    expect(CONFORMANCE_DEFAULTS.faults).to.deep.equal(FAULTS.filter((fault) => fault !== 'pass'));
    expect(CONFORMANCE_DEFAULTS.expect).to.deep.equal({ refuse: ['unavailable'], hang: ['timeout'], stall: ['timeout'], slow: ['timeout'], reset: ['unavailable'] });
  });

  it('should be what the options\' TSDoc links as @defaultValue, for every option it holds, instead of a quoted value', () => {
    expectDefaultsLinked('CONFORMANCE_DEFAULTS', CONFORMANCE_DEFAULTS, 'lib/testing/ConformanceOptions.ts');
  });

  it('should be what the testing guide quotes', () => {
    const guide = readSource('docs/guides/testing-checks.md').replace(/\s+/g, ' ');
    const { graceMs, abortedRuns, concurrency, settleMs } = CONFORMANCE_DEFAULTS;
    expect(guide).to.include(`(plus \`graceMs\`, ${graceMs} ms)`);
    expect(guide).to.include(`\`abortedRuns\` (${abortedRuns}) executions`);
    expect(guide).to.include(`\`concurrency\` (${concurrency}) at a time`);
    expect(guide).to.include(`\`settleMs\` (${settleMs / 1000} s)`);
  });
});
