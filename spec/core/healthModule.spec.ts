import { expect } from 'chai';
import sinon from 'sinon';
import { Container, inject } from 'inversify';
import {
  defaultRegistry,
  HEALTH_CHECK,
  HealthCheck,
  HealthCheckRegistry,
  HealthService,
  healthModule,
  registerHealthCheck,
  ServiceUnavailable,
} from 'pulsecheck';

interface Db {
  ping(options: { signal: AbortSignal }): Promise<boolean>;
}
const DB = Symbol('Db');

// Decorated at import into the DEFAULT registry, exactly as a user's check would be.
@registerHealthCheck({ tags: ['ready'], name: 'spec-healthModule-DatabaseHealthCheck' })
class DatabaseHealthCheck extends HealthCheck {
  constructor(@inject(DB) private readonly db: Db) {
    super();
  }
  async check(context: Parameters<HealthCheck['check']>[0]): Promise<void> {
    if (!(await this.db.ping({ signal: context.signal }))) throw new ServiceUnavailable('ping returned false');
  }
}

describe('healthModule', () => {
  after(() => {
    defaultRegistry.delete('spec-healthModule-DatabaseHealthCheck');
  });

  it('binds the checks of the default registry and HealthService', async () => {
    const container = new Container();
    container.bind<Db>(DB).toConstantValue({ ping: () => Promise.resolve(true) });
    container.load(healthModule());
    const report = await container.get(HealthService).run({ names: ['spec-healthModule-DatabaseHealthCheck'] });
    expect(report.status).to.equal('pass');
  });

  it('binds an explicit checks list with an injected sinon fake, leaving the default registry alone', async () => {
    const before = defaultRegistry.list();
    const ping = sinon.stub<[{ signal: AbortSignal }], Promise<boolean>>().resolves(false);
    const container = new Container();
    container.bind<Db>(DB).toConstantValue({ ping });
    container.load(healthModule({ checks: [DatabaseHealthCheck] }));
    const report = await container.get(HealthService).run();
    expect(report.checks.map((check) => check.name)).to.deep.equal(['spec-healthModule-DatabaseHealthCheck']);
    expect(report.checks[0]?.output).to.equal('unavailable: ping returned false');
    expect(report.httpStatus).to.equal(503);
    expect(ping.calledOnce).to.equal(true);
    expect(ping.firstCall.args[0].signal).to.be.instanceOf(AbortSignal);
    expect(defaultRegistry.list()).to.deep.equal(before);
  });

  it('binds the checks of a given registry only, as singletons under their class and HEALTH_CHECK', async () => {
    const registry = new HealthCheckRegistry();
    class Only extends HealthCheck {
      check(): void {}
    }
    registerHealthCheck({ registry })(Only);
    const container = new Container();
    container.load(healthModule({ registry }));
    expect(container.get(Only)).to.equal(container.get(Only));
    expect(container.getAll(HEALTH_CHECK)).to.deep.equal([container.get(Only)]);
    expect(container.get(HealthService)).to.equal(container.get(HealthService));
    expect((await container.get(HealthService).run()).checks.map((check) => check.name)).to.deep.equal(['Only']);
  });

  it('passes its defaults to the service', async () => {
    const registry = new HealthCheckRegistry();
    class Hung extends HealthCheck {
      check(): Promise<void> {
        return new Promise(() => undefined);
      }
    }
    registerHealthCheck({ registry })(Hung);
    const container = new Container();
    container.load(healthModule({ registry, defaultTimeoutMs: 25 }));
    expect((await container.get(HealthService).run()).checks[0]?.output).to.equal('timeout: did not finish within 25 ms');
  });

  it('gives an undecorated class in checks its default options', async () => {
    class Undecorated extends HealthCheck {
      check(): void {}
    }
    const container = new Container();
    container.load(healthModule({ checks: [Undecorated] }));
    const [result] = (await container.get(HealthService).run()).checks;
    expect(result).to.include({ name: 'Undecorated', critical: true, status: 'pass' });
  });

  it('refuses bad input with an error naming the problem', () => {
    class NotACheck {}
    const registry = new HealthCheckRegistry();
    expect(() => healthModule({ checks: [NotACheck as never] })).to.throw(TypeError, /checks\[0\]: class NotACheck does not extend HealthCheck/);
    expect(() => healthModule({ registry, checks: [] })).to.throw(TypeError, /either registry or checks, not both/);
    expect(() => healthModule({ defaultTimeoutMs: 0 })).to.throw(RangeError, /defaultTimeoutMs must be a positive finite number/);
    expect(() => healthModule({ registy: registry } as never)).to.throw(TypeError, /unknown option 'registy'/);
    expect(() => healthModule({ registry: {} as never })).to.throw(TypeError, /registry must be a HealthCheckRegistry/);
    expect(() => healthModule({ checks: [DatabaseHealthCheck, DatabaseHealthCheck] })).to.throw(TypeError, /same class twice/);
  });

  it('refuses a default timeout or cache TTL a timer cannot hold, naming the option, itself and the limit', () => {
    expect(() => healthModule({ defaultTimeoutMs: 2_147_483_648 })).to.throw(
      RangeError,
      /^healthModule: defaultTimeoutMs must be at most 2147483647 ms \(about 24\.8 days, the longest delay a timer can hold\), got 2147483648$/,
    );
    expect(() => healthModule({ defaultCacheTtlMs: 3e9 })).to.throw(RangeError, /^healthModule: defaultCacheTtlMs must be at most 2147483647 ms/);
    expect(() => healthModule({ checks: [], defaultTimeoutMs: 2_147_483_647, defaultCacheTtlMs: 2_147_483_647 })).not.to.throw();
  });

  it('refuses singleFlight and latchStartup that are not booleans, naming the option and the type', () => {
    expect(() => healthModule({ singleFlight: 'no' } as never)).to.throw(TypeError, /^healthModule: singleFlight must be a boolean, got 'no'$/);
    expect(() => healthModule({ latchStartup: 1 } as never)).to.throw(TypeError, /^healthModule: latchStartup must be a boolean, got 1 \(number\)$/);
    expect(() => healthModule({ checks: [], singleFlight: false, latchStartup: false })).not.to.throw();
  });
});

describe('healthModule(options): service options validated once', () => {
  it('should bind the service options it validated, which the HealthService constructor then takes as they are', async () => {
    const { HEALTH_SERVICE_OPTIONS, HealthService: Service, healthModule: moduleOf } = await import('pulsecheck');
    const { SERVICE_OPTION_SCHEMA } = await import('#lib/core/HealthServiceOptions.js');
    const { validateOptions } = await import('#lib/options/validateOptions.js');
    const container = new Container();
    container.load(moduleOf({ checks: [], defaultTimeoutMs: 500 }));
    const bound: object = container.get(HEALTH_SERVICE_OPTIONS);
    expect(bound).to.deep.equal({ defaultTimeoutMs: 500 });
    expect(validateOptions(SERVICE_OPTION_SCHEMA, bound, 'HealthService'), 'not validated again').to.equal(bound);
    expect(container.get(Service).definitions()).to.deep.equal([]);
  });

  it('should name healthModule, not HealthService, for a malformed service option', () => {
    expect(() => healthModule({ defaultTimeoutMs: 0 })).to.throw(RangeError, /^healthModule: defaultTimeoutMs must be a positive finite number of milliseconds, got 0$/);
  });
});
