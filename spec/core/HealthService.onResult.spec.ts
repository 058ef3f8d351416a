import { expect } from 'chai';
import { HealthCheckRegistry, ServiceUnavailable, type CheckResult } from 'pulsecheck';
import { checkClass, serviceFor, sleep } from './fixtures.js';

describe('HealthService.onResult', () => {
  it('hears every execution, not only transitions', async () => {
    const registry = new HealthCheckRegistry();
    let healthy = true;
    checkClass(registry, 'Steady', () => {
      if (!healthy) throw new ServiceUnavailable('down');
    });
    const service = serviceFor(registry);
    const seen: string[] = [];
    service.onResult((check) => {
      seen.push(`${check.name}:${check.status}`);
    });
    await service.run();
    await service.run();
    healthy = false;
    await service.run();
    expect(seen).to.deep.equal(['Steady:pass', 'Steady:pass', 'Steady:fail']);
  });

  it('is not called for a result reused from the cache, and stops once removed', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Cached', () => undefined, { cacheTtlMs: 60_000 });
    const service = serviceFor(registry);
    const seen: CheckResult[] = [];
    const remove = service.onResult((check) => seen.push(check));
    await service.run();
    await service.run();
    expect(seen).to.have.length(1);
    expect(seen[0]?.durationMs).to.be.a('number');
    remove();
    await service.run({ fresh: true });
    expect(seen).to.have.length(1);
  });

  it('keeps running when a listener throws, and emits a process warning', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Any', () => undefined);
    const service = serviceFor(registry);
    const after: string[] = [];
    service.onResult(() => {
      throw new Error('result listener bug');
    });
    service.onResult((check) => after.push(check.name));
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const report = await service.run();
      await sleep(5);
      expect(report.status).to.equal('pass');
      expect(after).to.deep.equal(['Any']);
      expect(warnings.map((warning) => `${warning.name}: ${warning.message}`).join()).to.include('PulsecheckListenerWarning: pulsecheck: a result listener threw: result listener bug');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('rejects a listener that is not a function', () => {
    const service = serviceFor(new HealthCheckRegistry());
    expect(() => service.onResult('nope' as never)).to.throw(TypeError, 'onResult: listener must be a function');
  });
});
