import { expect } from 'chai';
import { HEALTH_ENDPOINTS_DEFAULTS } from 'pulsecheck';
import { readSource } from '../support/documentedDefaults.js';
import { expectDefaultsLinked } from '../support/expectDefaultsLinked.js';

describe('HEALTH_ENDPOINTS_DEFAULTS', () => {
  it('should show everything by default, as existing monitors expect', () => {
    expect(HEALTH_ENDPOINTS_DEFAULTS.detail).to.equal('full');
  });

  it('should be what the options\' TSDoc links as @defaultValue, for every option it holds, instead of a quoted value', () => {
    expectDefaultsLinked('HEALTH_ENDPOINTS_DEFAULTS', HEALTH_ENDPOINTS_DEFAULTS, 'lib/http/HealthEndpointsOptions.ts');
  });

  it('should be what the HTTP guide quotes', () => {
    const guide = readSource('docs/guides/http.md').replace(/\s+/g, ' ');
    expect(guide).to.include(`\`detailTimeoutMs\` (default ${HEALTH_ENDPOINTS_DEFAULTS.detailTimeoutMs} ms;`);
    expect(guide).to.include(`| \`${String(HEALTH_ENDPOINTS_DEFAULTS.detail)}\` (default) |`);
  });
});
