import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, registerHealthCheck, type HealthCheck as Check } from 'pulsecheck';
import { checkSlots } from '#lib/core/checkSlots.js';

describe('checkSlots', () => {
  it('gives each check its own timeout, TTL and flap rule, the service defaults filling what it left out', () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, name: 'Own', timeoutMs: 50, cacheTtlMs: 7, failAfter: 2 })
    class Own extends HealthCheck {
      check(): void {}
    }
    @registerHealthCheck({ registry, name: 'Plain' })
    class Plain extends HealthCheck {
      check(): void {}
    }
    const [own, plain] = checkSlots([new Own(), new Plain()], { defaultTimeoutMs: 300, defaultCacheTtlMs: 20, defaultRecoverAfter: 3 });
    expect(own).to.include({ timeoutMs: 50, cacheTtlMs: 7 });
    expect(own?.definition.name).to.equal('Own');
    expect(own?.flap).to.include({ failCount: 2, recoverCount: 3 });
    expect(plain).to.include({ timeoutMs: 300, cacheTtlMs: 20 });
    expect(plain?.flap).to.include({ failCount: 1, recoverCount: 3 });
  });

  it('keeps the order of the checks, and gives none for none', () => {
    class A extends HealthCheck {
      check(): void {}
    }
    class B extends HealthCheck {
      check(): void {}
    }
    expect(checkSlots([new B(), new A()], {}).map((slot) => slot.definition.name)).to.deep.equal(['B', 'A']);
    expect(checkSlots(undefined, {})).to.deep.equal([]);
  });

  it('refuses an entry that is not a HealthCheck, naming its index and what it got', () => {
    class A extends HealthCheck {
      check(): void {}
    }
    expect(() => checkSlots([new A(), null as unknown as Check], {})).to.throw(TypeError, 'HealthService: check #1 is not a HealthCheck instance (got null)');
  });
});
