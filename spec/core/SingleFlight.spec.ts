import { expect } from 'chai';
import { SingleFlight } from '#lib/core/SingleFlight.js';

describe('SingleFlight', () => {
  it('offers the execution in flight until it is forgotten', () => {
    const flights = new SingleFlight<string, Promise<number>>(true);
    const execution = Promise.resolve(1);
    flights.set('db', execution);
    expect(flights.join('db')).to.equal(execution);
    flights.forget('db', execution);
    expect(flights.join('db')).to.equal(undefined);
  });

  it('keeps a newer execution when the older one is forgotten', () => {
    const flights = new SingleFlight<string, Promise<number>>(true);
    const older = Promise.resolve(1);
    const newer = Promise.resolve(2);
    flights.set('db', older);
    flights.set('db', newer);
    flights.forget('db', older);
    expect(flights.join('db')).to.equal(newer);
  });

  it('offers nothing when disabled', () => {
    const flights = new SingleFlight<string, Promise<number>>(false);
    flights.set('db', Promise.resolve(1));
    expect(flights.join('db')).to.equal(undefined);
  });

  it('keeps nothing when disabled, however many executions are set and forgotten', () => {
    const flights = new SingleFlight<string, Promise<number>>(false);
    for (let index = 0; index < 3; index += 1) {
      const execution = Promise.resolve(index);
      flights.set('db', execution);
      flights.forget('db', execution);
    }
    expect(flights.keys).to.equal(0);
  });

  it('writes one entry per key, reused by every later execution of that key', () => {
    const flights = new SingleFlight<string, Promise<number>>(true);
    for (let index = 0; index < 3; index += 1) {
      const execution = Promise.resolve(index);
      flights.set('db', execution);
      expect(flights.join('db')).to.equal(execution);
      flights.forget('db', execution);
      expect(flights.join('db')).to.equal(undefined);
    }
    flights.set('cache', Promise.resolve(9));
    expect(flights.keys).to.equal(2);
  });
});
