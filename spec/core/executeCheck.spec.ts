import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, type CheckContext, type CheckResult } from 'pulsecheck';
import type { CheckDefinition } from '#lib/core/CheckDefinition.js';
import { DeadlineTimer } from '#lib/core/DeadlineTimer.js';
import { executeCheck } from '#lib/core/executeCheck.js';
import { activeResources, settleResources } from '../support/activeResources.js';
import { checkClass, serviceFor } from './fixtures.js';

const definition: CheckDefinition = Object.freeze({
  target: HealthCheck,
  name: 'Hostile',
  critical: true,
  timeoutMs: 100,
  tags: Object.freeze([]),
  description: undefined,
  cacheTtlMs: undefined,
});

/** A check instance whose check() is `body`. */
function instance(body: (context: CheckContext) => unknown): HealthCheck {
  return { check: body } as unknown as HealthCheck;
}

/** A value that throws on every operation anything could try on it. */
function trapEverything(): object {
  return new Proxy(
    {},
    new Proxy(
      {},
      {
        get() {
          return () => {
            throw new Error('trapped');
          };
        },
      },
    ),
  );
}

/** Runs executeCheck, failing the spec if it throws synchronously. */
function execute(body: (context: CheckContext) => unknown, timeoutMs = 100): Promise<CheckResult> {
  let pending: Promise<CheckResult> | undefined;
  expect(() => {
    pending = executeCheck(definition, instance(body), timeoutMs);
  }, 'executeCheck threw synchronously').not.to.throw();
  return pending as Promise<CheckResult>;
}

describe('executeCheck', () => {
  let resourcesBefore: Map<string, number>;
  beforeEach(() => {
    resourcesBefore = activeResources();
  });
  afterEach(async () => {
    expect(DeadlineTimer.pending).to.equal(0);
    expect(await settleResources(resourcesBefore)).to.deep.equal({});
  });

  describe('turns whatever a check does into a result, never throwing nor rejecting', () => {
    const cases: [string, (context: CheckContext) => unknown, string][] = [
      ['a thenable whose then throws', () => ({ then: () => { throw new Error('then broke'); } }), 'fail'],
      ['a thenable whose then getter throws', () => ({ get then(): never { throw new Error('getter broke'); } }), 'fail'],
      ['a returned Proxy that throws on every trap', () => trapEverything(), 'fail'],
      ['a synchronous throw of a Proxy that throws on every trap', () => { throw trapEverything() as Error; }, 'fail'],
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point is a hostile reason
      ['an async rejection with a Proxy that throws on every trap', () => Promise.reject(trapEverything()), 'fail'],
      ['a thenable that rejects with a Proxy that throws on every trap', () => ({ then: (_: unknown, reject: (reason: unknown) => void) => { reject(trapEverything()); } }), 'fail'],
      ['a thenable that fulfils synchronously, then throws', () => ({ then: (resolve: () => void) => { resolve(); throw new Error('after'); } }), 'pass'],
      ['a thenable that calls both callbacks, many times', () => ({ then: (resolve: () => void, reject: (reason: unknown) => void) => { resolve(); reject(new Error('no')); resolve(); } }), 'pass'],
      ['a thenable that rejects synchronously, then throws', () => ({ then: (_: unknown, reject: (reason: unknown) => void) => { reject(new Error('first')); throw new Error('second'); } }), 'fail'],
      ['a function with a then method that throws', () => Object.assign(() => undefined, { then: () => { throw new Error('fn then'); } }), 'fail'],
      ['an Error whose message is a number', () => { const error = new Error('x'); (error as { message: unknown }).message = 42; throw error; }, 'fail'],
      ['an Error whose message getter throws', () => { throw Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('no message'); } }); }, 'fail'],
      ['an object without a prototype', () => { throw Object.create(null); }, 'fail'],
      ['a returned string', () => 'not a promise', 'pass'],
      ['a returned object without then', () => ({ status: 'ok' }), 'pass'],
    ];
    for (const [what, body, status] of cases) {
      it(`handles ${what}`, async () => {
        const result = await execute(body);
        expect(result.status).to.equal(status);
        expect(result.errors.every((error) => typeof error.message === 'string' && error.message !== '')).to.equal(true);
      });
    }

    it('times out a thenable that never calls back', async () => {
      const result = await execute(() => ({ then: () => undefined }), 30);
      expect(result.output).to.equal('timeout: did not finish within 30 ms');
    });

    it('records hostile values passed to addError and addWarning instead of throwing at the check', async () => {
      const thrown: unknown[] = [];
      const result = await execute((context) => {
        for (const record of [() => { context.addError(trapEverything()); }, () => { context.addWarning(trapEverything() as unknown as string); }, () => { context.addWarning(Symbol('s') as unknown as string); }]) {
          try {
            record();
          } catch (error) {
            thrown.push(error);
          }
        }
      });
      expect(thrown).to.deep.equal([]);
      expect(result.errors.map((error) => error.kind)).to.deep.equal(['unknown error', 'warning', 'warning']);
    });
  });

  it('lets run() settle, with a result for each hostile check', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'ThenThrows', () => ({ then: () => { throw new Error('then broke'); } }) as unknown as Promise<void>);
    checkClass(registry, 'ThrowsProxy', () => {
      throw trapEverything() as Error;
    });
    checkClass(registry, 'Fine', () => undefined);
    const report = await serviceFor(registry).run();
    expect(report.checks.map((check) => [check.name, check.status])).to.deep.equal([
      ['ThenThrows', 'fail'],
      ['ThrowsProxy', 'fail'],
      ['Fine', 'pass'],
    ]);
  });
});
