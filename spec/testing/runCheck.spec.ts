import { expect } from 'chai';
import { unmanaged } from 'inversify';
import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';
import { runCheck } from 'pulsecheck/testing';

class Switchable extends HealthCheck {
  constructor(@unmanaged() private readonly up: boolean) {
    super();
  }

  check(context: CheckContext): void {
    context.observe('up', this.up);
    if (!this.up) throw new ServiceUnavailable('down, password=hunter2');
  }
}

describe('runCheck', () => {
  describe('having an instance', () => {
    it('should return the result a HealthService would report', async () => {
      const check = new Switchable(false);
      const direct = await runCheck(check, { timeoutMs: 100 });
      const viaService = (await new HealthService([check], { defaultTimeoutMs: 100 }).run()).checks[0];
      expect({ ...direct, durationMs: 0 }).to.deep.equal({ ...viaService, durationMs: 0 });
      expect(direct.output).to.equal('unavailable: down, password=***');
    });

    it('should time out a check that never settles, and abort its signal', async () => {
      let signal: AbortSignal | undefined;
      class Hung extends HealthCheck {
        check(context: CheckContext): Promise<void> {
          signal = context.signal;
          return new Promise(() => undefined);
        }
      }
      const result = await runCheck(new Hung(), { timeoutMs: 30 });
      expect(result.errors).to.deep.equal([{ kind: 'timeout', message: 'did not finish within 30 ms' }]);
      expect(signal?.aborted).to.equal(true);
    });
  });

  describe('having a class', () => {
    it('should construct it with the args and use its registered name and timeout', async () => {
      const registry = new HealthCheckRegistry();
      @registerHealthCheck({ registry, name: 'Upstream', timeoutMs: 40, tags: ['ready'] })
      class Upstream extends Switchable {}
      const result = await runCheck(Upstream, { args: [true] });
      expect(result).to.include({ name: 'Upstream', status: 'pass', output: 'working' });
      expect(result.tags).to.deep.equal(['ready']);
    });
  });

  describe('having bad arguments', () => {
    it('should throw a TypeError or RangeError naming the problem', async () => {
      let thrown: unknown;
      try {
        await runCheck(Object.create(null) as HealthCheck);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TypeError).with.property('message', 'runCheck: expected a HealthCheck instance or a class extending HealthCheck, got object');
      thrown = undefined;
      try {
        await runCheck(new Switchable(true), { timeoutMs: 0 });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(RangeError).with.property('message').that.includes('runCheck: timeoutMs must be a positive finite number');
    });
  });
});
