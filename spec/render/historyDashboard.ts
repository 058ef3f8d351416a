/**
 * A dashboard with history, made by a real HealthService: 60 rounds 30 s
 * apart (only `Date` is faked, so that the times read like half an hour; the
 * executions and their durations are real). PostgreSQL goes down for rounds
 * 30–41 (refused, then two timeouts) and comes back; Redis has one slow
 * round (an outlier the sparkline clips); the disk starts warning near the
 * end; a non-critical payments API fails for the last rounds. Used by the
 * browser spec and by `npm run screenshots`.
 */
import sinon from 'sinon';
import { Container } from 'inversify';
import { abortableSleep } from '../support/abortableSleep.js';
import { jitter } from '../support/jitter.js';
import { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, healthModule, registerHealthCheck, type CheckContext, type HealthReport } from 'pulsecheck';

/** The first round's time: 2026-11-30 20:00:00 UTC. */
export const historyDemoStart = Date.UTC(2026, 10, 30, 20, 0, 0);
export const historyDemoRounds = 60;
const roundGapMs = 30_000;

/** Runs the rounds and returns the last report, run with `{ history: true }`. */
export async function historyDemoReport(): Promise<HealthReport> {
  const registry = new HealthCheckRegistry();
  let round = 0;

  class PostgresHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      if (round >= 30 && round < 40) throw new ServiceUnavailable('connect ECONNREFUSED 127.0.0.1:5432');
      if (round >= 40 && round < 42) return abortableSleep(1_000, context.signal); // hung: the timeout answers
      await abortableSleep(3 + jitter(round, 1) * 4);
      context.observe('pool', 4, 'clients');
    }
  }
  class RedisHealthCheck extends HealthCheck {
    async check(): Promise<void> {
      await abortableSleep(round === 45 ? 95 : 1 + jitter(round, 2) * 2);
    }
  }
  class DiskSpaceHealthCheck extends HealthCheck {
    check(context: CheckContext): void {
      const used = 78 + round / 4;
      context.observe('usedPercent', Math.round(used), '%');
      if (used >= 90) context.addWarning(`disk ${Math.round(used)}% full (warning at 90%)`);
    }
  }
  class PaymentsApiHealthCheck extends HealthCheck {
    async check(): Promise<void> {
      await abortableSleep(8 + jitter(round, 3) * 10);
      if (round >= 56) throw new ServiceUnavailable('GET https://payments.example/health answered 502 Bad Gateway');
    }
  }
  registerHealthCheck({ registry, name: 'PostgresHealthCheck', tags: ['ready', 'db'], timeoutMs: 40, description: 'Primary database: SELECT 1 through the pool' })(PostgresHealthCheck);
  registerHealthCheck({ registry, name: 'RedisHealthCheck', tags: ['ready'], description: 'Session cache: PING' })(RedisHealthCheck);
  registerHealthCheck({ registry, name: 'DiskSpaceHealthCheck', tags: ['live'], critical: false })(DiskSpaceHealthCheck);
  registerHealthCheck({ registry, name: 'PaymentsApiHealthCheck', critical: false, description: 'Card payments provider' })(PaymentsApiHealthCheck);

  const clock = sinon.useFakeTimers({ now: historyDemoStart, toFake: ['Date'] });
  try {
    const container = new Container();
    container.load(healthModule({ registry }));
    const health = container.get(HealthService);
    for (; round < historyDemoRounds - 1; round += 1) {
      await health.run({ fresh: true });
      clock.tick(roundGapMs);
    }
    return await health.run({ fresh: true, history: true });
  } finally {
    clock.restore();
  }
}
