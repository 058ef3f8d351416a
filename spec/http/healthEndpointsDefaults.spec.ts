import { expect } from 'chai';
import { HEALTH_ENDPOINTS_DEFAULTS } from 'pulsecheck';
import { documentedDefaults, readSource } from '../support/documentedDefaults.js';

describe('HEALTH_ENDPOINTS_DEFAULTS', () => {
  it('should show everything by default, as existing monitors expect', () => {
    expect(HEALTH_ENDPOINTS_DEFAULTS.detail).to.equal('full');
  });

  it('should be what the options\' TSDoc links as @defaultValue, for every option it holds, instead of a quoted value', () => {
    const documented = documentedDefaults(readSource('lib/http/HealthEndpointsOptions.ts'));
    for (const option of Object.keys(HEALTH_ENDPOINTS_DEFAULTS)) {
      expect(documented.get(option), option).to.match(new RegExp(`^\\{@link HEALTH_ENDPOINTS_DEFAULTS\\}\`\\.${option}\``));
    }
  });

  it('should be what the HTTP guide quotes', () => {
    const guide = readSource('docs/guides/http.md').replace(/\s+/g, ' ');
    expect(guide).to.include(`\`detailTimeoutMs\` (default ${HEALTH_ENDPOINTS_DEFAULTS.detailTimeoutMs} ms;`);
    expect(guide).to.include(`| \`${String(HEALTH_ENDPOINTS_DEFAULTS.detail)}\` (default) |`);
  });
});
