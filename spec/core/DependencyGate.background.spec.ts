import { expect } from 'chai';
import { HealthCheckRegistry, ServiceUnavailable, type CheckResult } from 'pulsecheck';
import { checkClass, serviceFor, sleep } from './fixtures.js';

describe('DependencyGate, with each check on its own background schedule', () => {
  it('reports a dependent whose dependency fails while it runs as blocked by the root cause, not as timed out', async () => {
    const registry = new HealthCheckRegistry();
    let down = false;
    checkClass(registry, 'redis', () => {
      if (down) throw new ServiceUnavailable('connection refused');
    }, { intervalMs: 200 });
    // cache-warm calls redis: while redis is down, its call hangs until aborted
    checkClass(registry, 'cacheWarm', (context) => {
      if (!down) return undefined;
      return new Promise<void>((_resolve, reject) => {
        context.signal.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      });
    }, { dependsOn: ['redis'], intervalMs: 20, timeoutMs: 600 });
    checkClass(registry, 'recommendations', () => undefined, { dependsOn: ['cacheWarm'], intervalMs: 20 });
    const service = serviceFor(registry);
    const failures: CheckResult[] = [];
    service.onStatusChange((check, _previous, current) => {
      if (current === 'fail') failures.push(check);
    });
    let armed = false;
    service.onResult((result) => {
      // redis fails from its next execution on, ~200 ms away: cacheWarm starts meanwhile on redis's latest pass
      if (armed && result.name === 'redis') down = true;
    });
    service.start({ intervalMs: 1_000 });
    try {
      await sleep(100);
      armed = true;
      const deadline = performance.now() + 3_000;
      while (!failures.some((check) => check.name === 'recommendations') && performance.now() < deadline) await sleep(10);
      const byName = new Map(failures.map((check) => [check.name, check]));
      expect(byName.get('cacheWarm')?.output).to.equal('unavailable: blocked by redis');
      expect(byName.get('cacheWarm')?.blockedBy).to.equal('redis');
      expect(byName.get('cacheWarm')?.durationMs).to.be.below(600);
      expect(byName.get('recommendations')?.blockedBy).to.equal('redis');
    } finally {
      await service.stop();
    }
  });
});
