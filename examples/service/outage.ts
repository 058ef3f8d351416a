/**
 * An outage on demand, to see the dashboard's history (`DEMO_OUTAGE=1 npm run
 * example`): Redis is reached through a FaultProxy (pulsecheck/testing) that
 * refuses connections for DEMO_OUTAGE_DOWN_MS (default 20 s) of every
 * DEMO_OUTAGE_PERIOD_MS (default 60 s), and the checks run in background mode
 * every DEMO_INTERVAL_MS (default 2 s), so that the strip of each check fills
 * in a couple of minutes and shows Redis going down and coming back.
 */
import type { HealthService } from 'pulsecheck';
import { FaultProxy } from 'pulsecheck/testing';

/** The demo's proxy and timer, once started. */
export interface OutageDemo {
  /** Starts background mode on `health` (the example answers from its rounds). */
  run(health: HealthService): void;
  /** Stops the timer and closes the proxy. */
  close(): Promise<void>;
}

function milliseconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`[example] ${name} must be a positive whole number of milliseconds`);
  return value;
}

/**
 * When DEMO_OUTAGE=1: puts a FaultProxy in front of Redis and points
 * `urls.redis` at it (call before the clients are made). Else `undefined`.
 */
export async function startOutageDemo(urls: { redis: string }): Promise<OutageDemo | undefined> {
  if (process.env.DEMO_OUTAGE !== '1') return undefined;
  const downMs = milliseconds('DEMO_OUTAGE_DOWN_MS', 20_000);
  const periodMs = milliseconds('DEMO_OUTAGE_PERIOD_MS', 60_000);
  const intervalMs = milliseconds('DEMO_INTERVAL_MS', 2_000);
  const target = new URL(urls.redis);
  const proxy = await FaultProxy.start({ target: { host: target.hostname || '127.0.0.1', port: Number(target.port || 6379) } });
  target.hostname = proxy.host;
  target.port = String(proxy.port);
  urls.redis = target.toString();
  console.log(`[example] DEMO_OUTAGE: Redis goes down for ${downMs} ms of every ${periodMs} ms; background rounds every ${intervalMs} ms`);

  let timer: NodeJS.Timeout | undefined;
  const schedule = (fault: 'pass' | 'refuse', afterMs: number): void => {
    timer = setTimeout(() => {
      console.log(`[example] DEMO_OUTAGE: Redis ${fault === 'refuse' ? 'goes down' : 'comes back'}`);
      proxy.setFault(fault).then(
        () => {
          schedule(fault === 'refuse' ? 'pass' : 'refuse', fault === 'refuse' ? downMs : periodMs - downMs);
        },
        (error: unknown) => {
          console.error('[example] DEMO_OUTAGE:', error);
        },
      );
    }, afterMs);
    timer.unref();
  };
  schedule('refuse', periodMs - downMs);
  return {
    run(health) {
      health.start({ intervalMs });
    },
    async close() {
      clearTimeout(timer);
      await proxy.close();
    },
  };
}
