import { expect } from 'chai';
import { sanitizeObservation } from '#lib/core/sanitizeObservation.js';
import { HealthCheckRegistry } from 'pulsecheck';
import { checkClass, serviceFor } from './fixtures.js';

describe('sanitizeObservation', () => {
  it('puts the key, a string value and the unit on one line and redacts them', () => {
    expect(sanitizeObservation('url\npostgres://u:hunter2@db', 'token=abc123 left', 'ms\r\nPGPASSWORD=x1')).to.deep.equal({
      key: 'url postgres://u:***@db',
      observation: { value: 'token=*** left', unit: 'ms PGPASSWORD=***' },
    });
  });

  it('cuts keys and units to 200 characters and string values to 500', () => {
    const { key, observation } = sanitizeObservation('k'.repeat(1_000), 'v'.repeat(1_000), 'u'.repeat(1_000));
    expect(key).to.have.length(200);
    expect(observation.value).to.have.length(500);
    expect(observation.unit).to.have.length(200);
  });

  it('keeps numbers and booleans, and returns a frozen observation', () => {
    const { observation } = sanitizeObservation('n', 1.5, 'ms');
    expect(observation).to.deep.equal({ value: 1.5, unit: 'ms' });
    expect(Object.isFrozen(observation)).to.equal(true);
    expect(sanitizeObservation('b', false, undefined).observation).to.deep.equal({ value: false });
  });

  it('refuses an empty or whitespace-only key, a bad value or a bad unit with a TypeError naming it', () => {
    expect(() => sanitizeObservation('', 1, undefined)).to.throw(TypeError, 'observe: key must be a non-empty string');
    expect(() => sanitizeObservation(' \n ', 1, undefined)).to.throw(TypeError, 'observe: key must be a non-empty string, not only whitespace');
    expect(() => sanitizeObservation('k', null, undefined)).to.throw(TypeError, "observe('k'): value must be a number, string or boolean, got null");
    expect(() => sanitizeObservation('k', 1, Symbol('u'))).to.throw(TypeError, "observe('k'): unit must be a string, got symbol");
    expect(() => sanitizeObservation('password=hunter2', {}, undefined)).to.throw(TypeError, "observe('password=***'): value must be");
  });

  it('is what observe() records in a run', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'observed', (context) => {
      context.observe('dsn postgres://app:s3cret@db/app', 'Authorization: Bearer abcdefgh123', 'ms');
    });
    const [check] = (await serviceFor(registry).run()).checks;
    expect(check?.observations).to.deep.equal({ 'dsn postgres://app:***@db/app': { value: 'Authorization: Bearer ***', unit: 'ms' } });
  });
});
