import { expect } from 'chai';
import { SingleFlight } from '#lib/core/SingleFlight.js';
import type { CheckSlot } from '#lib/core/CheckSlot.js';
import { slot } from './unitFixtures.js';

describe('SingleFlight', () => {
  it('offers the execution in flight until it is forgotten', () => {
    const flights = new SingleFlight<CheckSlot, Promise<number>>(true);
    const db = slot('Db');
    const execution = Promise.resolve(1);
    flights.set(db, execution);
    expect(flights.join(db)).to.equal(execution);
    flights.forget(db, execution);
    expect(flights.join(db)).to.equal(undefined);
  });

  it('keeps a newer execution when the older one is forgotten', () => {
    const flights = new SingleFlight<CheckSlot, Promise<number>>(true);
    const db = slot('Db');
    const older = Promise.resolve(1);
    const newer = Promise.resolve(2);
    flights.set(db, older);
    flights.set(db, newer);
    flights.forget(db, older);
    expect(flights.join(db)).to.equal(newer);
  });

  it('offers nothing when disabled', () => {
    const flights = new SingleFlight<CheckSlot, Promise<number>>(false);
    const db = slot('Db');
    flights.set(db, Promise.resolve(1));
    expect(flights.join(db)).to.equal(undefined);
  });

  it('keeps nothing when disabled, however many executions are set and forgotten', () => {
    const flights = new SingleFlight<CheckSlot, Promise<number>>(false);
    const db = slot('Db');
    for (let index = 0; index < 3; index += 1) {
      const execution = Promise.resolve(index);
      flights.set(db, execution);
      flights.forget(db, execution);
    }
    expect(db.state.inFlight).to.equal(undefined);
  });

  it('keeps each key\'s execution on its own, in the key\'s state', () => {
    const flights = new SingleFlight<CheckSlot, Promise<number>>(true);
    const db = slot('Db');
    const cache = slot('Cache');
    const first = Promise.resolve(1);
    const second = Promise.resolve(2);
    flights.set(db, first);
    flights.set(cache, second);
    expect(flights.join(db)).to.equal(first);
    expect(flights.join(cache)).to.equal(second);
    expect(db.state.inFlight).to.equal(first);
    flights.forget(db, first);
    expect(flights.join(cache), 'forgetting one key leaves the other').to.equal(second);
  });
});
