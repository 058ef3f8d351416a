import { expect } from 'chai';
import { HealthCheck, type CheckResult } from 'pulsecheck';
import { CheckExecutor } from '#lib/core/CheckExecutor.js';
import type { CheckSlot } from '#lib/core/CheckSlot.js';
import { DependencyGate, type Pending } from '#lib/core/DependencyGate.js';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { ExecutionRecorder } from '#lib/core/ExecutionRecorder.js';
import { ResultHistory } from '#lib/core/ResultHistory.js';
import { SingleFlight } from '#lib/core/SingleFlight.js';
import { StatusListeners } from '#lib/core/StatusListeners.js';
import { deferred } from './fixtures.js';
import { slot } from './unitFixtures.js';

/** A slot whose check counts its executions and settles when `gate` does. */
function counted(name: string, gate: Promise<void>): CheckSlot & { readonly executions: () => number } {
  let executions = 0;
  const instance = new (class extends HealthCheck {
    check(): Promise<void> {
      executions += 1;
      return gate;
    }
  })();
  return { ...slot(name), instance, executions: () => executions };
}

function executorFor(slots: readonly CheckSlot[], singleFlight = true, known: (slot: CheckSlot) => CheckResult | undefined = () => undefined): CheckExecutor {
  const flights = new SingleFlight<CheckSlot, Pending>(singleFlight);
  return new CheckExecutor(new DependencyGate(slots), new ExecutionRecorder(flights, new ResultHistory(0), new StatusListeners()), flights, known);
}

describe('CheckExecutor', () => {
  afterEach(() => {
    expect(DeadlineTimer.pending, 'executions still tracked by a deadline timer').to.equal(0);
  });

  it('joins an execution in flight instead of starting another, and executes anew once it ended', async () => {
    const reply = deferred();
    const db = counted('Db', reply.promise);
    const executor = executorFor([db]);
    const [first] = executor.answer([db], false);
    const [joined] = executor.answer([db], false);
    expect(joined).to.equal(first);
    reply.resolve();
    await executor.settle([db], [first as Promise<CheckResult>]);
    await executor.settle([db], executor.answer([db], false));
    expect(db.executions()).to.equal(2);
  });

  it('starts its own execution for a fresh answer, and for every answer when single-flight is off', async () => {
    const db = counted('Db', Promise.resolve());
    const sharing = executorFor([db]);
    const pending = [...sharing.answer([db], false), ...sharing.answer([db], true)];
    await sharing.settle([db, db], pending);
    const alone = executorFor([db], false);
    await alone.settle([db, db], [...alone.answer([db], false), ...alone.answer([db], false)]);
    expect(db.executions()).to.equal(4);
  });

  it('answers what the service knows without executing, unless fresh', async () => {
    const db = counted('Db', Promise.resolve());
    const known = { ...(await executorFor([db]).settle([db], executorFor([db]).answer([db], true)))[0] } as CheckResult;
    const executions = db.executions();
    const executor = executorFor([db], true, () => known);
    expect(executor.answer([db], false)).to.deep.equal([known]);
    expect(db.executions()).to.equal(executions);
  });

  it('runs its executions in a scope of its own: another executor\'s timer tracks none of them', async () => {
    const reply = deferred();
    const db = counted('Db', reply.promise);
    const executor = executorFor([db]);
    const other = executorFor([db]);
    const pending = executor.answer([db], true);
    expect(executor.scope.timer.size).to.equal(1);
    expect(other.scope.timer.size).to.equal(0);
    reply.resolve();
    await executor.settle([db], pending);
    expect(executor.scope.timer.size).to.equal(0);
  });

  it('does not leave an execution whose thenable settled inside its own then() offered to later answers (it is recorded already)', async () => {
    let executions = 0;
    const instance = new (class extends HealthCheck {
      check(): Promise<void> {
        executions += 1;
        const thenable: PromiseLike<void> = {
          then(onFulfilled?: ((value: undefined) => unknown) | null): PromiseLike<never> {
            onFulfilled?.(undefined);
            return this as unknown as PromiseLike<never>;
          },
        };
        return thenable as Promise<void>;
      }
    })();
    const db: CheckSlot = { ...slot('Db'), instance };
    const executor = executorFor([db]);
    const [first] = await executor.settle([db], executor.answer([db], false));
    const [second] = await executor.settle([db], executor.answer([db], false));
    expect(first?.status).to.equal('pass');
    expect(second?.status).to.equal('pass');
    expect(executions, 'the second answer executed anew instead of joining a finished execution').to.equal(2);
  });
});
