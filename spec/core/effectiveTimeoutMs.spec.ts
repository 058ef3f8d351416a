import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck } from 'pulsecheck';
import { effectiveTimeoutMs } from '#lib/core/effectiveTimeoutMs.js';

describe('effectiveTimeoutMs', () => {
  it("is the check's own timeout when it sets one, else the default", () => {
    expect(effectiveTimeoutMs({ timeoutMs: 300 }, 800)).to.equal(300);
    expect(effectiveTimeoutMs({ timeoutMs: undefined }, 800)).to.equal(800);
    expect(effectiveTimeoutMs({}, 50)).to.equal(50);
  });
});

describe('HealthService.definitions', () => {
  it("answers each check's effective timeout: its own, else the service's defaultTimeoutMs", () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, timeoutMs: 300 })
    class Own extends HealthCheck {
      check(): void {}
    }
    @registerHealthCheck({ registry })
    class Inherited extends HealthCheck {
      check(): void {}
    }
    const service = new HealthService([new Own(), new Inherited()], { defaultTimeoutMs: 1234 });
    expect(service.definitions().map(({ name, timeoutMs }) => ({ name, timeoutMs }))).to.deep.equal([
      { name: 'Own', timeoutMs: 300 },
      { name: 'Inherited', timeoutMs: 1234 },
    ]);
    expect(registry.list().map((definition) => definition.timeoutMs)).to.deep.equal([300, undefined]);
  });
});
