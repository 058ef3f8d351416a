import { expect } from 'chai';
import { HealthCheckRegistry, ServiceUnavailable, type HealthNotification, type Notifier } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('HealthService.addNotifier', () => {
  let registry: HealthCheckRegistry;
  let healthy: boolean;

  beforeEach(() => {
    registry = new HealthCheckRegistry();
    healthy = true;
    checkClass(registry, 'Api', () => {
      if (!healthy) throw new ServiceUnavailable('down');
    });
    checkClass(registry, 'Db', () => {
      if (!healthy) throw new ServiceUnavailable('down');
    });
  });

  it('hands the changes of one run to the notifier together, after the run has its report', async () => {
    const service = serviceFor(registry);
    const heard: HealthNotification[] = [];
    const events: string[] = [];
    service.addNotifier({
      notify: (notification) => {
        events.push('notified');
        heard.push(notification);
      },
    });
    await service.run().then(() => events.push('run settled'));
    await nextTurn();
    expect(events).to.deep.equal(['run settled', 'notified']);
    expect(heard).to.have.length(1);
    expect(heard[0]?.changes.map((change) => `${change.check.name}:${change.previous ?? '-'}->${change.current}`)).to.deep.equal(['Api:-->pass', 'Db:-->pass']);
    healthy = false;
    await service.run();
    await nextTurn();
    expect(heard).to.have.length(2);
    expect(heard[1]?.changes.map((change) => change.current)).to.deep.equal(['fail', 'fail']);
    expect(Date.parse(heard[1]?.at ?? '')).to.be.a('number').and.not.NaN;
  });

  it('never lets a notifier break a run: a throw or a rejection becomes a PulsecheckNotifierWarning', async () => {
    const service = serviceFor(registry);
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      if (warning.name === 'PulsecheckNotifierWarning') warnings.push(warning.message);
    };
    process.on('warning', onWarning);
    try {
      service.addNotifier({
        notify: () => {
          throw new Error('boom password=hunter2pw');
        },
      });
      service.addNotifier({ notify: () => Promise.reject(new Error('rejected')) });
      let called = 0;
      service.addNotifier({
        notify: () => {
          called += 1;
        },
      });
      const report = await service.run();
      expect(report.status).to.equal('pass');
      await nextTurn();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(called).to.equal(1);
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.match(/a notifier failed: .*boom/);
      expect(warnings.join('\n')).to.not.include('hunter2pw');
      expect(warnings[1]).to.match(/a notifier failed: .*rejected/);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('stops calling a removed notifier and aborts its signal', async () => {
    const service = serviceFor(registry);
    let calls = 0;
    let signal: AbortSignal | undefined;
    const notifier: Notifier = {
      notify: (_notification, given) => {
        calls += 1;
        signal = given;
      },
    };
    const remove = service.addNotifier(notifier);
    await service.run();
    await nextTurn();
    expect(calls).to.equal(1);
    expect(signal?.aborted).to.equal(false);
    remove();
    expect(signal?.aborted).to.equal(true);
    healthy = false;
    await service.run();
    await nextTurn();
    expect(calls).to.equal(1);
    // removing twice is harmless; adding it again works
    remove();
    service.addNotifier(notifier);
    healthy = true;
    await service.run();
    await nextTurn();
    expect(calls).to.equal(2);
  });

  it('refuses what is not a notifier, and the same notifier twice', () => {
    const service = serviceFor(registry);
    expect(() => service.addNotifier({} as Notifier)).to.throw(TypeError, /notify\(notification, signal\)/);
    expect(() => service.addNotifier(null as unknown as Notifier)).to.throw(TypeError);
    const notifier: Notifier = { notify: () => undefined };
    service.addNotifier(notifier);
    expect(() => service.addNotifier(notifier)).to.throw(Error, /added already/);
  });
});
