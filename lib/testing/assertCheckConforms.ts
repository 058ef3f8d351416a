import { AssertionError } from 'node:assert';
import type { HealthCheck } from '../core/HealthCheck.js';
import { HealthCheck as HealthCheckBase } from '../core/HealthCheck.js';
import type { CheckResult } from '../report/CheckResult.js';
import { validateOptions } from '../options/validateOptions.js';
import { CONFORMANCE_SCHEMA, type ConformanceOptions, type ConformanceSubject } from './ConformanceOptions.js';
import { FaultProxy } from './FaultProxy.js';
import { runCheck } from './runCheck.js';

/**
 * Puts a check in front of a real {@link FaultProxy} to its real dependency
 * and asserts that it behaves under each fault: for each one, a healthy run
 * through the proxy passes; then, with the fault on, the check reports the
 * right error kind (`unavailable` when refused or reset, `timeout` when the
 * dependency hangs, stalls mid-response or slows down past the timeout)
 * within `timeoutMs` plus `graceMs`. Under `hang`, it then times out
 * `abortedRuns` times, and asserts that afterwards no more sockets and
 * timers are active in the process (`process.getActiveResourcesInfo()`) and
 * no more connections are open through the proxy than before. No message
 * and no observation of any result may contain one of `secrets`. The
 * defaults of these options are {@link CONFORMANCE_DEFAULTS}.
 *
 * It throws an `AssertionError` (from `node:assert`, which every test runner
 * reports) with a readable message at the first failure; it never prints a
 * secret. It takes about `abortedRuns / concurrency × timeoutMs` plus one
 * timeout per fault.
 *
 * @param given - The target, the check factory, the timeout; see {@link ConformanceOptions}.
 * @throws AssertionError when the check does not conform.
 * @throws TypeError when the options are malformed.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { RedisHealthCheck } from 'pulsecheck/redis';
 * import { assertCheckConforms } from 'pulsecheck/testing';
 *
 * await assertCheckConforms({
 *   target: { host: '127.0.0.1', port: 6379 },
 *   create: ({ host, port }) => {
 *     const redis = new Redis({ host, port, maxRetriesPerRequest: 1 });
 *     redis.on('error', () => undefined);
 *     return { check: new RedisHealthCheck(redis), dispose: () => redis.disconnect() };
 *   },
 *   timeoutMs: 300,
 * });
 * ```
 */
