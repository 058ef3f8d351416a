import { expect } from 'chai';
import { HealthCheckRegistry } from 'pulsecheck';
import { redactSplitSecrets } from '#lib/core/redactSplitSecrets.js';
import { makeCheckError } from '#lib/core/toCheckError.js';
import { checkClass, serviceFor } from './fixtures.js';

describe('redactSplitSecrets', () => {
  it('redacts a secret split across two errors, in the output and in the second error', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'split', (context) => {
      context.addError('auth failed: password=');
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a check may throw a string
      throw 'SplitSecret (continued)';
    });
    const [result] = (await serviceFor(registry).run()).checks;
    expect(result?.output).to.equal('unavailable: auth failed: password=\nunknown error: *** (continued)');
    expect(result?.errors.map((error) => error.message)).to.deep.equal(['auth failed: password=', '*** (continued)']);
    expect(JSON.stringify(result)).not.to.include('SplitSecret');
  });

  it('redacts after a dangling flag, bearer scheme or quote too', () => {
    const errors = ['run --password', 'SplitFlag1 then', 'Authorization: Bearer', 'SplitBearer2 x'].map((message) => makeCheckError('unavailable', message));
    expect(redactSplitSecrets(errors).map((error) => error.message)).to.deep.equal(['run --password', '*** then', 'Authorization: Bearer', '*** x']);
  });

  it('returns the errors themselves when no message ends where a secret begins (one error, or none dangling)', () => {
    const one = [makeCheckError('unavailable', 'password=')];
    expect(redactSplitSecrets(one)).to.equal(one);
    const prose = ['password policy requires 12 characters', 'token bucket empty', 'connect ECONNREFUSED'].map((message) => makeCheckError('unavailable', message));
    expect(redactSplitSecrets(prose)).to.equal(prose);
  });
});
