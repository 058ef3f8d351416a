import { expect } from 'chai';
import { Container, inject, injectable, type ServiceIdentifier } from 'inversify';
import { defaultRegistry, HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck, type CheckContext } from 'pulsecheck';

const DEP = Symbol('Dep');

describe('registerHealthCheck', () => {
  let registry: HealthCheckRegistry;
  beforeEach(() => {
    registry = new HealthCheckRegistry();
  });

  it('records the class under its class name with the documented defaults', () => {
    @registerHealthCheck({ registry })
    class DatabaseHealthCheck extends HealthCheck {
      check(): void {}
    }
    const definition = registry.get('DatabaseHealthCheck');
    expect(definition).to.deep.equal({
      target: DatabaseHealthCheck,
      name: 'DatabaseHealthCheck',
      critical: true,
      timeoutMs: undefined,
      tags: [],
      description: undefined,
      cacheTtlMs: undefined,
    });
  });

  it('records every option given', () => {
    @registerHealthCheck({ registry, name: 'search', critical: false, timeoutMs: 250, tags: ['ready', 'ready', 'es'], description: 'Search cluster', cacheTtlMs: 0 })
    class SearchHealthCheck extends HealthCheck {
      check(): void {}
    }
    expect(registry.get('search')).to.deep.include({ target: SearchHealthCheck, critical: false, timeoutMs: 250, tags: ['ready', 'es'], description: 'Search cluster', cacheTtlMs: 0 });
  });

  it('records into the default registry when given none, and a fresh registry leaves it untouched', () => {
    const before = defaultRegistry.size;
    @registerHealthCheck({ registry })
    class IsolatedHealthCheck extends HealthCheck {
      check(): void {}
    }
    expect(defaultRegistry.size).to.equal(before);
    expect(defaultRegistry.has(IsolatedHealthCheck)).to.equal(false);

    @registerHealthCheck({ name: 'spec-default-registry-check' })
    class DefaultHealthCheck extends HealthCheck {
      check(): void {}
    }
    try {
      expect(defaultRegistry.get('spec-default-registry-check')?.target).to.equal(DefaultHealthCheck);
    } finally {
      defaultRegistry.delete('spec-default-registry-check');
    }
  });

  it('makes the class injectable without @injectable(), with its constructor injections', () => {
    @registerHealthCheck({ registry })
    class InjectedHealthCheck extends HealthCheck {
      constructor(@inject(DEP) readonly dep: string) {
        super();
      }
      check(): void {}
    }
    const container = new Container();
    container.bind(DEP).toConstantValue('the dependency');
    container.load(healthModule({ registry }));
    expect(container.get(InjectedHealthCheck).dep).to.equal('the dependency');
  });

  describe('having a subclass decorated with @registerHealthCheck alone', () => {
    it("injects the base class's constructor dependencies into a subclass of a registered check", () => {
      const other = new HealthCheckRegistry();
      @registerHealthCheck({ registry: other })
      class PrimaryHealthCheck extends HealthCheck {
        constructor(@inject(DEP) readonly dep: string) {
          super();
        }
        check(): void {}
      }
      @registerHealthCheck({ registry, name: 'Secondary' })
      class SecondaryHealthCheck extends PrimaryHealthCheck {}
      const container = new Container();
      container.bind(DEP).toConstantValue('inherited');
      container.load(healthModule({ registry }));
      expect(container.get(SecondaryHealthCheck).dep).to.equal('inherited');
    });

    it("injects the base class's dependencies into a subclass of an @injectable bundled-style base", async () => {
      @injectable()
      class BundledStyleHealthCheck extends HealthCheck {
        constructor(@inject(DEP) protected readonly client: { ping(): string }) {
          super();
        }
        check(context: CheckContext): void {
          context.observe('reply', this.client.ping());
        }
      }
      @registerHealthCheck({ registry, name: 'DatabaseHealthCheck' })
      class DatabaseHealthCheck extends BundledStyleHealthCheck {}
      const container = new Container();
      container.bind(DEP).toConstantValue({ ping: () => 'PONG' });
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks[0]).to.deep.include({ name: 'DatabaseHealthCheck', status: 'pass', observations: { reply: { value: 'PONG' } } });
      expect(container.get(DatabaseHealthCheck)).to.be.instanceOf(BundledStyleHealthCheck);
    });

    it('uses the subclass constructor when it declares its own injections', () => {
      const OTHER = Symbol('Other');
      @injectable()
      class BaseHealthCheck extends HealthCheck {
        constructor(@inject(DEP) readonly dep: string) {
          super();
        }
        check(): void {}
      }
      @registerHealthCheck({ registry, name: 'Replica' })
      class ReplicaHealthCheck extends BaseHealthCheck {
        constructor(@inject(OTHER) other: string) {
          super(other);
        }
      }
      const container = new Container();
      container.bind(DEP).toConstantValue('primary');
      container.bind(OTHER).toConstantValue('replica');
      container.load(healthModule({ registry }));
      expect(container.get(ReplicaHealthCheck).dep).to.equal('replica');
    });
  });

  describe('refusing bad input', () => {
    it('refuses a duplicate name in one registry, naming the check', () => {
      @registerHealthCheck({ registry, name: 'db' })
      class First extends HealthCheck {
        check(): void {}
      }
      expect(registry.has(First)).to.equal(true);
      expect(() => {
        @registerHealthCheck({ registry, name: 'db' })
        class Second extends HealthCheck {
          check(): void {}
        }
        expect.fail(`registered ${Second.name}`);
      }).to.throw(Error, /Health check name 'db' is already registered.*class First/);
    });

    it('allows the same name in two registries', () => {
      const other = new HealthCheckRegistry();
      class A extends HealthCheck {
        check(): void {}
      }
      class B extends HealthCheck {
        check(): void {}
      }
      registerHealthCheck({ registry, name: 'same' })(A);
      registerHealthCheck({ registry: other, name: 'same' })(B);
      expect(registry.get('same')?.target).to.equal(A);
      expect(other.get('same')?.target).to.equal(B);
    });

    for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '100']) {
      it(`refuses timeoutMs ${String(timeoutMs)} (${typeof timeoutMs}), naming the check`, () => {
        class Slow extends HealthCheck {
          check(): void {}
        }
        expect(() => registerHealthCheck({ registry, timeoutMs: timeoutMs as number })(Slow)).to.throw(RangeError, /registerHealthCheck\('Slow'\): timeoutMs must be a positive finite number/);
        expect(registry.has('Slow')).to.equal(false);
      });
    }

    it('refuses a class that does not extend HealthCheck, naming it', () => {
      class NotACheck {
        check(): void {}
      }
      expect(() => registerHealthCheck({ registry })(NotACheck as never)).to.throw(TypeError, /class NotACheck does not extend HealthCheck/);
    });

    it('refuses malformed options with a message naming the option', () => {
      class C extends HealthCheck {
        check(): void {}
      }
      const attempts: [unknown, RegExp][] = [
        [{ registry, critical: 'yes' }, /critical must be a boolean/],
        [{ registry, tags: 'ready' }, /tags must be an array of non-empty strings/],
        [{ registry, tags: [''] }, /tags must be an array of non-empty strings/],
        [{ registry, name: '' }, /name must be a non-empty string/],
        [{ registry, timout: 5 }, /unknown option 'timout'/],
        [{ registry, cacheTtlMs: -1 }, /cacheTtlMs must be a non-negative finite number/],
        [{ registry, timeoutMs: 2_147_483_648 }, /^registerHealthCheck\('C'\): timeoutMs must be at most 2147483647 ms \(about 24\.8 days, the longest delay a timer can hold\), got 2147483648$/],
        [{ registry, timeoutMs: 3e9 }, /timeoutMs must be at most 2147483647 ms/],
        [{ registry, cacheTtlMs: 3e9 }, /^registerHealthCheck\('C'\): cacheTtlMs must be at most 2147483647 ms/],
        [{ registry: {} }, /registry must be a HealthCheckRegistry/],
        [{ registry, description: 5 }, /description must be a string/],
      ];
      for (const [options, message] of attempts) {
        expect(() => registerHealthCheck(options as never)(C), JSON.stringify(Object.keys(options as object))).to.throw(message);
      }
      expect(() => registerHealthCheck(null as never)).to.throw(TypeError, /options must be an object, got null/);
      expect(() => registerHealthCheck([] as never)).to.throw(TypeError, /^registerHealthCheck: options must be an object, got an array$/);
      expect(() => registerHealthCheck([{ name: 'x' }] as never)).to.throw(TypeError, /options must be an object, got an array/);
      expect(() => registerHealthCheck('db' as never)).to.throw(TypeError, /options must be an object, got 'db'/);
      expect(registry.size).to.equal(0);
    });

    it('asks for a name for an anonymous class', () => {
      const anonymous = (() => class extends HealthCheck {
        check(): void {}
      })();
      expect(() => registerHealthCheck({ registry })(anonymous)).to.throw(TypeError, /anonymous, so give it a name/);
    });
  });
});

