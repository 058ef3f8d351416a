import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, registerHealthCheck } from 'pulsecheck';
import { serviceUnits } from '#lib/core/serviceUnits.js';

describe('serviceUnits', () => {
  it('wires one unit per responsibility from the checks and the options', () => {
    class A extends HealthCheck {
      check(): void {}
    }
    const units = serviceUnits([new A()], { historySize: 5, latchStartup: false });
    expect(units.selector.all.map((slot) => slot.definition.name)).to.deep.equal(['A']);
    expect(units.history.capacity).to.equal(5);
    expect(units.latch.enabled).to.equal(false);
    expect(units.gate.closed).to.equal(false);
    expect(units.scheduler.running).to.equal(false);
  });

  it('executes background rounds through the same executor and recorder as runs', async () => {
    let executions = 0;
    class A extends HealthCheck {
      check(): void {
        executions += 1;
      }
    }
    const units = serviceUnits([new A()], {});
    const [slot] = units.selector.all;
    const heard: string[] = [];
    units.listeners.addResult((result) => heard.push(result.name));
    units.scheduler.start({ intervalMs: 60_000 }, [{ key: slot as never, intervalMs: undefined, initialDelayMs: undefined, timeoutMs: 100 }]);
    await units.scheduler.stop();
    expect(executions).to.equal(1);
    expect(heard).to.deep.equal(['A']);
  });

  it('refuses a dependency on a check the service does not have, naming it', () => {
    const registry = new HealthCheckRegistry();
    @registerHealthCheck({ registry, name: 'Api', dependsOn: ['Db'] })
    class Api extends HealthCheck {
      check(): void {}
    }
    expect(() => serviceUnits([new Api()], {})).to.throw(Error, 'Db');
  });
});
