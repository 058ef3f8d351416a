import { expect } from 'chai';
import { SingleFlight } from '#lib/core/SingleFlight.js';

describe('SingleFlight', () => {
  it('offers the execution in flight until it is forgotten', () => {
    const flights = new SingleFlight<string, number>(true);
    const execution = Promise.resolve(1);
    flights.set('db', execution);
    expect(flights.join('db')).to.equal(execution);
    flights.forget('db', execution);
    expect(flights.join('db')).to.equal(undefined);
  });

  it('keeps a newer execution when the older one is forgotten', () => {
    const flights = new SingleFlight<string, number>(true);
    const older = Promise.resolve(1);
    const newer = Promise.resolve(2);
    flights.set('db', older);
    flights.set('db', newer);
    flights.forget('db', older);
    expect(flights.join('db')).to.equal(newer);
  });

  it('offers nothing when disabled', () => {
    const flights = new SingleFlight<string, number>(false);
    flights.set('db', Promise.resolve(1));
    expect(flights.join('db')).to.equal(undefined);
  });
});
