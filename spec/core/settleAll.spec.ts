import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { expect } from 'chai';
import sinon from 'sinon';
import { BACKSTOP_GRACE_MS } from '#lib/core/backstopGraceMs.js';
import { buildResult } from '#lib/core/buildResult.js';
import type { Pending } from '#lib/core/DependencyGate.js';
import { ExecutionScope } from '#lib/core/ExecutionScope.js';
import { settleAll, type SettleSlot } from '#lib/core/settleAll.js';
import { HealthCheck } from 'pulsecheck';
import type { CheckResult } from 'pulsecheck';
import { deferred, installClock } from './fixtures.js';

function slot(name: string, timeoutMs: number): SettleSlot {
  const definition = Object.freeze({ target: HealthCheck, name, critical: true, timeoutMs, tags: Object.freeze([]), description: undefined, cacheTtlMs: undefined });
  return { definition, timeoutMs };
}

function passing(forSlot: SettleSlot): CheckResult {
  return buildResult(forSlot.definition, 1, [], {});
}

/** Lets the sweep that arms the backstops of this turn run (setImmediate is not faked). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Settles `pending` over `slots`, keeping what it resolved with (undefined until then). */
function watch(slots: readonly SettleSlot[], pending: readonly Promise<CheckResult>[], unref = false): { readonly results: CheckResult[] | undefined } {
  const watched: { results: CheckResult[] | undefined } = { results: undefined };
  void settleAll(new ExecutionScope(), slots, pending, unref).then((results) => {
    watched.results = results;
  });
  return watched;
}

