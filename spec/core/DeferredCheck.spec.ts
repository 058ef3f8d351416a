import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck } from 'pulsecheck';
import { DeferredCheck } from '#lib/core/DeferredCheck.js';

describe('DeferredCheck', () => {
  const registry = new HealthCheckRegistry();

  @registerHealthCheck({ registry, name: 'payments', timeoutMs: 40, tags: ['ready'] })
  class PaymentsCheck extends HealthCheck {
    calls = 0;

    check(): void {
      this.calls += 1;
    }
  }

  class OtherCheck extends HealthCheck {
    check(): void {}
  }

  it("gives the service its target's definition at once: name, timeout and tags from the registry", () => {
    const service = new HealthService([new DeferredCheck(PaymentsCheck)]);
    expect(service.definitions().map((definition) => [definition.name, definition.timeoutMs, definition.tags])).to.deep.equal([['payments', 40, ['ready']]]);
  });

  it('runs the instance once it is given', async () => {
    const deferred = new DeferredCheck(PaymentsCheck);
    const instance = new PaymentsCheck();
    deferred.resolve(instance);
    const report = await new HealthService([deferred]).run();
    expect(report.checks[0]?.status).to.equal('pass');
    expect(instance.calls).to.equal(1);
  });

  it('makes an execution started before the instance wait for it, then run it', async () => {
    const deferred = new DeferredCheck(PaymentsCheck);
    const service = new HealthService([deferred], { defaultTimeoutMs: 5_000 });
    const instance = new PaymentsCheck();
    const running = service.run();
    await new Promise((resolve) => setTimeout(resolve, 10));
    deferred.resolve(instance);
    expect((await running).checks[0]?.status).to.equal('pass');
    expect(instance.calls).to.equal(1);
  });

  it('reports an execution whose instance never comes as a timeout, and does not run the instance given after it', async () => {
    const deferred = new DeferredCheck(PaymentsCheck);
    const report = await new HealthService([deferred]).run();
    expect(report.checks[0]?.status).to.equal('fail');
    expect(report.checks[0]?.output).to.equal('timeout: did not finish within 40 ms');
    const instance = new PaymentsCheck();
    deferred.resolve(instance);
    await new Promise((resolve) => setImmediate(resolve));
    expect(instance.calls, 'the timed-out execution stopped waiting').to.equal(0);
  });

  it('fails the waiting executions and every later one with the error the build failed with', async () => {
    const deferred = new DeferredCheck(PaymentsCheck);
    const service = new HealthService([deferred], { defaultTimeoutMs: 5_000 });
    const waiting = service.run({ fresh: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    deferred.fail(new Error('no provider for PG_POOL'));
    expect((await waiting).checks[0]?.output).to.include('no provider for PG_POOL');
    expect((await service.run({ fresh: true })).checks[0]?.output).to.include('no provider for PG_POOL');
  });

  it('refuses an instance of another class, and a second one', () => {
    const deferred = new DeferredCheck(PaymentsCheck);
    expect(() => {
      deferred.resolve(new OtherCheck());
    }).to.throw(TypeError, 'DeferredCheck: the instance given for PaymentsCheck is not one of it');
    deferred.resolve(new PaymentsCheck());
    expect(() => {
      deferred.resolve(new PaymentsCheck());
    }).to.throw(TypeError, 'DeferredCheck: PaymentsCheck was settled already');
  });
});
