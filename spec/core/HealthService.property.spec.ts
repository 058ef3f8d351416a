import { expect } from 'chai';
import fc from 'fast-check';
import { HealthCheckRegistry, type HealthService } from 'pulsecheck';
import { activeResources, settleResources } from '../support/activeResources.js';
import { checkSpec, listenerSpec, makeBody, numRuns, type CheckSpec, type ListenerSpec } from '../support/arbitraries.js';
import { recordProcessFailures } from '../support/processFailures.js';
import { expectWellFormedReport } from '../support/wellFormedReport.js';
import { checkClass, serviceFor, sleep, type CheckBody } from './fixtures.js';

/** How much later than its largest timeout a run may settle (generous: the machine is shared). */
const marginMs = 200;

interface Built {
  readonly service: HealthService;
  readonly names: readonly string[];
  readonly largestTimeoutMs: number;
  /** The fake checks' own timers (a timed-out body may leave one): cleared after each run, they are not pulsecheck's. */
  readonly bodyTimers: Set<NodeJS.Timeout>;
  executions(): number;
}

function build(specs: readonly CheckSpec[]): Built {
  const registry = new HealthCheckRegistry();
  const bodyTimers = new Set<NodeJS.Timeout>();
  let executions = 0;
  const names = specs.map((spec, index) => {
    const name = `check-${index}`;
    const body = makeBody(spec.body, bodyTimers);
    checkClass(
      registry,
      name,
      (context) => {
        executions += 1;
        return body(context) as ReturnType<CheckBody>;
      },
      { timeoutMs: spec.timeoutMs, critical: spec.critical },
    );
    return name;
  });
  return {
    service: serviceFor(registry),
    names,
    largestTimeoutMs: Math.max(...specs.map((spec) => spec.timeoutMs)),
    bodyTimers,
    executions: () => executions,
  };
}

function clearBodyTimers(built: Built): void {
  for (const timer of built.bodyTimers) clearTimeout(timer);
  built.bodyTimers.clear();
}

/** Subscribes listeners that behave as `specs` say, and checks none is called once it was removed. */
function subscribe(service: HealthService, specs: readonly ListenerSpec[]): { readonly calledAfterRemoval: string[] } {
  const calledAfterRemoval: string[] = [];
  const removers: (() => void)[] = [];
  const removed = new Set<number>();
  specs.forEach((spec, index) => {
    let subscribed = false;
    const remove = service.onStatusChange(() => {
      if (removed.has(index)) calledAfterRemoval.push(`listener ${index}`);
      if (spec.unsubscribesItself) {
        removed.add(index);
        remove();
      }
      if (spec.unsubscribesTheNext && index + 1 < removers.length) {
        removed.add(index + 1);
        removers[index + 1]?.();
      }
      if (spec.subscribesAnother && !subscribed) {
        subscribed = true;
        service.onStatusChange(() => undefined);
      }
      if (spec.throws !== undefined) throw spec.throws.make();
    });
    removers.push(remove);
  });
  return { calledAfterRemoval };
}

describe('HealthService, property-based', function () {
  this.timeout(60_000);
  const failures = recordProcessFailures();

  /** Starts a run of a property afresh: what an earlier, failed run left is not blamed on this one. */
  async function beginRun(): Promise<Map<string, number>> {
    await failures.reset();
    return activeResources();
  }

  async function expectNothingLeft(built: Built, before: Map<string, number>): Promise<void> {
    clearBodyTimers(built);
    expect(await settleResources(before, 500), 'resources left behind').to.deep.equal({});
    const { warnings } = await failures.expectNone();
    for (const { warning, type } of warnings) {
      expect(type).to.equal('PulsecheckListenerWarning');
      expect(warning).to.be.a('string').and.match(/^pulsecheck: a status-change listener threw: \S/);
    }
  }

  it('run() settles within the largest timeout plus a margin, never rejects, and reports well-formed, whatever the checks do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(checkSpec, { minLength: 1, maxLength: 5 }), fc.boolean(), async (specs, fresh) => {
        const before = await beginRun();
        const built = build(specs);
        const started = performance.now();
        const report = await built.service.run({ fresh });
        const elapsed = performance.now() - started;
        expect(elapsed, 'run() duration').to.be.below(built.largestTimeoutMs + marginMs);
        expectWellFormedReport(report, built.names);
        specs.forEach((spec, index) => {
          const result = report.checks[index];
          if (spec.body.kind === 'returns') expect(result?.status).to.equal('pass');
          if (spec.body.kind === 'hangs' || spec.body.kind === 'thenable never calls back') expect(result?.errors[0]?.kind).to.equal('timeout');
          if (spec.body.kind === 'throws') expect(result?.status).to.not.equal('pass');
        });
        await expectNothingLeft(built, before);
      }),
      { numRuns: numRuns(40) },
    );
  });

  it('run() never rejects because of a status-change listener, and a removed listener is never called again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(checkSpec, { minLength: 1, maxLength: 3 }),
        fc.array(listenerSpec, { minLength: 1, maxLength: 4 }),
        async (specs, listeners) => {
          const before = await beginRun();
          const built = build(specs);
          const { calledAfterRemoval } = subscribe(built.service, listeners);
          for (let round = 0; round < 2; round += 1) {
            const report = await built.service.run({ fresh: true });
            expectWellFormedReport(report, built.names);
          }
          expect(calledAfterRemoval).to.deep.equal([]);
          await expectNothingLeft(built, before);
        },
      ),
      { numRuns: numRuns(30) },
    );
  });

  it('background mode answers well-formed reports, keeps its schedule whatever checks and listeners do, and stop() settles, leaving nothing running', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(checkSpec, { minLength: 1, maxLength: 3 }),
        fc.array(listenerSpec, { maxLength: 3 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        async (specs, listeners, intervalMs, waitMs) => {
          const before = await beginRun();
          const built = build(specs);
          subscribe(built.service, listeners);
          expect(() => {
            built.service.start({ intervalMs });
          }).not.to.throw();
          expect(built.service.running).to.equal(true);
          await sleep(waitMs);
          expectWellFormedReport(await built.service.run(), built.names);
          const stopping = performance.now();
          await built.service.stop();
          expect(performance.now() - stopping, 'stop() duration').to.be.below(built.largestTimeoutMs + marginMs);
          expect(built.service.running).to.equal(false);
          const executions = built.executions();
          await sleep(2 * intervalMs + 5);
          expect(built.executions(), 'executions after stop()').to.equal(executions);
          await expectNothingLeft(built, before);
        },
      ),
      { numRuns: numRuns(25) },
    );
  });
});
