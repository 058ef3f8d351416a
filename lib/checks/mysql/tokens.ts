import type { ServiceIdentifier } from 'inversify';
import type { MySqlPoolLike, MySqlPromisePoolLike } from './MySqlPoolLike.js';

/**
 * The service identifier {@link MySqlHealthCheck} is injected with: bind the
 * application's `mysql2` pool (callback or promise API) under it. The check
 * reuses it and never opens a pool of its own.
 *
 * It is `Symbol.for('pulsecheck.MySqlPool')`, so two copies of the package
 * agree on it.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import mysql from 'mysql2/promise';
 * import { MYSQL_POOL } from 'pulsecheck/mysql';
 *
 * const container = new Container();
 * container.bind(MYSQL_POOL).toConstantValue(mysql.createPool({ uri: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test' }));
 * ```
 */
export const MYSQL_POOL: ServiceIdentifier<MySqlPoolLike | MySqlPromisePoolLike> = Symbol.for('pulsecheck.MySqlPool');
