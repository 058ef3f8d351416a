/**
 * Spec-side helpers for the HTTP specs: a health service with switchable
 * checks, and starting/stopping real servers on 127.0.0.1, port 0.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Container } from 'inversify';
import { HealthCheck, HealthCheckRegistry, HealthService, healthModule, registerHealthCheck, ServiceUnavailable, ServiceWarning } from 'pulsecheck';

/** What the fixture checks report; flip a switch to make one fail or warn. */
export interface Switches {
  databaseDown: boolean;
  cacheSlow: boolean;
  /** How many times the Database check has run. */
  databaseRuns: number;
}

/** A service with three checks: `Process` (tagged live), `Database` (critical), `Cache` (non-critical). */
export function makeHealth(): { health: HealthService; switches: Switches } {
  const registry = new HealthCheckRegistry();
  const switches: Switches = { databaseDown: false, cacheSlow: false, databaseRuns: 0 };

  @registerHealthCheck({ registry, name: 'Process', tags: ['live'] })
  class ProcessHealthCheck extends HealthCheck {
    check(): void {
      // the process answers, so it is alive
    }
  }

  @registerHealthCheck({ registry, name: 'Database', tags: ['ready'] })
  class DatabaseHealthCheck extends HealthCheck {
    check(): void {
      switches.databaseRuns += 1;
      if (switches.databaseDown) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.7:5432');
    }
  }

  @registerHealthCheck({ registry, name: 'Cache', critical: false, tags: ['ready'] })
  class CacheHealthCheck extends HealthCheck {
    check(): void {
      if (switches.cacheSlow) throw new ServiceWarning('p99 latency 250 ms');
    }
  }

  const container = new Container();
  container.load(healthModule({ checks: [ProcessHealthCheck, DatabaseHealthCheck, CacheHealthCheck] }));
  return { health: container.get(HealthService), switches };
}

/** A browser's Accept header (Chrome/Firefox navigation). */
export const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Starts a node:http server on 127.0.0.1, port 0; resolves its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return baseUrl(server);
}

/** The base URL of a listening server. */
export function baseUrl(server: Server): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Closes a server and every connection it still holds. */
export async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  server.closeAllConnections();
  await closed;
}
