import { expect } from 'chai';
import { buildResult } from '#lib/core/executeCheck.js';
import { StatusListeners } from '#lib/core/StatusListeners.js';
import { slot } from './unitFixtures.js';

describe('StatusListeners', () => {
  const key = slot('Db');
  const pass = buildResult(key.definition, 1, [], {});
  const fail = buildResult(key.definition, 1, [{ kind: 'unavailable', message: 'down' }], {});

  it('tells each listener of a change of status only, with the previous and the current status', () => {
    const listeners = new StatusListeners<object>();
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
    expect(() => new StatusListeners<object>().add('log' as never)).to.throw(TypeError, 'onStatusChange: listener must be a function');
  });

  it('does not call a result listener that an earlier one removed during the same notification', () => {
    const listeners = new StatusListeners<object>();
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
});
