import { expect } from 'chai';
import { HealthCheckError, ServiceReturnedUnexpectedResult, ServiceUnavailable, ServiceWarning, type CheckErrorKind } from 'pulsecheck';
import { hostileValues } from '../core/hostileValues.js';

describe('HealthCheckError', () => {
  const cases = [
    { make: (cause?: unknown) => new ServiceUnavailable('down', { cause }), name: 'ServiceUnavailable', kind: 'unavailable' },
    { make: (cause?: unknown) => new ServiceReturnedUnexpectedResult('odd', { cause }), name: 'ServiceReturnedUnexpectedResult', kind: 'unexpected result' },
    { make: (cause?: unknown) => new ServiceWarning('meh', { cause }), name: 'ServiceWarning', kind: 'warning' },
    { make: (cause?: unknown) => new HealthCheckError('base', { cause }), name: 'HealthCheckError', kind: 'unknown error' },
  ] as const;

  for (const { make, name, kind } of cases) {
    it(`${name} has kind '${kind}', its own name, and keeps its cause`, () => {
      const cause = new Error('root cause');
      const error = make(cause);
      expect(error).to.be.instanceOf(HealthCheckError).and.instanceOf(Error);
      expect(error.kind).to.equal(kind);
      expect(error.name).to.equal(name);
      expect(error.cause).to.equal(cause);
      expect(HealthCheckError.is(error)).to.equal(true);
    });
  }

  it('has no cause property when given none', () => {
    expect(new ServiceUnavailable('x')).to.not.have.property('cause');
  });

  it('recognises a HealthCheckError from another copy of the package with is()', () => {
    const foreign = Object.assign(new Error('x'), { kind: 'unavailable' });
    Object.defineProperty(foreign, Symbol.for('pulsecheck.HealthCheckError'), { value: true });
    expect(HealthCheckError.is(foreign)).to.equal(true);
    expect(HealthCheckError.is(new Error('x'))).to.equal(false);
    expect(HealthCheckError.is(null)).to.equal(false);
    expect(HealthCheckError.is('unavailable')).to.equal(false);
  });

  it('refuses a kind outside the five with a TypeError naming them', () => {
    const make = (kind: unknown) => () => new HealthCheckError('x', undefined, kind as CheckErrorKind);
    expect(make('bogus-kind')).to.throw(TypeError, "HealthCheckError: kind must be one of 'unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error', got 'bogus-kind'");
    expect(make(null)).to.throw(TypeError, /got null$/);
    expect(make(3)).to.throw(TypeError, /got number$/);
    for (const kind of ['unavailable', 'unexpected result', 'warning', 'timeout', 'unknown error'] as const) {
      expect(new HealthCheckError('x', undefined, kind).kind).to.equal(kind);
    }
  });

  it('is() never throws: a Proxy whose traps throw, or a revoked one, is not a HealthCheckError', () => {
    for (const [name, make] of Object.entries(hostileValues)) {
      expect(() => HealthCheckError.is(make()), name).not.to.throw();
    }
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(HealthCheckError.is(proxy)).to.equal(false);
    expect(HealthCheckError.is(new Proxy({}, { has: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } }))).to.equal(false);
  });

  it('names itself in String() and the stack, and lets a subclass name itself the plain way', () => {
    class QuotaExceeded extends ServiceWarning {
      override name = 'QuotaExceeded';
    }
    expect(String(new ServiceUnavailable('down'))).to.equal('ServiceUnavailable: down');
    expect(new ServiceWarning('slow').stack?.split('\n')[0]).to.equal('ServiceWarning: slow');
    const quota = new QuotaExceeded('90% used');
    expect([quota.name, quota.kind, String(quota)]).to.deep.equal(['QuotaExceeded', 'warning', 'QuotaExceeded: 90% used']);
    expect(HealthCheckError.is(quota)).to.equal(true);
  });
});
