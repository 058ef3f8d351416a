import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, registerHealthCheck } from 'pulsecheck';

describe('HealthCheckRegistry', () => {
  let A: typeof HealthCheck;
  let B: typeof HealthCheck;
  beforeEach(() => {
    // fresh classes per test: a class is recorded in one registry only
    A = class A extends HealthCheck {
      check(): void {}
    };
    B = class B extends HealthCheck {
      check(): void {}
    };
  });

  it('lists checks in registration order', () => {
    const registry = new HealthCheckRegistry();
    registerHealthCheck({ registry, name: 'second' })(B);
    registerHealthCheck({ registry, name: 'first' })(A);
    expect(registry.list().map((definition) => definition.name)).to.deep.equal(['second', 'first']);
  });

  it('finds a check by name or class, deletes and clears', () => {
    const registry = new HealthCheckRegistry();
    registerHealthCheck({ registry, name: 'a' })(A);
    expect(registry.has('a')).to.equal(true);
    expect(registry.has(A)).to.equal(true);
    expect(registry.has(B)).to.equal(false);
    expect(registry.get('a')?.target).to.equal(A);
    expect(registry.delete('a')).to.equal(true);
    expect(registry.delete('a')).to.equal(false);
    registerHealthCheck({ registry, name: 'b' })(B);
    registry.clear();
    expect(registry.size).to.equal(0);
  });

  it('returns a copy from list(), so callers cannot change it', () => {
    const registry = new HealthCheckRegistry();
    registerHealthCheck({ registry, name: 'a' })(A);
    registry.list().pop();
    expect(registry.size).to.equal(1);
  });

  it('refuses the same class twice, saying so', () => {
    const registry = new HealthCheckRegistry();
    class Twice extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry })(Twice);
    expect(() => registerHealthCheck({ registry })(Twice)).to.throw(/'Twice' is already registered in this registry: it is already registered/);
  });

  it('refuses the same class decorated twice under two names, at the second decoration', () => {
    const registry = new HealthCheckRegistry();
    class Twice extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry, name: 'first' })(Twice);
    expect(() => registerHealthCheck({ registry, name: 'second' })(Twice)).to.throw(
      Error,
      /^Health check class Twice is already registered in this registry as 'first'; a class is decorated once/,
    );
    expect(registry.list().map((definition) => definition.name)).to.deep.equal(['first']);
  });

  it('lets a class be decorated again once it was deleted', () => {
    const registry = new HealthCheckRegistry();
    class Renamed extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry, name: 'old' })(Renamed);
    registry.delete('old');
    registerHealthCheck({ registry, name: 'new' })(Renamed);
    expect(registry.list().map((definition) => definition.name)).to.deep.equal(['new']);
  });
});
