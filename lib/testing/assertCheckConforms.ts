import { AssertionError } from 'node:assert';
import type { HealthCheck } from '../core/HealthCheck.js';
import { HealthCheck as HealthCheckBase } from '../core/HealthCheck.js';
import type { CheckErrorKind } from '../report/CheckErrorKind.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import type { ConformanceOptions, ConformanceSubject } from './ConformanceOptions.js';
import type { Fault } from './Fault.js';
import { FaultProxy } from './FaultProxy.js';
import { runCheck } from './runCheck.js';

const defaultExpectations: Readonly<Record<Exclude<Fault, 'pass'>, readonly CheckErrorKind[]>> = {
  refuse: ['unavailable'],
  hang: ['timeout'],
  stall: ['timeout'],
  slow: ['timeout'],
  reset: ['unavailable'],
};

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema of {@link ConformanceOptions}: rules and defaults (the target is checked by {@link FaultProxy}, each fault when it is run). */
const CONFORMANCE_SCHEMA = {
  target: optionRules.required(optionRules.custom('{ host, port }', (value): value is ConformanceOptions['target'] => isObject(value))),
  create: optionRules.required(optionRules.custom('a function ({ host, port }) => HealthCheck', (value): value is ConformanceOptions['create'] => typeof value === 'function')),
  timeoutMs: optionRules.required(optionRules.positiveMs),
  faults: optionRules.custom('an array of faults', (value): value is NonNullable<ConformanceOptions['faults']> => Array.isArray(value)),
  expect: optionRules.custom('an object of error kinds by fault', (value): value is NonNullable<ConformanceOptions['expect']> => isObject(value)),
  abortedRuns: optionRules.withDefault(optionRules.custom('a non-negative integer', (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0, RangeError), 100),
  concurrency: optionRules.withDefault(optionRules.custom('a positive integer', (value): value is number => Number.isSafeInteger(value) && (value as number) >= 1, RangeError), 10),
  graceMs: optionRules.withDefault(optionRules.nonNegativeMs, 500),
  passTimeoutMs: optionRules.withDefault(optionRules.positiveMs, 5000),
  settleMs: optionRules.withDefault(optionRules.nonNegativeMs, 3000),
  secrets: optionRules.custom('an array of strings', (value): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')),
} as const satisfies OptionSchema<ConformanceOptions>;

/**
 * Puts a check in front of a real {@link FaultProxy} to its real dependency
 * and asserts that it behaves under each fault: for each one, a healthy run
 * through the proxy passes; then, with the fault on, the check reports the
 * right error kind (`unavailable` when refused or reset, `timeout` when the
 * dependency hangs, stalls mid-response or slows down past the timeout)
 * within `timeoutMs` plus `graceMs`. Under `hang`, it then times out
 * `abortedRuns` (100) times, and asserts that afterwards no more sockets and
 * timers are active in the process (`process.getActiveResourcesInfo()`) and
 * no more connections are open through the proxy than before. No message
 * and no observation of any result may contain one of `secrets`.
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
  const faults = options.faults ?? (['refuse', 'hang', 'stall', 'slow', 'reset'] as const);

  for (const fault of faults) {
    const expected = options.expect?.[fault] ?? defaultExpectations[fault];
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
