import { expect } from 'chai';
import type { CheckResult, HealthStatus } from 'pulsecheck';
import { blockedResult } from '#lib/core/blockedResult.js';
import type { CheckSlot } from '#lib/core/CheckSlot.js';
import type { Pending } from '#lib/core/DependencyGate.js';
import { buildResult } from '#lib/core/buildResult.js';
import { ExecutionRecorder } from '#lib/core/ExecutionRecorder.js';
import { flapRule } from '#lib/core/FlapRule.js';
import { ResultHistory } from '#lib/core/ResultHistory.js';
import { SingleFlight } from '#lib/core/SingleFlight.js';
import { StatusListeners } from '#lib/core/StatusListeners.js';
import { slot } from './unitFixtures.js';

describe('ExecutionRecorder', () => {
  const failing = (on: CheckSlot): CheckResult => buildResult(on.definition, 1, [{ kind: 'unavailable', message: 'down' }], {});
  let flights: SingleFlight<CheckSlot, Pending>;
  let history: ResultHistory<CheckSlot>;
  let listeners: StatusListeners;
  let recorder: ExecutionRecorder;
  let changes: [string, HealthStatus | undefined, HealthStatus][];

  beforeEach(() => {
    flights = new SingleFlight(true);
    history = new ResultHistory(5);
    listeners = new StatusListeners();
    recorder = new ExecutionRecorder(flights, history, listeners);
    changes = [];
    listeners.add((result, previous, current) => changes.push([result.name, previous, current]));
  });

  it('makes a result the latest, a history entry and a notification, once per execution', () => {
    const db = slot('Db');
    const result = buildResult(db.definition, 2, [], {});
    expect(recorder.record(db, result, undefined)).to.equal(result);
    expect(recorder.cache.latest(db)?.result).to.equal(result);
    expect(history.snapshot(db, 'Db').entries.map((entry) => entry.status)).to.deep.equal(['pass']);
    expect(changes).to.deep.equal([['Db', undefined, 'pass']]);
  });

  it('records an execution at the time its verdict was given, when handed over (no clock of its own)', () => {
    const db = slot('Db');
    recorder.record(db, buildResult(db.definition, 2, [], {}), undefined, 1_234.5);
    expect(recorder.cache.latest(db)?.finishedAt).to.equal(1_234.5);
    const before = performance.now();
    recorder.record(db, buildResult(db.definition, 2, [], {}), undefined);
    expect(recorder.cache.latest(db)?.finishedAt).to.be.at.least(before);
  });

  it('stops offering its own execution to joiners, but not a newer one that replaced it', () => {
    const db = slot('Db');
    const older = Promise.resolve(buildResult(db.definition, 1, [], {}));
    const newer = Promise.resolve(buildResult(db.definition, 1, [], {}));
    flights.set(db, older);
    recorder.record(db, buildResult(db.definition, 1, [], {}), older);
    expect(flights.join(db)).to.equal(undefined);
    flights.set(db, older);
    flights.set(db, newer);
    recorder.record(db, buildResult(db.definition, 1, [], {}), older);
    expect(flights.join(db)).to.equal(newer);
  });

  it('holds a failure back under the check\'s flap rule, and reports what it held back', () => {
    const db = { ...slot('Db'), flap: flapRule(2, undefined) };
    const first = recorder.record(db, failing(db), undefined);
    expect(first.status, 'the first of two failures is held back, as a warning').to.equal('warn');
    expect(recorder.record(db, failing(db), undefined).status).to.equal('fail');
  });

  it('neither holds back nor counts a result blocked by a dependency: that failure is the dependency\'s', () => {
    const db = slot('Db');
    const api = { ...slot('Api'), flap: flapRule(2, undefined) };
    const blocked = blockedResult(api.definition, 0, failing(db));
    expect(recorder.record(api, blocked, undefined)).to.equal(blocked);
    expect(recorder.record(api, failing(api), undefined).status, 'still the first failure of its own').to.equal('warn');
  });
});
