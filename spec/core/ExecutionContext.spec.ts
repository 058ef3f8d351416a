import { expect } from 'chai';
import { HealthCheckRegistry, type CheckContext, type CheckResult } from 'pulsecheck';
import { checkClass, serviceFor } from './fixtures.js';

/** Runs one check whose body is `body` in a fresh service, and returns its result. */
async function runWith(body: (context: CheckContext) => void | Promise<void>): Promise<CheckResult> {
  const registry = new HealthCheckRegistry();
  checkClass(registry, 'Probe', body, { timeoutMs: 1_000 });
  const report = await serviceFor(registry).run();
  return report.checks[0] as CheckResult;
}

/** Counts the AbortControllers made while `during` runs. */
async function controllersMadeDuring(during: () => Promise<unknown>): Promise<number> {
  const original = globalThis.AbortController;
  let made = 0;
  globalThis.AbortController = class extends original {
    constructor() {
      super();
      made += 1;
    }
  };
  try {
    await during();
  } finally {
    globalThis.AbortController = original;
  }
  return made;
}

describe('ExecutionContext (what a check receives)', () => {
  it('carries only the members CheckContext documents, never the engine\'s execution record', async () => {
    let seen: CheckContext | undefined;
    await runWith((context) => {
      seen = context;
    });
    const context = seen as CheckContext;
    expect(Object.getOwnPropertyNames(context), 'no own property: every member is on the prototype').to.deep.equal([]);
    expect(Object.getOwnPropertySymbols(context)).to.deep.equal([]);
    const prototype = Object.getPrototypeOf(context) as object;
    expect(Object.getOwnPropertyNames(prototype).sort()).to.deep.equal(['addError', 'addWarning', 'constructor', 'observe', 'signal']);
    expect(Object.getPrototypeOf(prototype)).to.equal(Object.prototype);
    for (const internal of ['deadline', 'previous', 'next', 'state', 'resolve', 'settle', 'expire', 'abortBy', 'started', 'timeoutMs', 'dueAt', 'listen', 'promise', 'then', 'deliver']) {
      expect(internal in context, internal).to.equal(false);
    }
  });

  it('lets a check replace none of its members: each is an accessor of a frozen prototype, and assigning one throws', async () => {
    const result = await runWith((context) => {
      expect(Object.isFrozen(Object.getPrototypeOf(context))).to.equal(true);
      for (const member of ['addError', 'addWarning', 'observe', 'signal']) {
        expect(() => {
          (context as unknown as Record<string, unknown>)[member] = () => undefined;
        }, member).to.throw(TypeError);
      }
      context.addWarning('still recorded');
    });
    expect(result.output).to.equal('warning: still recorded');
  });

  it('hands the same function at every read of a member', async () => {
    await runWith((context) => {
      expect(context.addError).to.equal(context.addError);
      expect(context.addWarning).to.equal(context.addWarning);
      expect(context.observe).to.equal(context.observe);
    });
  });

  it('works destructured: every member, signal included, keeps working without `this`', async () => {
    const result = await runWith(({ signal, addError, addWarning, observe }) => {
      expect(signal).to.be.instanceOf(AbortSignal);
      expect(signal.aborted).to.equal(false);
      observe('depth', 3, 'messages');
      addWarning('queue growing');
      addError('down');
    });
    expect(result.status).to.equal('fail');
    expect(result.errors.map((error) => error.kind)).to.deep.equal(['warning', 'unavailable']);
    expect(result.observations).to.deep.equal({ depth: { value: 3, unit: 'messages' } });
  });

  it('makes an AbortController only for a check that reads signal (once, however often it is read)', async () => {
    expect(await controllersMadeDuring(() => runWith(() => Promise.resolve()))).to.equal(0);
    expect(
      await controllersMadeDuring(() =>
        runWith((context) => {
          expect(context.signal).to.equal(context.signal);
          return Promise.resolve();
        }),
      ),
    ).to.equal(1);
  });

  it('aborts the signal it hands out when the timeout passes', async () => {
    let signal: AbortSignal | undefined;
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'Hung', (context) => {
      signal = context.signal;
      return new Promise<void>(() => undefined);
    }, { timeoutMs: 10 });
    const report = await serviceFor(registry).run();
    expect(report.checks[0]?.errors[0]?.kind).to.equal('timeout');
    expect(signal?.aborted).to.equal(true);
    expect((signal?.reason as DOMException).name).to.equal('TimeoutError');
  });
});
