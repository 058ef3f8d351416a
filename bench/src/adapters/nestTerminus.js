// @nestjs/terminus in a Nest application context (logger off), the way its docs show:
// HealthCheckService.check(indicators), each indicator a HealthIndicatorService session.
// Two styles: `attempt(fn).withTimeout(ms)` (v12: timeout, optional cacheFor) and the v11 `up()/down()` style (no timeout).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';

class BenchHealthModule {}
Module({ imports: [TerminusModule.forRoot({ logger: false })] })(BenchHealthModule);

/**
 * @param spec - `checks` ({ name, work }[]), `timeoutMs`, `cacheTtlMs` (0 = off), `style`: 'attempt' | 'updown'
 */
export async function create({ checks, timeoutMs = 800, cacheTtlMs = 0, style = 'attempt' }) {
  const app = await NestFactory.createApplicationContext(BenchHealthModule, { logger: false, abortOnError: false });
  const health = app.get(HealthCheckService);
  const indicators = app.get(HealthIndicatorService);

  const indicatorFns = checks.map(({ name, work }) => {
    if (style === 'updown') {
      return async () => {
        const indicator = indicators.check(name);
        try {
          await work();
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: error instanceof Error ? error.message : String(error) });
        }
      };
    }
    return () => {
      const attempt = indicators.check(name).attempt(() => work()).withTimeout(timeoutMs);
      return cacheTtlMs > 0 ? attempt.cacheFor(cacheTtlMs) : attempt;
    };
  });

  // What a @HealthCheck() controller does: 200 with the result, or 503 with the ServiceUnavailableException's response.
  async function run() {
    try {
      return { statusCode: 200, payload: await health.check(indicatorFns) };
    } catch (error) {
      if (typeof error?.getStatus === 'function') return { statusCode: error.getStatus(), payload: error.getResponse() };
      throw error;
    }
  }

  return {
    run,
    async respond() {
      const { statusCode, payload } = await run();
      return { statusCode, body: JSON.stringify(payload) };
    },
    async close() {
      await app.close();
    },
  };
}
