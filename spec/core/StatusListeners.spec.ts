import { expect } from 'chai';
import { buildResult } from '#lib/core/buildResult.js';
import { StatusListeners } from '#lib/core/StatusListeners.js';
import { slot } from './unitFixtures.js';

describe('StatusListeners', () => {
  // A slot belongs to one service: each spec gets its own, so no unit sees another's state on it.
  let key = slot('Db');
  beforeEach(() => {
    key = slot('Db');
  });
  const pass = buildResult(key.definition, 1, [], {});
  const fail = buildResult(key.definition, 1, [{ kind: 'unavailable', message: 'down' }], {});

  it('tells each listener of a change of status only, with the previous and the current status', () => {
    const listeners = new StatusListeners();
    const heard: unknown[] = [];
    const remove = listeners.add((_result, previous, current) => heard.push([previous, current]));
    listeners.notify(key, pass);
    listeners.notify(key, pass);
    listeners.notify(key, fail);
    remove();
    listeners.notify(key, pass);
    expect(heard).to.deep.equal([
      [undefined, 'pass'],
      ['pass', 'fail'],
    ]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => new StatusListeners().add('log' as never)).to.throw(TypeError, 'onStatusChange: listener must be a function');
  });

  it('does not call a result listener that an earlier one removed during the same notification', () => {
    const listeners = new StatusListeners();
    const heard: string[] = [];
    let removeSecond = (): void => undefined;
    listeners.addResult(() => {
      heard.push('first');
      removeSecond();
    });
    removeSecond = listeners.addResult(() => heard.push('second'));
    listeners.notify(key, pass);
    listeners.notify(key, pass);
    expect(heard).to.deep.equal(['first', 'first']);
  });

  it('calls a listener subscribed twice once per change, and one unsubscribe removes it', () => {
    const listeners = new StatusListeners();
    let calls = 0;
    const listener = (): void => {
      calls += 1;
    };
    const remove = listeners.add(listener);
    listeners.add(listener);
    listeners.notify(key, pass);
    remove();
    listeners.notify(key, fail);
    expect(calls).to.equal(1);
  });

  it('tells a status-change listener added during a notification only from the next change on, and one removed and added again is still called', () => {
    const listeners = new StatusListeners();
    const heard: string[] = [];
    const late = (): void => {
      heard.push('late');
    };
    const second = (): void => {
      heard.push('second');
    };
    let removeSecond = (): void => undefined;
    listeners.add(() => {
      heard.push('first');
      listeners.add(late);
      removeSecond();
      removeSecond = listeners.add(second);
    });
    removeSecond = listeners.add(second);
    listeners.notify(key, pass);
    expect(heard).to.deep.equal(['first', 'second']);
    listeners.notify(key, fail);
    expect(heard.slice(2)).to.deep.equal(['first', 'late', 'second']);
  });

  it('calls no status-change listener for an execution whose status did not change, but every result listener', () => {
    const listeners = new StatusListeners();
    const heard: string[] = [];
    listeners.add(() => heard.push('change'));
    listeners.addResult(() => heard.push('result'));
    listeners.notify(key, pass);
    listeners.notify(key, pass);
    expect(heard).to.deep.equal(['change', 'result', 'result']);
  });
});