describe('registerHealthCheck, applied to a class more than once', () => {
  it('accepts a class the user also decorated with @injectable() below it, and injects it', () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry })
    @injectable()
    class AlsoInjectable extends HealthCheck {
      constructor(@inject(DEP) readonly dep: string) {
        super();
      }
      check(): void {}
    }
    expect(registry.has(AlsoInjectable)).to.equal(true);
    expect(resolve(registry, AlsoInjectable).dep).to.equal('below');
  });

  it('accepts a class the user also decorated with @injectable() above it, and injects it', () => {
    const registry = new HealthCheckRegistry();
    @injectable()
    @registerHealthCheck({ registry })
    class InjectableFirst extends HealthCheck {
      constructor(@inject(DEP) readonly dep: string) {
        super();
      }
      check(): void {}
    }
    expect(registry.has(InjectableFirst)).to.equal(true);
    expect(resolve(registry, InjectableFirst).dep).to.equal('below');
  });

  it('lets the same registry be loaded into two containers', () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry })
    class Twice extends HealthCheck {
      constructor(@inject(DEP) readonly dep: string) {
        super();
      }
      check(): void {}
    }
    expect(resolve(registry, Twice).dep).to.equal('below');
    expect(resolve(registry, Twice).dep).to.equal('below');
  });

  it('re-registers a class deleted from its registry', () => {
    const registry = new HealthCheckRegistry();
    class Again extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry })(Again);
    registry.delete('Again');
    registerHealthCheck({ registry, name: 'again' })(Again);
    expect(registry.get('again')?.target).to.equal(Again);
  });

  it('refuses a class already recorded in another registry, naming both remedies', () => {
    const first = new HealthCheckRegistry();
    const second = new HealthCheckRegistry();
    class Shared extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry: first })(Shared);
    expect(() => registerHealthCheck({ registry: second })(Shared)).to.throw(/class Shared is already registered in another registry.*healthModule\(\{ checks \}\)/);
    expect(second.size).to.equal(0);
  });
});

