import type { ServiceIdentifier } from 'inversify';
import type { PgQueryable } from './PgQueryable.js';

/**
 * The service identifier {@link PostgresHealthCheck} is injected with: bind
 * the application's `pg.Pool` (or `pg.Client`, or anything
 * {@link PgQueryable}) under it. The check reuses it and never opens a
 * connection of its own.
 *
 * It is `Symbol.for('pulsecheck.PgPool')`, so two copies of the package
 * agree on it.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import pg from 'pg';
 * import { PG_POOL } from 'pulsecheck/postgres';
 *
 * const container = new Container();
 * container.bind(PG_POOL).toConstantValue(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * ```
 */
export const PG_POOL: ServiceIdentifier<PgQueryable> = Symbol.for('pulsecheck.PgPool');
