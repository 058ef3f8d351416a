/**
 * A dashboard during an outage and after it, made by a real HealthService in
 * background mode (per-check intervals, a `dependsOn` chain, a flap-
 * suppressed check), on a fake clock (sinon: Date, timers and
 * `performance.now()`), so that 35 minutes pass in a moment and the times
 * read as they would. Redis goes down at 26:30 and comes back at 31:00;
 * CacheWarm depends on Redis and Recommendations on CacheWarm (both blocked
 * meanwhile); PaymentsApi (failAfter 3) fails its last execution (a pending
 * failure); ExchangeRates hangs in its last execution, so its reused result
 * is older than its interval. Used by the browser specs and by
 * `npm run screenshots`.
 */
import sinon from 'sinon';
import { Container } from 'inversify';
import { abortableSleep } from '../support/abortableSleep.js';
import { jitter } from '../support/jitter.js';
import { HealthCheck, HealthCheckRegistry, HealthService, ServiceUnavailable, healthModule, registerHealthCheck, type CheckContext, type HealthReport } from 'pulsecheck';

/** The service's start: 2026-12-07 12:00:00 UTC. */
export const outageDemoStart = Date.UTC(2026, 11, 7, 12, 0, 0);
const minute = 60_000;
/** Redis is down from here... */
export const redisDownAt = outageDemoStart + 26.5 * minute;
/** ...to here. */
export const redisUpAt = outageDemoStart + 31 * minute;
/** When the two reports are taken. */
export const outageAt = outageDemoStart + 30 * minute;
export const recoveredAt = outageDemoStart + 35 * minute;

/** The two reports, `{ history: true }`: during the outage (30:00) and after the recovery (35:00). */
export async function outageDemoReports(): Promise<{ readonly failing: HealthReport; readonly recovered: HealthReport }> {
  const registry = new HealthCheckRegistry();
  let calls = 0;
  const redisDown = (): boolean => Date.now() >= redisDownAt && Date.now() < redisUpAt;

  class PostgresHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      await abortableSleep(3 + jitter((calls += 1), 1) * 4, context.signal);
      context.observe('pool', 4, 'clients');
    }
  }
  class RedisHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      if (redisDown()) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.4.12:6379');
      await abortableSleep(1 + jitter((calls += 1), 2), context.signal);
    }
  }
  class CacheWarmHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      await abortableSleep(5 + jitter((calls += 1), 3) * 3, context.signal);
      if (redisDown()) throw new ServiceUnavailable('GET cache:warm-keys: connection is closed');
    }
  }
  class RecommendationsHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      await abortableSleep(12 + jitter((calls += 1), 4) * 8, context.signal);
    }
  }
  class PaymentsApiHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      await abortableSleep(40 + jitter((calls += 1), 5) * 30, context.signal);
      const t = Date.now();
      if ((t > outageDemoStart + 29.7 * minute && t < outageDemoStart + 30 * minute) || t > outageDemoStart + 34.7 * minute) {
        throw new ServiceUnavailable('GET https://payments.example/health answered 502 Bad Gateway');
      }
    }
  }
  class ExchangeRatesHealthCheck extends HealthCheck {
    async check(context: CheckContext): Promise<void> {
      const t = Date.now();
      const hung = (t > outageDemoStart + 29.55 * minute && t < outageDemoStart + 30 * minute) || t > outageDemoStart + 34.55 * minute;
      await abortableSleep(hung ? 60_000 : 20 + jitter((calls += 1), 6) * 10, context.signal);
    }
  }
  registerHealthCheck({ registry, name: 'PostgresHealthCheck', tags: ['ready', 'db'], intervalMs: 10_000, description: 'Primary database: SELECT 1 through the pool' })(PostgresHealthCheck);
  registerHealthCheck({ registry, name: 'RedisHealthCheck', tags: ['ready'], intervalMs: 5_000, description: 'Session cache: PING' })(RedisHealthCheck);
  registerHealthCheck({ registry, name: 'CacheWarmHealthCheck', intervalMs: 15_000, dependsOn: ['RedisHealthCheck'], description: 'Warm keys present in the cache' })(CacheWarmHealthCheck);
  registerHealthCheck({ registry, name: 'RecommendationsHealthCheck', intervalMs: 30_000, dependsOn: ['CacheWarmHealthCheck'], description: 'Recommendation model answers' })(RecommendationsHealthCheck);
  registerHealthCheck({ registry, name: 'PaymentsApiHealthCheck', intervalMs: 10_000, critical: false, failAfter: 3, description: 'Card payments provider' })(PaymentsApiHealthCheck);
  registerHealthCheck({ registry, name: 'ExchangeRatesHealthCheck', intervalMs: 20_000, timeoutMs: 25_000, critical: false, description: 'Currency rates feed' })(ExchangeRatesHealthCheck);

  const clock = sinon.useFakeTimers({ now: outageDemoStart, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'performance'] });
  try {
    const container = new Container();
    container.load(healthModule({ registry }));
    const health = container.get(HealthService);
    health.start({ intervalMs: 10_000 });
    await clock.tickAsync(outageAt - outageDemoStart);
    const failing = await health.run({ history: true });
    await clock.tickAsync(recoveredAt - outageAt);
    const recovered = await health.run({ history: true });
    const stopped = health.stop();
    await clock.runAllAsync();
    await stopped;
    return { failing, recovered };
  } finally {
    clock.restore();
  }
}
