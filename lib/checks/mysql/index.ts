/**
 * `pulsecheck/mysql`: a health check for MySQL and MariaDB through the
 * application's own `mysql2` pool. Importing it loads no driver: `mysql2` is
 * an optional peer dependency, used here for types only.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export { MySqlHealthCheck } from './MySqlHealthCheck.js';
export type { MySqlHealthCheckOptions } from './MySqlHealthCheckOptions.js';
export type { MySqlPoolConnectionLike, MySqlPoolLike, MySqlPromisePoolLike } from './MySqlPoolLike.js';
export { MYSQL_POOL } from './tokens.js';
