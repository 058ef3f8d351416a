import { expect } from 'chai';
import { HealthCheckRegistry, HealthService, ServiceUnavailable, attachNotifier, deliverPendingNotifications, type HealthNotification, type Notifier } from 'pulsecheck';
import { checkClass, serviceFor, sleep } from '../core/fixtures.js';

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('attachNotifier', () => {
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
    attachNotifier(service, {
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
      attachNotifier(service, {
        notify: () => {
          throw new Error('boom password=hunter2pw');
        },
      });
      attachNotifier(service, { notify: () => Promise.reject(new Error('rejected')) });
      let called = 0;
      attachNotifier(service, {
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
    const remove = attachNotifier(service, notifier);
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
    attachNotifier(service, notifier);
    healthy = true;
    await service.run();
    await nextTurn();
    expect(calls).to.equal(2);
  });

  it('refuses what is not a notifier, and the same notifier twice', () => {
    const service = serviceFor(registry);
    expect(() => attachNotifier(service, {} as Notifier)).to.throw(TypeError, /attachNotifier: expected a notifier: an object with a notify\(notification, signal\) method/);
    expect(() => attachNotifier(service, null as unknown as Notifier)).to.throw(TypeError);
    const notifier: Notifier = { notify: () => undefined };
    attachNotifier(service, notifier);
    expect(() => attachNotifier(service, notifier)).to.throw(Error, /attachNotifier: this notifier is attached to this service already/);
  });

  it('attaches one notifier to two services, each service refusing it twice on its own', async () => {
    const first = serviceFor(registry);
    const second = serviceFor(registry);
    const heard: HealthNotification[] = [];
    const notifier: Notifier = { notify: (notification) => void heard.push(notification) };
    attachNotifier(first, notifier);
    attachNotifier(second, notifier);
    await first.run();
    await second.run();
    await nextTurn();
    expect(heard).to.have.length(2);
  });

  it('refuses what is not a service, and malformed options, naming attachNotifier', () => {
    const notifier: Notifier = { notify: () => undefined };
    expect(() => attachNotifier({} as unknown as HealthService, notifier)).to.throw(TypeError, /^attachNotifier: service must be a HealthService/);
    const service = serviceFor(registry);
    expect(() => attachNotifier(service, notifier, { coalesceMs: -1 })).to.throw(RangeError, /^attachNotifier: coalesceMs must be a non-negative/);
    expect(() => attachNotifier(service, notifier, { coalesce: 1 } as never)).to.throw(TypeError, /^attachNotifier: unknown option 'coalesce'/);
  });

  describe('deliverPendingNotifications', () => {
    it('hands over the changes of a run that has resolved at once, not a turn later', async () => {
      const service = serviceFor(registry);
      const heard: HealthNotification[] = [];
      const notifier: Notifier = { notify: (notification) => void heard.push(notification) };
      attachNotifier(service, notifier);
      healthy = false;
      await service.run();
      deliverPendingNotifications(notifier);
      expect(heard).to.have.length(1);
      expect(heard[0]?.changes.map((change) => change.current)).to.deep.equal(['fail', 'fail']);
      await nextTurn();
      expect(heard).to.have.length(1); // nothing is delivered twice
    });

    it('does nothing for a notifier that is not attached, or detached', async () => {
      const service = serviceFor(registry);
      let calls = 0;
      const notifier: Notifier = { notify: () => void (calls += 1) };
      deliverPendingNotifications(notifier);
      const detach = attachNotifier(service, notifier);
      await service.run();
      detach();
      deliverPendingNotifications(notifier);
      await nextTurn();
      expect(calls).to.equal(0);
    });
  });

  describe('in background mode, a dependsOn chain with its own schedules', () => {
    /** database <- orders <- invoices, each on its own interval, as in the reproduced outage. */
    function chain(invoicesIntervalMs = 400): { service: HealthService; setDown: (down: boolean) => void } {
      const chained = new HealthCheckRegistry();
      let down = false;
      checkClass(chained, 'database', async () => {
        await sleep(2);
        if (down) throw new ServiceUnavailable('connection refused');
      }, { intervalMs: 40 });
      checkClass(chained, 'orders', () => sleep(1), { dependsOn: ['database'], intervalMs: 90 });
      checkClass(chained, 'invoices', () => sleep(1), { dependsOn: ['orders'], intervalMs: invoicesIntervalMs });
      return { service: serviceFor(chained), setDown: (value) => { down = value; } };
    }

    function recorder(): { notifier: Notifier; heard: HealthNotification[] } {
      const heard: HealthNotification[] = [];
      return { heard, notifier: { notify: (notification) => void heard.push(notification) } };
    }

    const describeBatch = (notification: HealthNotification | undefined): string[] =>
      (notification?.changes ?? []).map((change) => `${change.check.name} ${change.current}${change.check.blockedBy === undefined ? '' : ` blocked by ${change.check.blockedBy}`}`);

    async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline) throw new Error('condition not met in time');
        await sleep(5);
      }
    }

    it('sends one outage as one notification, root cause first, and one recovery as another', async () => {
      const { service, setDown } = chain();
      const { notifier, heard } = recorder();
      service.start({ intervalMs: 1_000 });
      try {
        await sleep(100); // every check has passed once
        attachNotifier(service, notifier);
        setDown(true);
        await until(() => heard.length >= 1);
        await sleep(500); // longer than the slowest interval: a late straggler would show here
        expect(heard.map(describeBatch)).to.deep.equal([['database fail', 'orders fail blocked by database', 'invoices fail blocked by database']]);
        setDown(false);
        await until(() => heard.length >= 2);
        await sleep(500);
        expect(heard.slice(1).map(describeBatch)).to.deep.equal([['database pass', 'orders pass', 'invoices pass']]);
      } finally {
        await service.stop();
      }
    });

    it('without coalescing (coalesceMs: 0), the same outage reaches the notifier in several batches', async () => {
      const { service, setDown } = chain();
      const { notifier, heard } = recorder();
      service.start({ intervalMs: 1_000 });
      try {
        await sleep(100);
        attachNotifier(service, notifier, { coalesceMs: 0 });
        setDown(true);
        await until(() => heard.flatMap((notification) => notification.changes).length >= 3);
        expect(heard.length).to.be.greaterThan(1);
      } finally {
        await service.stop();
      }
    });

    it('lets a held batch go after coalesceMs when a dependent does not execute in time', async () => {
      const { service, setDown } = chain(5_000);
      const { notifier, heard } = recorder();
      service.start({ intervalMs: 1_000 });
      try {
        await sleep(100);
        attachNotifier(service, notifier, { coalesceMs: 150 });
        let failedAt = 0;
        service.onStatusChange((check) => {
          if (check.name === 'database') failedAt = performance.now();
        });
        setDown(true);
        await until(() => heard.length >= 1);
        const waited = performance.now() - failedAt;
        expect(waited).to.be.within(140, 400);
        expect(describeBatch(heard[0])).to.deep.equal(['database fail', 'orders fail blocked by database']); // invoices runs every 5 s
      } finally {
        await service.stop();
      }
    });

    it('hands a held batch over at once to deliverPendingNotifications (a flush)', async () => {
      const { service, setDown } = chain(5_000);
      const { notifier, heard } = recorder();
      service.start({ intervalMs: 1_000 });
      try {
        await sleep(100);
        attachNotifier(service, notifier);
        let failed = false;
        service.onStatusChange((check) => {
          if (check.name === 'database') failed = true;
        });
        setDown(true);
        await until(() => failed);
        await sleep(20);
        expect(heard).to.have.length(0); // held: invoices has not executed again
        deliverPendingNotifications(notifier);
        expect(heard).to.have.length(1);
        expect(describeBatch(heard[0])[0]).to.equal('database fail');
      } finally {
        await service.stop();
      }
    });
  });
});