function resolve<T extends HealthCheck>(registry: HealthCheckRegistry, target: ServiceIdentifier<T>): T {
  const container = new Container();
  container.bind(DEP).toConstantValue('below');
  container.load(healthModule({ registry }));
  return container.get<T>(target);
}

describe('registerHealthCheck and HealthCheckRegistry.add: one schema, one wording', () => {
  it('should word every malformed check option the same way, each naming the function called and the check', () => {
    const bad: object[] = [
      { critical: 'yes' },
      { timeoutMs: 0 },
      { timeoutMs: 3e9 },
      { cacheTtlMs: -1 },
      { tags: [''] },
      { description: 5 },
      { failAfter: { counts: 2 } },
      { recoverAfter: 0 },
      { intervalMs: Number.NaN },
      { initialDelayMs: 'soon' },
      { dependsOn: 'db' },
    ];
    for (const options of bad) {
      class Sample extends HealthCheck {
        check(): void {}
      }
      const messages = [
        () => registerHealthCheck({ registry: new HealthCheckRegistry(), ...options })(Sample),
        () => new HealthCheckRegistry().add({ target: Sample, ...options }),
      ].map((call) => {
        try {
          call();
          return 'accepted';
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
      });
      expect(messages[0], JSON.stringify(options)).to.match(/^\w+: registerHealthCheck\('Sample'\): /);
      expect(messages[1], JSON.stringify(options)).to.match(/^\w+: HealthCheckRegistry\.add\('Sample'\): /);
      expect(messages[0]?.replace("registerHealthCheck('Sample')", ''), JSON.stringify(options)).to.equal(messages[1]?.replace("HealthCheckRegistry.add('Sample')", ''));
    }
  });
});
