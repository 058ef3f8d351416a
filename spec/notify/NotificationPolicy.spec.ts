import { expect } from 'chai';
import { NotificationPolicy } from '#lib/notify/NotificationPolicy.js';
import { failed, notification, recovered, result } from './changes.js';

const names = (changes: readonly { check: { name: string }; current: string }[]): string[] => changes.map((change) => `${change.check.name} ${change.current}`);

describe('NotificationPolicy', () => {
  const all = { onlyFailures: false, sendRecovery: true, throttleMs: 0 };

  it('never sends a check\'s first pass, nor a pass after a pass', () => {
    const policy = new NotificationPolicy(all);
    const selected = policy.select(notification([result('Api', 'pass', 'working'), undefined], [result('Db', 'pass', 'working'), 'pass'], failed('Disk')).changes);
    expect(names(selected)).to.deep.equal(['Disk fail']);
  });

  it('sends recoveries unless sendRecovery is false', () => {
    expect(names(new NotificationPolicy(all).select(notification(recovered('Api')).changes))).to.deep.equal(['Api pass']);
    expect(new NotificationPolicy({ ...all, sendRecovery: false }).select(notification(recovered('Api')).changes)).to.deep.equal([]);
  });

  it('with onlyFailures, keeps changes into and out of fail only', () => {
    const policy = new NotificationPolicy({ ...all, onlyFailures: true });
    const selected = policy.select(notification([result('Disk', 'warn', 'warning: full'), 'pass'], [result('Disk2', 'pass', 'working'), 'warn'], failed('Api'), recovered('Db')).changes);
    expect(names(selected)).to.deep.equal(['Api fail', 'Db pass']);
  });

  it('throttles a check that returns to a status it was notified of within the window, by the clock it is given', () => {
    const policy = new NotificationPolicy({ ...all, throttleMs: 1_000 });
    expect(policy.select(notification(failed('Api')).changes, 0)).to.have.length(1);
    expect(policy.select(notification(recovered('Api')).changes, 10)).to.have.length(1);
    expect(policy.select(notification(failed('Api')).changes, 999)).to.have.length(0);
    expect(policy.throttled).to.equal(1);
    expect(policy.select(notification(failed('Api')).changes, 1_000)).to.have.length(1);
    expect(policy.select(notification(failed('Db')).changes, 1_000)).to.have.length(1);
  });
});
