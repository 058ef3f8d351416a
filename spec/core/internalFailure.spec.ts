import { expect } from 'chai';
import { HealthCheck } from 'pulsecheck';
import { describeSafely, internalFailure } from '#lib/core/internalFailure.js';

const definition = Object.freeze({ target: HealthCheck, name: 'Db', critical: true, timeoutMs: undefined, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });

/** Runs `body` while `String.prototype.trim` throws, as if the description machinery itself were broken. */
function withBrokenTrim<T>(body: () => T): T {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as is
  const trim = String.prototype.trim;
  String.prototype.trim = () => {
    throw new Error('trim is broken');
  };
  try {
    return body();
  } finally {
    String.prototype.trim = trim;
  }
}

describe('internalFailure', () => {
  it('reports the failure as an unknown error of the check, with a description of what was thrown', () => {
    const result = internalFailure(definition, new Error('slot vanished'));
    expect(result.name).to.equal('Db');
    expect(result.status).to.equal('fail');
    expect(result.errors).to.deep.equal([{ kind: 'unknown error', message: 'the execution failed unexpectedly: slot vanished' }]);
  });

  it('still reports an unknown error, with a constant message, when building the error fails', () => {
    const result = withBrokenTrim(() => internalFailure(definition, new Error('slot vanished')));
    expect(result.name).to.equal('Db');
    expect(result.status).to.equal('fail');
    expect(result.output).to.equal('unknown error: the execution failed unexpectedly');
    expect(result.errors).to.deep.equal([{ kind: 'unknown error', message: 'the execution failed unexpectedly' }]);
  });
});

describe('describeSafely', () => {
  it('describes what was thrown as describeThrown does', () => {
    expect(describeSafely(new TypeError('bad input'))).to.equal('TypeError: bad input');
  });

  it('returns a constant when describing the value throws', () => {
    expect(withBrokenTrim(() => describeSafely(new Error('boom')))).to.equal('a value that cannot be described');
  });
});
