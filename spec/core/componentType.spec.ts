import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, registerHealthCheck, type CheckTraits } from 'pulsecheck';
import { PostgresHealthCheck } from 'pulsecheck/postgres';
import { RedisHealthCheck } from 'pulsecheck/redis';
import { MySqlHealthCheck } from 'pulsecheck/mysql';
import { RabbitMqHealthCheck } from 'pulsecheck/rabbitmq';
import { DiskSpaceHealthCheck, EventLoopDelayHealthCheck, HttpHealthCheck, MemoryHealthCheck, TcpHealthCheck } from 'pulsecheck';
import { definitionOf } from '#lib/core/definitionOf.js';
import { checkClass, serviceFor } from './fixtures.js';

describe('componentType, from the check class\'s static traits', () => {
  it('is datastore for the bundled database and cache checks, system for the process checks, and absent for the others', () => {
    const types = Object.fromEntries(
      [PostgresHealthCheck, MySqlHealthCheck, RedisHealthCheck, MemoryHealthCheck, DiskSpaceHealthCheck, EventLoopDelayHealthCheck, HttpHealthCheck, TcpHealthCheck, RabbitMqHealthCheck].map((target) => [
        target.name,
        definitionOf(target).componentType ?? 'component',
      ]),
    );
    expect(types).to.deep.equal({
      PostgresHealthCheck: 'datastore',
      MySqlHealthCheck: 'datastore',
      RedisHealthCheck: 'datastore',
      MemoryHealthCheck: 'system',
      DiskSpaceHealthCheck: 'system',
      EventLoopDelayHealthCheck: 'system',
      HttpHealthCheck: 'component',
      TcpHealthCheck: 'component',
      RabbitMqHealthCheck: 'component',
    });
  });

  it("is carried by each result of a check whose class declares it, after description, and by a subclass's", async () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, name: 'ledger', description: 'Ledger database' })
    class LedgerCheck extends HealthCheck {
      static override readonly traits: CheckTraits = { componentType: 'datastore', externalDependency: true };
      check(): void {}
    }
    @registerHealthCheck({ registry, name: 'ledger-replica' })
    class ReplicaCheck extends LedgerCheck {}
    checkClass(registry, 'plain', () => {});
    const report = await serviceFor(registry).run();
    const [ledger, replica, plain] = report.checks;
    expect(ledger?.componentType).to.equal('datastore');
    expect(Object.keys(ledger ?? {}).slice(-2)).to.deep.equal(['description', 'componentType']);
    expect(replica?.componentType).to.equal('datastore');
    expect(plain).not.to.have.property('componentType');
    expect(Object.isFrozen(ledger)).to.equal(true);
    expect(ReplicaCheck.traits).to.equal(LedgerCheck.traits);
  });

  it('is carried by a result that timed out too (it is the definition\'s, whatever the outcome)', async () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, name: 'slow-cache', timeoutMs: 5 })
    class SlowCache extends HealthCheck {
      static override readonly traits: CheckTraits = { componentType: 'datastore' };
      check(context: Parameters<HealthCheck['check']>[0]): Promise<void> {
        return new Promise((resolve) => { context.signal.addEventListener('abort', () => { resolve(); }); });
      }
    }
    const [result] = (await serviceFor(registry).run()).checks;
    expect(result?.errors[0]?.kind).to.equal('timeout');
    expect(result?.componentType).to.equal('datastore');
    expect(SlowCache.traits.componentType).to.equal('datastore');
  });

  it("leaves out 'component', and a value the draft does not define", async () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, name: 'explicit' })
    class Explicit extends HealthCheck {
      static override readonly traits: CheckTraits = { componentType: 'component' };
      check(): void {}
    }
    @registerHealthCheck({ registry, name: 'bogus' })
    class Bogus extends HealthCheck {
      static override readonly traits = { componentType: 'database' } as unknown as CheckTraits;
      check(): void {}
    }
    const report = await serviceFor(registry).run();
    expect(report.checks.map((check) => check.componentType)).to.deep.equal([undefined, undefined]);
    expect([Explicit.name, Bogus.name]).to.deep.equal(['Explicit', 'Bogus']);
  });
});

describe('affectedEndpoints, a check option', () => {
  it("is carried by each of the check's results, frozen, without duplicates", async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'orders-db', () => {}, { affectedEndpoints: ['/orders/{id}', '/orders{?page,size}', '/orders/{id}', 'https://api.example.com/v2/invoices/{id}'] });
    checkClass(registry, 'plain', () => {});
    const [orders, plain] = (await serviceFor(registry).run()).checks;
    expect(orders?.affectedEndpoints).to.deep.equal(['/orders/{id}', '/orders{?page,size}', 'https://api.example.com/v2/invoices/{id}']);
    expect(Object.isFrozen(orders?.affectedEndpoints)).to.equal(true);
    expect(plain).not.to.have.property('affectedEndpoints');
  });

  it('is kept by HealthCheckRegistry.add, and in the definition', () => {
    const registry = new HealthCheckRegistry();
    class Orders extends HealthCheck {
      check(): void {}
    }
    const definition = registry.add({ target: Orders, affectedEndpoints: ['/orders'] });
    expect(definition.affectedEndpoints).to.deep.equal(['/orders']);
  });

  it('refuses anything but an array of URI templates, naming the check', () => {
    class Check extends HealthCheck {
      check(): void {}
    }
    const refused = [['/orders/{id'], ['/orders/{ id }'], ['has space'], ['/a/%zz'], [''], '/orders', [42], Array.from({ length: 101 }, () => '/a')];
    for (const affectedEndpoints of refused) {
      expect(() => registerHealthCheck({ registry: new HealthCheckRegistry(), name: 'orders', affectedEndpoints } as never)(Check), JSON.stringify(affectedEndpoints)).to.throw(
        TypeError,
        "registerHealthCheck('orders'): affectedEndpoints must be an array of at most 100 URI templates (RFC 6570, such as '/orders/{id}') of at most 2048 characters each, without white space",
      );
    }
  });
});
