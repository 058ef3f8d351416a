/**
 * Runs what docs/guides/testing-checks.md shows, so that the guide stays true:
 * its check (spec/docs/testing-guide/PaymentsHealthCheck.ts, compared with
 * the guide below) and its tests, unchanged but for one thing: the check's
 * module is imported in `before` and its default-registry entry removed in
 * `after`, so that it is registered only while this suite runs (mocha loads
 * every spec file before running any).
 */
import { expect } from 'chai';
import { Container } from 'inversify';
import { readFileSync } from 'node:fs';
import { defaultRegistry, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck, type CheckContext } from 'pulsecheck';
import sinon from 'sinon';
import type * as CheckModule from './testing-guide/PaymentsHealthCheck.js';

type PaymentsClient = CheckModule.PaymentsClient;
type Ping = PaymentsClient['ping'];
type PingStub = sinon.SinonStub<Parameters<Ping>, ReturnType<Ping>>;

const repository = new URL('../../../', import.meta.url);

/**
 * The lines of `text` from the first that starts (after indentation) with
 * `start` to the next line at the same indentation that closes it, dedented.
 */
function codeBlockStartingWith(text: string, start: string): string | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trimStart().startsWith(start));
  if (first === -1) return undefined;
  const indent = (lines[first] ?? '').length - (lines[first] ?? '').trimStart().length;
  const last = lines.findIndex((line, index) => index > first && /^\s*\}\)?;?$/.test(line) && line.length - line.trimStart().length === indent);
  if (last === -1) return undefined;
  return lines
    .slice(first, last + 1)
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
}

describe('docs/guides/testing-checks.md', function () {
  let PAYMENTS_CLIENT: typeof CheckModule.PAYMENTS_CLIENT;
  let PaymentsHealthCheck: typeof CheckModule.PaymentsHealthCheck;

  before(async function () {
    ({ PAYMENTS_CLIENT, PaymentsHealthCheck } = await import('./testing-guide/PaymentsHealthCheck.js'));
  });

  after(function () {
    defaultRegistry.delete('PaymentsHealthCheck');
  });

  describe('the guide', function () {
    const guide = readFileSync(new URL('docs/guides/testing-checks.md', repository), 'utf8');
    const spec = readFileSync(new URL('spec/docs/testing-guide.spec.ts', repository), 'utf8');

    it('shows the check this spec runs, verbatim', function () {
      const shown = /```ts file=src\/checks\/PaymentsHealthCheck\.ts\n\/\/ src\/checks\/PaymentsHealthCheck\.ts\n([\s\S]*?)```/.exec(guide)?.[1];
      const source = readFileSync(new URL('spec/docs/testing-guide/PaymentsHealthCheck.ts', repository), 'utf8').replace(/^\/\*\*[\s\S]*?\*\/\n/, '');
      expect(shown).to.be.a('string');
      expect(source).to.equal(shown);
    });

    for (const start of ['function healthWith(', "describe('PaymentsHealthCheck'", "it('observes the latency'"]) {
      it(`shows the tests this spec runs, verbatim: ${start}...`, function () {
        const shown = codeBlockStartingWith(guide, start);
        expect(shown, `the guide has no block starting with ${start}`).to.be.a('string');
        expect(codeBlockStartingWith(spec, start)).to.equal(shown);
      });
    }
  });

  // From here on: the guide's test file.
  function healthWith(ping: PingStub, module = healthModule({ checks: [PaymentsHealthCheck] })): HealthService {
    const container = new Container();
    container.bind<PaymentsClient>(PAYMENTS_CLIENT).toConstantValue({ ping });
    container.load(module);
    return container.get(HealthService);
  }

  describe('PaymentsHealthCheck', function () {
    let ping: PingStub;

    beforeEach(function () {
      ping = sinon.stub<Parameters<Ping>, ReturnType<Ping>>();
    });

    it('passes and records the latency when the API answers', async function () {
      ping.resolves({ latencyMs: 12 });
      const report = await healthWith(ping).run();

      expect(report.status).to.equal('pass');
      expect(report.httpStatus).to.equal(200);
      expect(report.checks[0]?.output).to.equal('working');
      expect(report.checks[0]?.observations).to.deep.equal({ latencyMs: { value: 12, unit: 'ms' } });
    });

    it('warns, still with HTTP 200, when the API is slow', async function () {
      ping.resolves({ latencyMs: 900 });
      const report = await healthWith(ping).run();

      expect(report.status).to.equal('warn');
      expect(report.httpStatus).to.equal(200);
      expect(report.checks[0]?.errors).to.deep.equal([
        { kind: 'warning', message: 'payments API answered in 900 ms' },
      ]);
    });

    it('fails the report with HTTP 503 when the API is unreachable', async function () {
      ping.rejects(new Error('connect ECONNREFUSED 10.0.0.7:443'));
      const report = await healthWith(ping).run();

      expect(report.status).to.equal('fail');
      expect(report.httpStatus).to.equal(503);
      expect(report.checks[0]?.output).to.equal(
        'unavailable: payments API unreachable: connect ECONNREFUSED 10.0.0.7:443',
      );
    });

    it('times out, and aborts the call, when the API hangs', async function () {
      // The check's own timeout is 1 s. A subclass registered in a fresh
      // registry gives it a short one, without touching the default registry.
      const registry = new HealthCheckRegistry();
      @registerHealthCheck({ registry, name: 'PaymentsHealthCheck', timeoutMs: 50 })
      class QuickPaymentsHealthCheck extends PaymentsHealthCheck {}

      ping.returns(new Promise(() => {})); // never settles
      const health = healthWith(ping, healthModule({ checks: [QuickPaymentsHealthCheck] }));
      const report = await health.run();

      expect(report.checks[0]?.name).to.equal('PaymentsHealthCheck');
      expect(report.checks[0]?.errors).to.deep.equal([
        { kind: 'timeout', message: 'did not finish within 50 ms' },
      ]);
      expect(ping.firstCall.args[0].signal.aborted).to.equal(true);
    });
  });

  describe('testing without a container', function () {
    it('observes the latency', async function () {
      const observed: Record<string, unknown> = {};
      const context: CheckContext = {
        signal: new AbortController().signal,
        addError: (error) => { throw error; },
        addWarning: (message) => { throw new Error(message); },
        observe: (key, value) => { observed[key] = value; },
      };
      await new PaymentsHealthCheck({ ping: () => Promise.resolve({ latencyMs: 3 }) }).check(context);
      expect(observed).to.deep.equal({ latencyMs: 3 });
    });
  });

  describe('the isolation it promises', function () {
    it('binds only the listed checks, although the check is also in the default registry', function () {
      expect(defaultRegistry.has('PaymentsHealthCheck')).to.equal(true);
      const health = healthWith(sinon.stub<Parameters<Ping>, ReturnType<Ping>>().resolves({ latencyMs: 1 }));
      expect(health.definitions().map((definition) => definition.name)).to.deep.equal(['PaymentsHealthCheck']);
    });
  });
});
