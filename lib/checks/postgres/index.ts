/**
 * `pulsecheck/postgres`: a health check for PostgreSQL through the
 * application's own `pg` pool or client. Importing it loads no driver: `pg`
 * is an optional peer dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export type { PgPoolClientLike, PgPoolLike, PgQueryable, PgQueryResultLike } from './PgQueryable.js';
export { PostgresHealthCheck } from './PostgresHealthCheck.js';
export { PG_POOL } from './tokens.js';
