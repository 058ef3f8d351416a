/**
 * The example service's health checks. Each bundled check is enabled by a
 * subclass with the decorator alone; its client comes from the container.
 */
import { inject } from 'inversify';
import { DiskSpaceHealthCheck, EventLoopDelayHealthCheck, HealthCheck, MemoryHealthCheck, registerHealthCheck, ServiceUnavailable } from 'pulsecheck';
import { PG_POOL, PostgresHealthCheck, type PgQueryable } from 'pulsecheck/postgres';
import { RabbitMqHealthCheck } from 'pulsecheck/rabbitmq';
import { RedisHealthCheck } from 'pulsecheck/redis';

/** PostgreSQL: `SELECT 1` through the app's pool. Critical: no database, no service. */
@registerHealthCheck({ name: 'DatabaseHealthCheck', tags: ['ready'], description: 'PostgreSQL, through the application pool' })
export class DatabaseHealthCheck extends PostgresHealthCheck {}

/**
 * PostgreSQL accepts writes (the pool did not land on a read-only replica).
 * It depends on DatabaseHealthCheck: with the database down, it is reported
 * `unavailable: blocked by DatabaseHealthCheck` instead of timing out
 * against the same broken server, and a notification names the root cause once.
 */
@registerHealthCheck({
  name: 'DatabaseWritableHealthCheck',
  tags: ['ready'],
  critical: false,
  dependsOn: ['DatabaseHealthCheck'],
  description: 'PostgreSQL accepts writes (not a read-only replica)',
})
export class DatabaseWritableHealthCheck extends HealthCheck {
  constructor(@inject(PG_POOL) private readonly pool: PgQueryable) {
    super();
  }

  async check(): Promise<void> {
    const { rows } = await this.pool.query('SELECT pg_is_in_recovery() AS replica');
    if ((rows[0] as { replica?: unknown } | undefined)?.replica === true) throw new ServiceUnavailable('connected to a read-only replica');
  }
}

/** Redis: PING. Critical as well; make it `critical: false` if the app can run without its cache. */
@registerHealthCheck({ name: 'CacheHealthCheck', tags: ['ready'], description: 'Redis cache' })
export class CacheHealthCheck extends RedisHealthCheck {}

/**
 * RabbitMQ: opens and closes a channel on the app's current connection. A
 * broker blip (one refused channel) is reported `warn`; it fails readiness
 * only after three failed executions in a row spanning at least 10 s.
 */
@registerHealthCheck({ name: 'QueueHealthCheck', tags: ['ready'], description: 'RabbitMQ broker', failAfter: { count: 3, durationMs: 10_000 } })
export class QueueHealthCheck extends RabbitMqHealthCheck {}

/** The process itself: liveness, so Kubernetes restarts a pod whose event loop is stuck. */
@registerHealthCheck({ name: 'EventLoopHealthCheck', tags: ['live'], description: 'Event-loop delay (p99)' })
export class EventLoopHealthCheck extends EventLoopDelayHealthCheck {}

/** Heap and RSS against their limits; a warning first, then a failure. */
@registerHealthCheck({ name: 'MemoryHealthCheck', tags: ['live'], description: 'Heap and resident memory' })
export class ProcessMemoryHealthCheck extends MemoryHealthCheck {}

/**
 * Free space where the service writes; non-critical: a full disk degrades, it
 * does not take the service down. Disks fill slowly: in background mode
 * (BACKGROUND_MS) it runs once a minute, 5 s after start.
 */
@registerHealthCheck({ name: 'DiskSpaceHealthCheck', critical: false, description: 'Free space on the working directory', intervalMs: 60_000, initialDelayMs: 5_000 })
export class WorkDiskSpaceHealthCheck extends DiskSpaceHealthCheck {}
