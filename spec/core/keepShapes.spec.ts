import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A child process runs 100 trivial checks until the engine is optimized, makes a full garbage collection
 * between two runs (no execution in flight, as between two probes), runs again, and prints the functions V8
 * threw away because a hidden class they embed was collected (`--trace-deopt`, reason "weak objects").
 */
async function deoptimizedByAFullCollection(): Promise<string[]> {
  const script = `
    import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck } from 'pulsecheck';
    const registry = new HealthCheckRegistry();
    const checks = Array.from({ length: 100 }, (_, index) => {
      const Check = class extends HealthCheck { async check() {} };
      registerHealthCheck({ registry, name: 'check' + index })(Check);
      return new Check();
    });
    const service = new HealthService(checks);
    for (let index = 0; index < 3000; index += 1) await service.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log('--- full collection');
    globalThis.gc();
    for (let index = 0; index < 50; index += 1) await service.run();
    console.log('--- done');
  `;
  const { stdout } = await run(process.execPath, ['--expose-gc', '--trace-deopt', '--input-type=module', '--eval', script], {
    cwd: root,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const after = stdout.slice(stdout.indexOf('--- full collection'), stdout.indexOf('--- done'));
  const thrown: string[] = [];
  for (const match of after.matchAll(/marking dependent code .*?<SharedFunctionInfo ([^>]*)>.*?reason: weak objects/g)) thrown.push(match[1] ?? '');
  return thrown;
}

describe('keepShapes', function () {
  this.timeout(90_000);

  it("keeps the engine's optimized run path across a full garbage collection: none of its functions is thrown away for a collected shape", async () => {
    const thrown = await deoptimizedByAFullCollection();
    // Thrown away at every full collection before executeCheck kept an execution and its context (and settleAll a
    // run's wait: 'start', 'settled').
    const engine = ['executeCheck', 'Execution', 'ExecutionContext', 'Deadline', 'settle', 'start', 'settled', 'listen', '#handOver', '#deliver', '#result', 'add', '#unlink'];
    expect(thrown.filter((name) => engine.includes(name))).to.deep.equal([]);
    // Not kept: the deadline timer's #arm, with Node's own timer functions (insert, append, TimersList), embeds
    // Node's list of the timers of one duration, which Node drops once its last timer is cleared (each run).
  });
});
