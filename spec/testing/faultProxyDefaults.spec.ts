import { expect } from 'chai';
import { FAULT_PROXY_DEFAULTS } from 'pulsecheck/testing';
import { documentedDefaults, readSource } from '../support/documentedDefaults.js';

describe('FAULT_PROXY_DEFAULTS', () => {
  it('should start a proxy passing traffic through', () => {
    expect(FAULT_PROXY_DEFAULTS.fault).to.equal('pass');
  });

  it('should be what the options\' TSDoc links as @defaultValue, for every option it holds, instead of a quoted value', () => {
    const documented = documentedDefaults(readSource('lib/testing/FaultProxy.ts'));
    for (const option of Object.keys(FAULT_PROXY_DEFAULTS)) {
      expect(documented.get(option), option).to.match(new RegExp(`^\\{@link FAULT_PROXY_DEFAULTS\\}\`\\.${option}\``));
    }
  });

  it('should be what the testing guide quotes', () => {
    const guide = readSource('docs/guides/testing-checks.md').replace(/\s+/g, ' ');
    expect(guide).to.include(`\`stallAfterBytes\` (${FAULT_PROXY_DEFAULTS.stallAfterBytes}) bytes`);
    expect(guide).to.include(`\`delayMs\` (${FAULT_PROXY_DEFAULTS.delayMs}) late`);
  });
});
