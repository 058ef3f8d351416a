import { expect } from 'chai';
import { Container, inject } from 'inversify';
import mysql from 'mysql2';
import mysqlPromise from 'mysql2/promise';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { MYSQL_POOL, MySqlHealthCheck, type MySqlPoolLike } from 'pulsecheck/mysql';
import { assertCheckConforms } from 'pulsecheck/testing';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { margin, timeoutMs, workingTimeoutMs } from '../../support/integrationBudget.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl, serviceUrlWith } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';
import { recordTiming } from '../../support/timings.js';
import { conformance, hostAndPort } from '../../testing/conformance/budget.js';

/** The service URL with another host/port/user/password. */
const urlWith = (changes: { port?: number; user?: string; password?: string }): string => serviceUrlWith('mysql', changes);

/** The callback pool's private queues, as the check reads them. */
function counts(pool: mysql.Pool): { total: number; idle: number; waiting: number } {
  const core = pool as unknown as Required<Pick<MySqlPoolLike, '_allConnections' | '_freeConnections' | '_connectionQueue'>>;
  return { total: core._allConnections.length, idle: core._freeConnections.length, waiting: core._connectionQueue.length };
}

describe('MySqlHealthCheck against MariaDB/MySQL (integration)', function () {
  this.timeout(30_000);
  const pools: { end(callback?: () => void): unknown }[] = [];
  const closers: (() => Promise<void>)[] = [];

  before(async function () {
    await requireService(this, 'mysql');
  });

  afterEach(async () => {
    for (const pool of pools.splice(0)) await new Promise<void>((resolve) => pool.end(() => { resolve(); }));
    for (const close of closers.splice(0)) await close();
  });

  function makePool(options: mysql.PoolOptions = {}): mysql.Pool {
    const pool = mysql.createPool({ uri: serviceUrl('mysql'), connectionLimit: 2, connectTimeout: 1000, ...options });
    pools.push(pool);
    return pool;
  }

  async function admin<T>(sql: string): Promise<T> {
    const connection = await mysqlPromise.createConnection({ uri: serviceUrl('mysql') });
    try {
      const [rows] = await connection.query(sql);
      return rows as T;
    } finally {
      await connection.end();
    }
  }

  it('reports working through a promise pool, from the decorator alone, with latency and the read-only flag', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'MySqlHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class DatabaseHealthCheck extends MySqlHealthCheck {}

    const pool = mysqlPromise.createPool({ uri: serviceUrl('mysql'), connectionLimit: 2 });
    pools.push({ end: (callback) => void pool.end().then(callback) });
    const container = new Container();
    container.bind(MYSQL_POOL).toConstantValue(pool);
    container.load(healthModule({ registry }));
    const result = (await container.get(HealthService).run()).checks[0]!;
    recordTiming('MySQL', 'healthy (promise pool)', result);
    expect(result.output).to.equal('working');
    expect(result.observations.latencyMs?.value).to.be.a('number').above(0);
    expect(result.observations.readOnly).to.deep.equal({ value: false });
    expect(result.observations.poolTotal, 'counted before the checkout').to.deep.equal({ value: 0, unit: 'connections' });
    expect(container.get(DatabaseHealthCheck)).to.be.instanceOf(MySqlHealthCheck);
    expect(counts(pool.pool)).to.deep.equal({ total: 1, idle: 1, waiting: 0 });
  });

  it('reports working through a callback pool, and warns on a read-only server only when asked', async () => {
    const pool = makePool();
    expect((await runCheck(new MySqlHealthCheck(pool), workingTimeoutMs)).output).to.equal('working');
    const [row] = await admin<{ readOnly: number }[]>('SELECT @@read_only AS readOnly');
    // The shared server is writable: a session cannot change @@read_only, so the warning itself is proven by the unit spec.
    expect(row?.readOnly).to.equal(0);
    expect((await runCheck(new MySqlHealthCheck(pool, { warnIfReadOnly: true }), workingTimeoutMs)).output).to.equal('working');
  });

  it("reports a refused connection as unavailable quickly, with the driver's reason and no password", async () => {
    const port = await closedPort();
    const pool = makePool({ uri: urlWith({ port, password: 's3cret-pw' }) });
    const result = await runCheck(new MySqlHealthCheck(pool), timeoutMs);
    recordTiming('MySQL', 'refused', result);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.equal(`unavailable: MySQL connection failed: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(result.output).to.not.include('s3cret-pw');
    expect(counts(pool).total).to.equal(0);
  });

  it('times out on a server that accepts and never answers; the late connection is let go by connectTimeout', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const pool = makePool({ uri: urlWith({ port: hung.port }), connectTimeout: 1000 });
    const result = await runCheck(new MySqlHealthCheck(pool), timeoutMs);
    recordTiming('MySQL', 'hung server (pool connecting)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    await hung.waitUntilIdle(3000);
    expect(counts(pool), 'nothing held after the connect timeout').to.deep.equal({ total: 0, idle: 0, waiting: 0 });
  });

  it('times out when an established connection hangs, destroys it at once (never back to the pool), then recovers', async () => {
    const target = hostAndPort(serviceUrl('mysql'), 3306);
    const proxy = await StallingProxy.start(target);
    closers.push(() => proxy.close());
    const pool = makePool({ uri: urlWith({ port: proxy.port }) });
    const check = new MySqlHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    expect(proxy.openConnections).to.equal(1);

    proxy.stall();
    const result = await runCheck(check, timeoutMs);
    recordTiming('MySQL', 'hung connection (query)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    await proxy.waitUntilIdle(500);
    expect(counts(pool), 'the hung connection was destroyed, not released').to.deep.equal({ total: 0, idle: 0, waiting: 0 });

    proxy.resume();
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
  });

  it('reports a user that does not exist as unavailable with the server error code, and no password', async () => {
    const pool = makePool({ uri: urlWith({ user: 'pulsecheck_no_such_user', password: 's3cret-pw' }) });
    const result = await runCheck(new MySqlHealthCheck(pool), workingTimeoutMs);
    recordTiming('MySQL', 'wrong credentials', result);
    expect(result.output).to.match(/^unavailable: MySQL connection failed: Access denied for user 'pulsecheck_no_such_user'@'[^']+'( \(using password: YES\))? \(ER_ACCESS_DENIED_(NO_PASSWORD_)?ERROR\)$/);
    expect(result.output).to.not.include('s3cret-pw');
  });

  it('recovers when the server kills its connection (KILL from a second connection)', async () => {
    const pool = makePool({ connectionLimit: 1 });
    const check = new MySqlHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const threadId = await new Promise<number>((resolve, reject) => {
      pool.getConnection((error, connection) => {
        if (error !== null) {
          reject(error);
          return;
        }
        resolve(connection.threadId);
        connection.release();
      });
    });
    await admin(`KILL ${threadId}`);
    const afterKill = await runCheck(check, workingTimeoutMs);
    recordTiming('MySQL', 'connection killed (KILL)', afterKill);
    // mysql2 drops the killed idle connection when the server's goodbye arrives; a check racing it fails once.
    expect(afterKill.output).to.match(/^(working|unavailable: MySQL query failed: .+)$/);
    const recovered = await runCheck(check, workingTimeoutMs);
    expect(recovered.output).to.equal('working');
    const ids = await admin<{ id: number }[]>(`SELECT ID AS id FROM information_schema.PROCESSLIST WHERE ID = ${threadId}`);
    expect(ids, 'the killed connection is gone').to.deep.equal([]);
    console.log(`      [fault] MySQL / KILL ${threadId}: first run after the kill: ${afterKill.output}`);
  });

  it('reports a fresh pool still connecting as working once connected, within the deadline', async () => {
    const pool = makePool();
    expect(counts(pool).total).to.equal(0);
    const result = await runCheck(new MySqlHealthCheck(pool), workingTimeoutMs);
    expect(result.output).to.equal('working');
    expect(result.observations.acquireMs?.value).to.be.a('number').above(0);
  });

  it('while the application holds every connection: warns with the counts and queues nothing', async () => {
    const pool = makePool({ connectionLimit: 2 });
    const held = await Promise.all([pool.promise().getConnection(), pool.promise().getConnection()]);
    const result = await runCheck(new MySqlHealthCheck(pool), timeoutMs);
    expect(result.output).to.equal('warning: MySQL connection pool exhausted: 2 of 2 connections in use, 0 waiting; the database was not probed, so as not to queue behind the application');
    expect(counts(pool).waiting).to.equal(0);
    for (const connection of held) connection.release();
    expect((await runCheck(new MySqlHealthCheck(pool), workingTimeoutMs)).output).to.equal('working');
  });

  it('leaks nothing over 300 runs: no checked-out connection, no extra server connection, no extra handle', async () => {
    const pool = makePool();
    const check = new MySqlHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const before = activeResources();
    const service = new HealthService([check], { defaultTimeoutMs: workingTimeoutMs });
    expect(await tallyOutputs(service, 300)).to.deep.equal([['working', 300]]);
    expect(counts(pool)).to.deep.equal({ total: 1, idle: 1, waiting: 0 });
    expect(await settleResources(before), 'extra handles').to.deep.equal({});
  });

  it('conforms under every fault (assertCheckConforms)', async () => {
    const url = new URL(serviceUrl('mysql'));
    await assertCheckConforms({
      ...conformance,
      target: hostAndPort(url.href, 3306),
      create: ({ host, port }) => {
        const pool = mysql.createPool({ uri: urlWith({ port }).replace('127.0.0.1', host), connectionLimit: 2, connectTimeout: 1500 });
        return { check: new MySqlHealthCheck(pool), dispose: () => new Promise<void>((resolve) => { pool.end(() => { resolve(); }); }) };
      },
      settleMs: 5000,
      secrets: url.password === '' ? [] : [decodeURIComponent(url.password)],
    });
  });
});

describe('MySqlHealthCheck, constructed', () => {
  it('rejects what is not a mysql2 pool, naming the class and the token', () => {
    class Db extends MySqlHealthCheck {}
    expect(() => new Db({} as MySqlPoolLike)).to.throw(TypeError, /^Db: expected a mysql2 pool \(mysql\.createPool\(\) or mysql2\/promise's createPool\(\), bound under MYSQL_POOL\), got an object/);
    const fake: MySqlPoolLike = { getConnection: () => undefined };
    expect(() => new Db(fake, { warnIfReadonly: true } as never)).to.throw(TypeError, /^Db: unknown option 'warnIfReadonly'/);
  });

  it('is a datastore and an external dependency, and can be given another token', () => {
    const OTHER = Symbol('Replica');
    class Replica extends MySqlHealthCheck {
      constructor(@inject(OTHER) pool: MySqlPoolLike) {
        super(pool);
      }
    }
    expect(Replica.traits).to.deep.equal({ componentType: 'datastore', externalDependency: true });
  });
});
