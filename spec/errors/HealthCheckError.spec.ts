import { expect } from 'chai';
import { HealthCheckError, ServiceReturnedUnexpectedResult, ServiceUnavailable, ServiceWarning } from 'pulsecheck';

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
});