describe('settleAll', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.restore();
  });

  it('resolves with ready results at once, in order, and arms nothing', async () => {
    const slots = [slot('a', 100), slot('b', 100)];
    const results = await settleAll(new ExecutionScope(), slots, slots.map(passing));
    expect(results.map((result) => result.name)).to.deep.equal(['a', 'b']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('turns a rejection into an unknown error of that check', async () => {
    const slots = [slot('a', 100), slot('b', 100)];
    const results = await settleAll(new ExecutionScope(), slots, [Promise.resolve(passing(slots[0] as SettleSlot)), Promise.reject(Object.create(null) as Error)]);
    expect(results[0]?.status).to.equal('pass');
    expect(results[1]?.output).to.match(/^unknown error: the execution failed unexpectedly: /);
  });

  it('keeps every result, in order, whether the run ends within its microtasks or after the sweep that arms its backstop', async () => {
    const scope = new ExecutionScope();
    const slots = [slot('a', 100), slot('b', 100), slot('c', 100)];
    const [a, b, c] = slots as [SettleSlot, SettleSlot, SettleSlot];
    const quick = settleAll(scope, slots, [Promise.resolve(passing(a)), passing(b), Promise.resolve().then(() => passing(c))]);
    const late = deferred<CheckResult>();
    const slow = settleAll(scope, slots, [Promise.resolve(passing(a)), late.promise, passing(c)]);
    expect((await quick).map((result) => result.name)).to.deep.equal(['a', 'b', 'c']);
    await nextTurn();
    expect(clock.countTimers(), 'the slow run armed its backstop').to.equal(1);
    late.resolve(passing(b));
    expect((await slow).map((result) => result.name)).to.deep.equal(['a', 'b', 'c']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('turns a rejection into an unknown error of that check also when the others settle later, keeping their results', async () => {
    const slots = [slot('a', 100), slot('b', 100), slot('c', 100)];
    const later = deferred<CheckResult>();
    const settled = settleAll(new ExecutionScope(), slots, [Promise.reject(new Error('boom')), later.promise, Promise.resolve(passing(slots[2] as SettleSlot))]);
    await nextTurn();
    later.resolve(passing(slots[1] as SettleSlot));
    const results = await settled;
    expect(results.map((result) => result.status)).to.deep.equal(['fail', 'pass', 'pass']);
    expect(results[0]?.output).to.match(/^unknown error: /);
  });

  it('stops waiting for an execution that never settles 250 ms after the largest timeout, and says it abandoned it', async () => {
    const slots = [slot('quick', 50), slot('hung', 100)];
    const hung = new Promise<CheckResult>(() => undefined);
    const abandoned: [number, Pending][] = [];
    let settled: CheckResult[] | undefined;
    void settleAll(new ExecutionScope(), slots, [Promise.resolve(passing(slots[0] as SettleSlot)), hung], false, (index, execution) => abandoned.push([index, execution])).then((results) => {
      settled = results;
    });
    await clock.tickAsync(349);
    expect(settled).to.equal(undefined);
    await clock.tickAsync(1);
    expect(settled?.map((result) => result.output)).to.deep.equal(['working', 'timeout: did not finish within 100 ms']);
    expect(settled?.[1]?.durationMs).to.equal(350);
    expect(abandoned).to.deep.equal([[1, hung]]);
    expect(clock.countTimers()).to.equal(0);
  });

  it('clears its backstop once everything settled', async () => {
    const slots = [slot('a', 1_000)];
    let release: (result: CheckResult) => void = () => undefined;
    const later = new Promise<CheckResult>((resolve) => {
      release = resolve;
    });
    const settling = settleAll(new ExecutionScope(), slots, [later]);
    await clock.tickAsync(10);
    expect(clock.countTimers()).to.equal(1);
    release(passing(slots[0] as SettleSlot));
    await settling;
    expect(clock.countTimers()).to.equal(0);
  });

  it('counts the wait from its call, not from when the backstop got armed', async () => {
    const slots = [slot('hung', 100)];
    const watched = watch(slots, [new Promise<CheckResult>(() => undefined)]);
    clock.tick(200); // the loop is blocked for 200 ms before the sweep arms the backstop
    await nextTurn();
    await clock.tickAsync(149);
    expect(watched.results).to.equal(undefined);
    await clock.tickAsync(1);
    expect(watched.results?.map((result) => result.output)).to.deep.equal(['timeout: did not finish within 100 ms']);
  });

  it("counts the wait from the run's start when it is given one (the reading the run started with)", async () => {
    const slots = [slot('hung', 100)];
    const results: CheckResult[][] = [];
    const startedAt = performance.now() - 60;
    void settleAll(new ExecutionScope(), slots, [new Promise<CheckResult>(() => undefined)], false, undefined, startedAt).then((settled) => results.push(settled));
    await nextTurn();
    // the backstop waits the timeout and one grace period, 60 ms of which had passed before the call
    await clock.tickAsync(100 + BACKSTOP_GRACE_MS - 60 - 1);
    expect(results).to.deep.equal([]);
    await clock.tickAsync(1);
    await nextTurn();
    expect(results.map((settled) => settled.map((result) => result.output))).to.deep.equal([['timeout: did not finish within 100 ms']]);
  });

  it('times out a hung execution without an abandoned listener', async () => {
    const slots = [slot('hung', 100)];
    const watched = watch(slots, [new Promise<CheckResult>(() => undefined)]);
    await clock.tickAsync(350);
    expect(watched.results?.map((result) => result.output)).to.deep.equal(['timeout: did not finish within 100 ms']);
  });

  it('waits one more grace period when its backstop fired late, so that an execution running late too can still settle', async () => {
    const slots = [slot('late', 100)];
    const execution = deferred<CheckResult>();
    const watched = watch(slots, [execution.promise]);
    await nextTurn();
    clock.jump(1_000); // the loop was blocked: the backstop due at 350 ms fires at 1000 ms
    await clock.tickAsync(0);
    expect(watched.results).to.equal(undefined);
    execution.resolve(passing(slots[0] as SettleSlot));
    await clock.tickAsync(0);
    expect(watched.results?.map((result) => result.status)).to.deep.equal(['pass']);
    expect(clock.countTimers()).to.equal(0);
  });

  it('gives up one grace period after a late backstop, however late it fired', async () => {
    const slots = [slot('hung', 100)];
    const watched = watch(slots, [new Promise<CheckResult>(() => undefined)]);
    await nextTurn();
    clock.jump(1_000);
    await clock.tickAsync(249);
    expect(watched.results).to.equal(undefined);
    await clock.tickAsync(1);
    expect(watched.results?.map((result) => result.output)).to.deep.equal(['timeout: did not finish within 100 ms']);
    expect(watched.results?.[0]?.durationMs).to.equal(1_250);
    expect(clock.countTimers()).to.equal(0);
  });

  it('does not count a backstop fired exactly one grace period past its time as late', async () => {
    const slots = [slot('hung', 100)];
    const watched = watch(slots, [new Promise<CheckResult>(() => undefined)]);
    await nextTurn();
    clock.jump(600);
    await clock.tickAsync(0);
    expect(watched.results?.map((result) => result.output)).to.deep.equal(['timeout: did not finish within 100 ms']);
    expect(watched.results?.[0]?.durationMs).to.equal(600);
  });

  it('unrefs its backstop timer when asked to, so that a pending backstop never keeps the process alive, and keeps it referenced by default', async () => {
    const slots = [slot('a', 100)];
    const armed = sinon.spy(globalThis, 'setTimeout');
    try {
      const background = deferred<CheckResult>();
      const foreground = deferred<CheckResult>();
      const settling = [settleAll(new ExecutionScope(), slots, [background.promise], true), settleAll(new ExecutionScope(), slots, [foreground.promise])];
      await nextTurn();
      const timers = armed.returnValues;
      expect(timers.map((timer) => timer.hasRef())).to.deep.equal([false, true]);
      background.resolve(passing(slots[0] as SettleSlot));
      foreground.resolve(passing(slots[0] as SettleSlot));
      await Promise.all(settling);
    } finally {
      armed.restore();
    }
  });

  it('leaves the results it resolved with alone when an abandoned execution settles after all', async () => {
    const slots = [slot('late', 100)];
    const execution = deferred<CheckResult>();
    const watched = watch(slots, [execution.promise]);
    await clock.tickAsync(350);
    execution.resolve(passing(slots[0] as SettleSlot));
    await clock.tickAsync(0);
    expect(watched.results?.map((result) => result.output)).to.deep.equal(['timeout: did not finish within 100 ms']);
  });
});

describe('settleAll, on real timers, after the loop was blocked', () => {
  let server: Server | undefined;
  let sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    await new Promise<void>((resolve) => {
      if (server === undefined) resolve();
      else server.close(() => { resolve(); });
    });
    server = undefined;
  });

  it('lets a reply read in the turn the backstop fires settle its execution first, instead of reporting it timed out', async () => {
    // The backstop waits for the timeout (50 ms) plus 250 ms; the loop is then blocked until about 455 ms,
    // which is late, but by less than one more grace period: it gives up in the turn it fires.
    server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const serverSide = new Promise<Socket>((resolve) => server?.once('connection', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    sockets.push(client);
    const remote = await serverSide;
    const slots = [slot('reply', 50)];
    const execution = new Promise<CheckResult>((resolve) => client.once('data', () => { resolve(passing(slots[0] as SettleSlot)); }));
    const settled = settleAll(new ExecutionScope(), slots, [execution]);
    await nextTurn();
    // Blocked in the check phase (as by a request handler in the poll phase): the next turn runs its
    // timers, the backstop among them, before its poll phase reads the reply.
    setTimeout(() => {
      setImmediate(() => {
        // the reply reaches the client's socket now, but is read only after the block
        remote.write('+PONG\r\n');
        const until = performance.now() + 450;
        while (performance.now() < until) {
          // the loop is blocked
        }
      });
    }, 5);
    const [result] = await settled;
    expect(result?.status).to.equal('pass');
  });
});