export async function assertCheckConforms(given: ConformanceOptions): Promise<void> {
  const options = validateOptions(CONFORMANCE_SCHEMA, given, 'assertCheckConforms');
  const schema = CONFORMANCE_SCHEMA;
  const { timeoutMs } = options;
  const abortedRuns = options.abortedRuns ?? schema.abortedRuns.defaultValue;
  const concurrency = options.concurrency ?? schema.concurrency.defaultValue;
  const graceMs = options.graceMs ?? schema.graceMs.defaultValue;
  const passTimeoutMs = options.passTimeoutMs ?? schema.passTimeoutMs.defaultValue;
  const settleMs = options.settleMs ?? schema.settleMs.defaultValue;
  const secrets = (options.secrets ?? []).filter((secret) => secret !== '');
  const faults = options.faults ?? schema.faults.defaultValue;

  for (const fault of faults) {
    const expected = options.expect?.[fault] ?? schema.expect.defaultValue[fault];
    if (expected === undefined) throw new TypeError(`assertCheckConforms: unknown fault '${String(fault)}'`);
    const proxy = await FaultProxy.start({ target: options.target, delayMs: timeoutMs * 3 });
    let subject: ConformanceSubject | undefined;
    try {
      subject = toSubject(await options.create({ host: proxy.host, port: proxy.port }));
      const where = `${subject.check.constructor.name} under '${fault}'`;
      const healthy = await runCheck(subject.check, { timeoutMs: passTimeoutMs });
      assertNoSecret(healthy, secrets, `${subject.check.constructor.name} passing through`);
      if (healthy.status !== 'pass') {
        fail(`${subject.check.constructor.name}: with the proxy passing traffic through, expected 'pass', got '${healthy.status}' (${healthy.output})`, healthy.status, 'pass');
      }
      const before = activeResources();
      const connectionsBefore = proxy.openConnections;
      await proxy.setFault(fault);
      // let the client see a cut connection (its close event) before the probe, as it would in service
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const result = await runCheck(subject.check, { timeoutMs });
      const elapsed = performance.now() - started;
      assertNoSecret(result, secrets, where);
      const kinds = result.errors.map((error) => error.kind);
      if (!kinds.some((kind) => expected.includes(kind))) {
        fail(`${where}: expected ${expected.map((kind) => `'${kind}'`).join(' or ')}, got ${kinds.length === 0 ? `'${result.status}'` : kinds.map((kind) => `'${kind}'`).join(', ')} (${result.output})`, kinds, expected);
      }
      if (elapsed > timeoutMs + graceMs) {
        fail(`${where}: the verdict took ${Math.round(elapsed)} ms, more than the ${timeoutMs} ms timeout plus ${graceMs} ms`, Math.round(elapsed), timeoutMs);
      }
      if (fault === 'hang' && abortedRuns > 1) {
        const check = subject.check;
        for (let done = 1; done < abortedRuns; done += concurrency) {
          const batch = Math.min(concurrency, abortedRuns - done);
          const results = await Promise.all(Array.from({ length: batch }, () => runCheck(check, { timeoutMs })));
          for (const late of results) assertNoSecret(late, secrets, where);
        }
        await assertNothingLeft(before, proxy, connectionsBefore, settleMs, `${where} after ${abortedRuns} aborted runs`);
      }
    } finally {
      if (proxy.fault !== 'pass') await proxy.setFault('pass');
      if (subject?.dispose !== undefined) await bounded(subject.dispose, 2000);
      await proxy.close();
    }
  }
}

function toSubject(created: HealthCheck | ConformanceSubject): ConformanceSubject {
  if (created instanceof HealthCheckBase) return { check: created };
  if (typeof created === 'object' && created !== null && created.check instanceof HealthCheckBase) return created;
  throw new TypeError('assertCheckConforms: create must return a HealthCheck or { check, dispose? }');
}

function fail(message: string, actual: unknown, expected: unknown): never {
  throw new AssertionError({ message, actual, expected, operator: 'conforms' });
}

function assertNoSecret(result: CheckResult, secrets: readonly string[], where: string): void {
  const shown = [result.output, ...result.errors.map((error) => error.message), ...Object.entries(result.observations).map(([key, observation]) => `${key} ${String(observation.value)} ${observation.unit ?? ''}`)].join('\n');
  secrets.forEach((secret, index) => {
    if (shown.includes(secret)) fail(`${where}: secret #${index + 1} (${secret.length} characters) appears in the result's messages or observations`, 'a secret', 'no secret');
  });
}

function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function extra(before: Map<string, number>): Record<string, number> {
  const found: Record<string, number> = {};
  for (const [type, count] of activeResources()) {
    if (type !== 'TCPSocketWrap' && type !== 'Timeout' && type !== 'TLSWrap') continue;
    const more = count - (before.get(type) ?? 0);
    if (more > 0) found[type] = more;
  }
  return found;
}

async function assertNothingLeft(before: Map<string, number>, proxy: FaultProxy, connectionsBefore: number, settleMs: number, where: string): Promise<void> {
  const deadline = performance.now() + settleMs;
  for (;;) {
    const left = extra(before);
    const connections = proxy.openConnections - connectionsBefore;
    if (Object.keys(left).length === 0 && connections <= 0) return;
    if (performance.now() > deadline) {
      const parts = Object.entries(left).map(([type, count]) => `${count} ${type}`);
      if (connections > 0) parts.push(`${connections} connection(s) open through the proxy`);
      fail(`${where}: still active ${settleMs} ms later: ${parts.join(', ')}`, left, {});
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function bounded(dispose: () => void | Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([Promise.resolve().then(dispose).catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
