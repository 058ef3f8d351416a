import { expect } from 'chai';
import { HealthCheck, ServiceUnavailable } from 'pulsecheck';
import { runCheck } from '../support/runCheck.js';

describe('an empty message', () => {
  it("addWarning('') is reported as kind warning with the message 'warning'", async () => {
    const result = await runCheck(
      new (class extends HealthCheck {
        check(context: Parameters<HealthCheck['check']>[0]): void {
          context.addWarning('');
          context.addWarning(' \n ');
        }
      })(),
    );
    expect(result.status).to.equal('warn');
    expect(result.errors).to.deep.equal([
      { kind: 'warning', message: 'warning' },
      { kind: 'warning', message: 'warning' },
    ]);
  });

  it('is replaced by the kind for a recorded error and a thrown HealthCheckError alike', async () => {
    const result = await runCheck(
      new (class extends HealthCheck {
        check(context: Parameters<HealthCheck['check']>[0]): void {
          context.addError(new ServiceUnavailable(''));
          throw new ServiceUnavailable('   ');
        }
      })(),
    );
    expect(result.errors).to.deep.equal([
      { kind: 'unavailable', message: 'unavailable' },
      { kind: 'unavailable', message: 'unavailable' },
    ]);
  });
});
