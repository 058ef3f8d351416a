import { expect } from 'chai';
import { Container } from 'inversify';
import { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, healthModule, registerHealthCheck } from 'pulsecheck';

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

  describe('add(), the documented way to register without the decorator', () => {
    // a fresh class per test: a class is recorded in one registry only
    let Database: typeof HealthCheck;
    beforeEach(() => {
      Database = class Database extends HealthCheck {
        check(): void {
          throw new ServiceUnavailable('down');
        }
      };
    });

    function runWith(options: Parameters<typeof healthModule>[0]): Promise<Awaited<ReturnType<HealthService['run']>>> {
      const container = new Container();
      container.load(healthModule(options));
      return container.get(HealthService).run();
    }

    it('reports a class added as { name, critical: false } under that name, non-critical, 200', async () => {
      const registry = new HealthCheckRegistry();
      registry.add({ target: Database, name: 'database', critical: false });
      const report = await runWith({ registry });
      expect(report.checks.map((check) => [check.name, check.critical, check.status])).to.deep.equal([['database', false, 'fail']]);
      expect(report).to.include({ status: 'warn', httpStatus: 200 });
    });

    it('keeps the added options when the class is listed in healthModule({ checks }) or given to the service as an instance', async () => {
      const registry = new HealthCheckRegistry();
      registry.add({ target: Database, name: 'database', critical: false, tags: ['db'] });
      const listed = await runWith({ checks: [Database] });
      const direct = await new HealthService([new (Database as unknown as new () => HealthCheck)()]).run({ tags: ['db'] });
      for (const report of [listed, direct]) expect(report.checks.map((check) => [check.name, check.critical])).to.deep.equal([['database', false]]);
    });

    it('defaults what it is not given, as the decorator does, and returns the recorded definition', () => {
      const registry = new HealthCheckRegistry();
      const recorded = registry.add({ target: Database });
      expect(recorded).to.deep.equal({ target: Database, name: 'Database', critical: true, timeoutMs: undefined, tags: [], description: undefined, cacheTtlMs: undefined });
      expect(registry.get(Database)).to.equal(recorded);
      expect(Object.isFrozen(recorded)).to.equal(true);
    });

    it('validates like the decorator, naming the method', () => {
      const registry = new HealthCheckRegistry();
      expect(() => registry.add({ target: Database, timeoutMs: -1 })).to.throw(RangeError, /^HealthCheckRegistry.add\('Database'\): timeoutMs must be a positive/);
      expect(() => registry.add({ target: Database, critical: 'no' as never })).to.throw(TypeError, /critical must be a boolean/);
      expect(() => registry.add({ target: Database, nmae: 'x' } as never)).to.throw(TypeError, /unknown option 'nmae'/);
      expect(() => registry.add({ target: class {} as never })).to.throw(TypeError, /does not extend HealthCheck/);
      expect(() => registry.add(null as never)).to.throw(TypeError, /expected \{ target/);
      expect(registry.size).to.equal(0);
    });

    it('refuses a class another registry holds', () => {
      const first = new HealthCheckRegistry();
      first.add({ target: Database });
      expect(() => new HealthCheckRegistry().add({ target: Database })).to.throw(/already registered in another registry as 'Database'/);
    });

    it('forgets the definition with the registry: a deleted class gets defaults again', async () => {
      const registry = new HealthCheckRegistry();
      registry.add({ target: Database, name: 'database', critical: false });
      registry.delete('database');
      const report = await new HealthService([new (Database as unknown as new () => HealthCheck)()]).run();
      expect(report.checks.map((check) => [check.name, check.critical])).to.deep.equal([['Database', true]]);
    });
  });
});
