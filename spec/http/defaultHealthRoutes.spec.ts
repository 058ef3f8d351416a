import { expect } from 'chai';
import { DEFAULT_HEALTH_ROUTES } from 'pulsecheck';

describe('DEFAULT_HEALTH_ROUTES', () => {
  it('maps /health to every check and /health/{live,ready,startup} to the probes', () => {
    expect(DEFAULT_HEALTH_ROUTES).to.deep.equal({
      '/health': {},
      '/health/live': { probe: 'liveness' },
      '/health/ready': { probe: 'readiness' },
      '/health/startup': { probe: 'startup' },
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_HEALTH_ROUTES)).to.equal(true);
    expect(Object.values(DEFAULT_HEALTH_ROUTES).every((route) => Object.isFrozen(route))).to.equal(true);
  });
});
