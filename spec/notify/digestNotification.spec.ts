import { expect } from 'chai';
import { digestNotification } from '#lib/notify/digestNotification.js';
import { failed, notification, recovered } from './changes.js';

describe('digestNotification', () => {
  it('counts checks, not transitions: one check flapping in one batch is one check, by its last change', () => {
    const flapping = notification(failed('Api'), recovered('Api'), failed('Api'), recovered('Api'), failed('Api'), recovered('Api'), failed('Api'), recovered('Api'), failed('Api'), recovered('Api'));
    const digest = digestNotification(flapping, undefined);
    expect(digest.title).to.equal('health 1 recovered');
    expect(digest.lines).to.deep.equal(['RECOVERED Api (was fail) [changed 10 times]']);
    expect(digest.changes).to.have.length(1);
    expect(digest.changes[0]).to.deep.include({ name: 'Api', current: 'pass', transitions: 10 });
  });

  it('keeps the checks in the order each first changed, and counts each once', () => {
    const digest = digestNotification(notification(failed('Db'), failed('Api'), recovered('Db'), failed('Db')), 'orders-api');
    expect(digest.title).to.equal('orders-api: health 2 failed');
    expect(digest.lines).to.deep.equal(['FAILED Db [changed 3 times]: unavailable: down', 'FAILED Api: unavailable: down']);
  });

  it('names at most 50 blocked checks under a root cause, then how many more', () => {
    const blocked = Array.from({ length: 120 }, (_, index) => failed(`Dependent${index}`, 'unavailable: blocked by Db', { blockedBy: 'Db' }));
    const digest = digestNotification(notification(failed('Db'), ...blocked), undefined);
    expect(digest.title).to.equal('health 1 failed, 120 blocked');
    expect(digest.lines[1]).to.match(/^ {2}blocked by it: Dependent0, Dependent1, .*Dependent49 … and 70 more$/);
  });
});
