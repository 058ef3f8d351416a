import { expect } from 'chai';
import { FAULT_PROXY_DEFAULTS } from 'pulsecheck/testing';
import { readSource } from '../support/documentedDefaults.js';
import { expectDefaultsLinked } from '../support/expectDefaultsLinked.js';

describe('FAULT_PROXY_DEFAULTS', () => {
  it('should start a proxy passing traffic through', () => {
    expect(FAULT_PROXY_DEFAULTS.fault).to.equal('pass');
  });

  it('should be what the options\' TSDoc links as @defaultValue, for every option it holds, instead of a quoted value', () => {
    expectDefaultsLinked('FAULT_PROXY_DEFAULTS', FAULT_PROXY_DEFAULTS, 'lib/testing/FaultProxy.ts');
  });

  it('should be what the testing guide quotes', () => {
    const guide = readSource('docs/guides/testing-checks.md').replace(/\s+/g, ' ');
    expect(guide).to.include(`\`stallAfterBytes\` (${FAULT_PROXY_DEFAULTS.stallAfterBytes}) bytes`);
    expect(guide).to.include(`\`delayMs\` (${FAULT_PROXY_DEFAULTS.delayMs}) late`);
  });
});
