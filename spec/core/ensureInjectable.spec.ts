import { expect } from 'chai';
import { Container, injectable } from 'inversify';
import { HealthCheck, HealthCheckRegistry, healthModule, registerHealthCheck } from 'pulsecheck';
import { ensureInjectable } from '#lib/core/ensureInjectable.js';

/** A dependency known by its class alone: no token, no @inject(). */
class Pool {
  readonly label = 'the pool';
}

describe('ensureInjectable', () => {
  it('lets inversify inject a constructor parameter by its TypeScript type alone (design:paramtypes), as only @injectable() does', () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry })
    class PoolHealthCheck extends HealthCheck {
      constructor(readonly pool: Pool) {
        super();
      }
      check(): void {}
    }
    const container = new Container();
    container.bind(Pool).toSelf();
    container.load(healthModule({ registry }));
    expect(container.get(PoolHealthCheck).pool).to.be.instanceOf(Pool);
  });

  it('accepts a class that is injectable already, once or many times', () => {
    @injectable()
    class AlreadyInjectable extends HealthCheck {
      constructor(readonly pool: Pool) {
        super();
      }
      check(): void {}
    }
    ensureInjectable(AlreadyInjectable);
    ensureInjectable(AlreadyInjectable);
    const container = new Container();
    container.bind(Pool).toSelf();
    container.bind(AlreadyInjectable).toSelf();
    expect(container.get(AlreadyInjectable).pool).to.be.instanceOf(Pool);
  });

  it('propagates any other error from injectable(), such as a target that is not a class', () => {
    expect(() => {
      ensureInjectable(42 as never);
    }).to.throw(TypeError);
  });

  it("propagates a thrown value that is not an Error, even one that reads like inversify's refusal", () => {
    const refusal = { message: 'Cannot apply @injectable decorator multiple times' };
    @injectable()
    class HostileName extends HealthCheck {
      // inversify reads the name only to word its refusal
      static override get name(): string {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point: a thrown value that is not an Error
        throw refusal;
      }
      check(): void {}
    }
    expect(() => {
      ensureInjectable(HostileName);
    })
      .to.throw()
      .that.equals(refusal);
  });
});
