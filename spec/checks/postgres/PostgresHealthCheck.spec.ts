import { EventEmitter } from 'node:events';
import { expect } from 'chai';
import { Container, inject } from 'inversify';
import pg from 'pg';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import {
  PG_POOL,
  PostgresHealthCheck,
  type PgPoolClientLike,
  type PgPoolLike,
  type PgQueryable,
  type PgQueryResultLike,
} from 'pulsecheck/postgres';
import { kinds, runCheck } from '../../support/runCheck.js';
import { deferred } from '../../support/deferred.js';

const one: PgQueryResultLike = { rows: [{ '?column?': 1 }] };

/** A queryable (a pg.Client's shape) whose answers the spec scripts. */
class FakeClient implements PgQueryable {
  readonly queries: string[] = [];
  constructor(private readonly answer: (text: string) => Promise<PgQueryResultLike>) {}
  query(text: string): Promise<PgQueryResultLike> {
    this.queries.push(text);
    return this.answer(text);
  }
}

/** A client checked out of FakePool, recording how it was released. */
class FakePoolClient extends FakeClient implements PgPoolClientLike {
  readonly releases: (Error | boolean | undefined)[] = [];
  release(error?: Error | boolean): void {
    this.releases.push(error);
  }
}

/** A checked-out client that, like pg's, is an event emitter: an `error` with no listener throws. */
class EmittingPoolClient extends FakePoolClient {
  readonly events = new EventEmitter();
  on(event: 'error', listener: (error: Error) => void): this {
    this.events.on(event, listener);
    return this;
  }
  off(event: 'error', listener: (error: Error) => void): this {
    this.events.off(event, listener);
    return this;
  }
}

/** A pool (pg.Pool's shape) handing out one scripted client. */
class FakePool implements PgPoolLike {
  totalCount = 1;
  idleCount = 1;
  waitingCount = 0;
  connects = 0;
  constructor(
    readonly client: FakePoolClient,
    private readonly checkout: () => Promise<PgPoolClientLike> = () => Promise.resolve(client),
  ) {}
  connect(): Promise<PgPoolClientLike> {
    this.connects += 1;
    return this.checkout();
  }
  query(): Promise<PgQueryResultLike> {
    return Promise.reject(new Error('the check must not use pool.query'));
  }
}

describe('PostgresHealthCheck', () => {
  describe('constructor', () => {
    it('rejects something without a query method, naming the class and the token', () => {
      expect(() => new PostgresHealthCheck({} as unknown as PgQueryable)).to.throw(TypeError, /^PostgresHealthCheck: expected a pg Pool.*PG_POOL.*got an object/);
      expect(() => new PostgresHealthCheck(undefined as unknown as PgQueryable)).to.throw(TypeError, /got undefined/);
    });

    it('accepts a pg Pool and a pg Client (and their types fit the shapes)', async () => {
      const pool = new pg.Pool({ max: 1 });
      const asPool: PgPoolLike = pool;
      const asQueryable: PgQueryable = new pg.Client();
      const checkout: (from: pg.Pool) => Promise<PgPoolClientLike> = (from) => from.connect();
      expect(new PostgresHealthCheck(asPool)).to.be.instanceOf(PostgresHealthCheck);
      expect(new PostgresHealthCheck(asQueryable)).to.be.instanceOf(PostgresHealthCheck);
      expect(checkout).to.be.a('function');
      await pool.end();
    });
  });

  describe('check, given a client (not a pool)', () => {
    it('reports working when SELECT 1 returns one row holding 1, and observes the latency', async () => {
      const client = new FakeClient(() => Promise.resolve(one));
      const result = await runCheck(new PostgresHealthCheck(client));
      expect(result.output).to.equal('working');
      expect(client.queries).to.deep.equal(['SELECT 1']);
      expect(result.observations.latencyMs?.unit).to.equal('ms');
      expect(result.observations.latencyMs?.value).to.be.a('number').that.is.at.least(0);
    });

    it('accepts rows in array mode and a string or bigint 1', async () => {
      for (const rows of [[[1]], [{ one: '1' }], [{ one: 1n }]]) {
        const result = await runCheck(new PostgresHealthCheck(new FakeClient(() => Promise.resolve({ rows }))));
        expect(result.output, JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).to.equal('working');
      }
    });

    it('reports an unexpected result for no row, two rows, another value or no rows array', async () => {
      const cases: [unknown, string][] = [
        [{ rows: [] }, 'unexpected result: SELECT 1 returned 0 rows instead of 1'],
        [{ rows: [{ a: 1 }, { a: 1 }] }, 'unexpected result: SELECT 1 returned 2 rows instead of 1'],
        [{ rows: [{ a: 2 }] }, 'unexpected result: SELECT 1 returned {"a":2} instead of 1'],
        [{ rows: [{ a: 1, b: 1 }] }, 'unexpected result: SELECT 1 returned {"a":1,"b":1} instead of 1'],
        [{}, 'unexpected result: SELECT 1 returned a result without a rows array (got an object ([object Object]))'],
        [undefined, 'unexpected result: SELECT 1 returned a result without a rows array (got undefined)'],
      ];
      for (const [answer, output] of cases) {
        const result = await runCheck(new PostgresHealthCheck(new FakeClient(() => Promise.resolve(answer as PgQueryResultLike))));
        expect(result.output).to.equal(output);
        expect(result.status).to.equal('fail');
      }
    });

    it("reports a failed query as unavailable with the driver's reason", async () => {
      const client = new FakeClient(() => Promise.reject(new Error('Connection terminated unexpectedly')));
      const result = await runCheck(new PostgresHealthCheck(client));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: Connection terminated unexpectedly');
    });

    it('names the SQLSTATE code of a server error instead of its unhelpful name', async () => {
      const serverError = Object.assign(new Error('role "nobody" does not exist'), { name: 'error', severity: 'FATAL', code: '28000' });
      const result = await runCheck(new PostgresHealthCheck(new FakeClient(() => Promise.reject(serverError))));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: role "nobody" does not exist (SQLSTATE 28000)');
    });

    it("lists the inner errors of Node's dual-stack AggregateError", async () => {
      const refused = new AggregateError(
        [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
        '',
      );
      const result = await runCheck(new PostgresHealthCheck(new FakeClient(() => Promise.reject(refused))));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: AggregateError: connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
    });

    it('reports a query method that throws synchronously as unavailable', async () => {
      const client: PgQueryable = {
        query: () => {
          throw new Error('Client was closed and is not queryable');
        },
      };
      const result = await runCheck(new PostgresHealthCheck(client));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: Client was closed and is not queryable');
    });

    it('times out on a query that never answers, and does not queue another one behind it', async () => {
      const hung = deferred<PgQueryResultLike>();
      let calls = 0;
      const client = new FakeClient(() => {
        calls += 1;
        return calls === 1 ? hung.promise : Promise.resolve(one);
      });
      const check = new PostgresHealthCheck(client);

      const first = await runCheck(check, 30);
      expect(kinds(first)).to.deep.equal(['timeout']);
      const second = await runCheck(check, 30);
      expect(kinds(second)).to.deep.equal(['timeout']);
      expect(second.observations.pendingQueryMs?.value).to.be.a('number').that.is.at.least(25);
      expect(calls, 'queries sent while the first one hangs').to.equal(1);

      hung.reject(new Error('Query read timeout')); // the abandoned query ends late: observed, not unhandled
      const third = await runCheck(check, 1000);
      expect(third.output).to.equal('working');
      expect(calls).to.equal(2);
    });
  });

  describe('check, given a pool', () => {
    it('listens to the error event of the client it holds, so a connection cut then fails the check instead of crashing the process', async () => {
      const cut = new Error('Connection terminated unexpectedly');
      const client = new EmittingPoolClient(
        () =>
          new Promise((_resolve, reject) => {
            // When its socket dies, pg emits 'error' on the client from an I/O callback, then rejects the query.
            setImmediate(() => {
              client.events.emit('error', cut);
              reject(cut);
            });
          }),
      );
      const result = await runCheck(new PostgresHealthCheck(new FakePool(client)));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: Connection terminated unexpectedly');
      expect(client.releases).to.deep.equal([cut]);
    });

    it('stops listening to a client it gives back to the pool (no listener piles up over 300 runs)', async () => {
      const client = new EmittingPoolClient(() => Promise.resolve(one));
      const check = new PostgresHealthCheck(new FakePool(client));
      for (let run = 0; run < 300; run += 1) expect((await runCheck(check)).output).to.equal('working');
      expect(client.events.listenerCount('error')).to.equal(0);
    });

    it('checks a client out, queries it, gives it back, and observes the pool', async () => {
      const pool = new FakePool(new FakePoolClient(() => Promise.resolve(one)));
      pool.totalCount = 3;
      pool.idleCount = 2;
      pool.waitingCount = 0;
      const result = await runCheck(new PostgresHealthCheck(pool));
      expect(result.output).to.equal('working');
      expect(pool.connects).to.equal(1);
      expect(pool.client.queries).to.deep.equal(['SELECT 1']);
      expect(pool.client.releases).to.deep.equal([undefined]);
      expect(result.observations).to.deep.include({
        poolTotal: { value: 3, unit: 'clients' },
        poolIdle: { value: 2, unit: 'clients' },
        poolWaiting: { value: 0, unit: 'clients' },
      });
      expect(result.observations.acquireMs?.unit).to.equal('ms');
      expect(result.observations.latencyMs?.unit).to.equal('ms');
    });

    describe('when the pool is exhausted', () => {
      /** A pool of at most 2 clients with the given counts. */
      function poolWith(totalCount: number, idleCount: number, waitingCount: number): FakePool & { options: { max: number } } {
        const pool = Object.assign(new FakePool(new FakePoolClient(() => Promise.resolve(one))), { options: { max: 2 } });
        Object.assign(pool, { totalCount, idleCount, waitingCount });
        return pool;
      }

      it('warns with the counts instead of queueing behind the application, and checks nothing out', async () => {
        const pool = poolWith(2, 0, 3);
        const result = await runCheck(new PostgresHealthCheck(pool));
        expect(result.status).to.equal('warn');
        expect(result.output).to.equal(
          'warning: PostgreSQL connection pool exhausted: 2 of 2 clients in use, 3 waiting; the database was not probed, so as not to queue behind the application',
        );
        expect(pool.connects).to.equal(0);
        expect(result.observations).to.deep.include({ poolTotal: { value: 2, unit: 'clients' }, poolIdle: { value: 0, unit: 'clients' }, poolWaiting: { value: 3, unit: 'clients' } });
      });

      it('also when the idle clients are already promised to waiters', async () => {
        const pool = poolWith(2, 1, 1);
        expect((await runCheck(new PostgresHealthCheck(pool))).output).to.match(/^warning: PostgreSQL connection pool exhausted: 1 of 2 clients in use, 1 waiting;/);
        expect(pool.connects).to.equal(0);
      });

      it('checks out as usual when a client is idle or the pool may open another', async () => {
        for (const [total, idle] of [[2, 1], [1, 0], [0, 0]] as const) {
          const pool = poolWith(total, idle, 0);
          expect((await runCheck(new PostgresHealthCheck(pool))).output, `total ${total}, idle ${idle}`).to.equal('working');
          expect(pool.connects).to.equal(1);
        }
      });
    });

    it('gives the client back also when the answer is unexpected', async () => {
      const pool = new FakePool(new FakePoolClient(() => Promise.resolve({ rows: [] })));
      const result = await runCheck(new PostgresHealthCheck(pool));
      expect(kinds(result)).to.deep.equal(['unexpected result']);
      expect(pool.client.releases).to.deep.equal([undefined]);
    });

    it('reports a failed checkout as a connection failure', async () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      const pool = new FakePool(new FakePoolClient(() => Promise.resolve(one)), () => Promise.reject(refused));
      const result = await runCheck(new PostgresHealthCheck(pool));
      expect(result.output).to.equal('unavailable: PostgreSQL connection failed: connect ECONNREFUSED 127.0.0.1:1');
    });

    it('makes the pool discard the client when the query fails', async () => {
      const failure = new Error('terminating connection due to administrator command');
      const pool = new FakePool(new FakePoolClient(() => Promise.reject(failure)));
      const result = await runCheck(new PostgresHealthCheck(pool));
      expect(result.output).to.equal('unavailable: PostgreSQL query failed: terminating connection due to administrator command');
      expect(pool.client.releases).to.deep.equal([failure]);
    });

    it('makes the pool discard the client as soon as the signal aborts a hung query', async () => {
      const hung = deferred<PgQueryResultLike>();
      const pool = new FakePool(new FakePoolClient(() => hung.promise));
      const result = await runCheck(new PostgresHealthCheck(pool), 30);
      expect(kinds(result)).to.deep.equal(['timeout']);
      await Promise.resolve(); // the abort listener ran during the abort; its release follows one microtask later
      expect(pool.client.releases).to.have.length(1);
      expect(pool.client.releases[0]).to.be.instanceOf(Error).with.property('message').that.matches(/timed out; discarding the connection/);
      hung.reject(new Error('Connection terminated')); // what pg does once the socket is destroyed
    });

    it('gives back a client whose checkout completes after the timeout', async () => {
      const checkout = deferred<PgPoolClientLike>();
      const pool = new FakePool(new FakePoolClient(() => Promise.resolve(one)), () => checkout.promise);
      const result = await runCheck(new PostgresHealthCheck(pool), 30);
      expect(kinds(result)).to.deep.equal(['timeout']);
      expect(pool.client.releases).to.deep.equal([]);
      checkout.resolve(pool.client);
      await new Promise((resolve) => setImmediate(resolve));
      expect(pool.client.releases).to.deep.equal([undefined]);
      expect(pool.client.queries, 'no query on the late client').to.deep.equal([]);
    });

    it('ignores a checkout that fails after the timeout', async () => {
      const checkout = deferred<PgPoolClientLike>();
      const pool = new FakePool(new FakePoolClient(() => Promise.resolve(one)), () => checkout.promise);
      const result = await runCheck(new PostgresHealthCheck(pool), 30);
      expect(kinds(result)).to.deep.equal(['timeout']);
      checkout.reject(new Error('timeout exceeded when trying to connect'));
      await new Promise((resolve) => setImmediate(resolve)); // spec/setup.ts fails the test on an unhandled rejection
    });

    it('is not thrown off by a release that throws', async () => {
      const client = new FakePoolClient(() => Promise.resolve(one));
      client.release = () => {
        throw new Error('Release called on client which has already been released to the pool.');
      };
      const result = await runCheck(new PostgresHealthCheck(new FakePool(client)));
      expect(result.output).to.equal('working');
    });
  });

  describe('used as the guide shows', () => {
    it('runs as DatabaseHealthCheck from the decorator alone, injected with PG_POOL', async () => {
      const registry = new HealthCheckRegistry();

      @registerHealthCheck({ name: 'DatabaseHealthCheck', registry })
      class DatabaseHealthCheck extends PostgresHealthCheck {}

      const client = new FakeClient(() => Promise.resolve(one));
      const container = new Container();
      container.bind(PG_POOL).toConstantValue(client);
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([['DatabaseHealthCheck', 'working']]);
      expect(container.get(DatabaseHealthCheck)).to.be.instanceOf(PostgresHealthCheck);
      expect(client.queries).to.deep.equal(['SELECT 1']);
    });

    it('checks two databases under two names and two tokens', async () => {
      const registry = new HealthCheckRegistry();
      const REPLICA_POOL = Symbol('ReplicaPool');

      @registerHealthCheck({ name: 'DatabaseHealthCheck', registry })
      class DatabaseHealthCheck extends PostgresHealthCheck {}

      @registerHealthCheck({ name: 'ReplicaHealthCheck', registry, critical: false })
      class ReplicaHealthCheck extends PostgresHealthCheck {
        constructor(@inject(REPLICA_POOL) pool: PgQueryable) {
          super(pool);
        }
      }

      const primary = new FakeClient(() => Promise.resolve(one));
      const replica = new FakeClient(() => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.2:5432')));
      const container = new Container();
      container.bind(PG_POOL).toConstantValue(primary);
      container.bind(REPLICA_POOL).toConstantValue(replica);
      container.load(healthModule({ registry }));
      const report = await container.get(HealthService).run();
      expect(report.checks.map((check) => [check.name, check.output])).to.deep.equal([
        ['DatabaseHealthCheck', 'working'],
        ['ReplicaHealthCheck', 'unavailable: PostgreSQL query failed: connect ECONNREFUSED 10.0.0.2:5432'],
      ]);
      expect(report.status, 'a non-critical failure only warns').to.equal('warn');
      expect(primary.queries).to.have.length(1);
      expect(replica.queries).to.have.length(1);
      expect(container.get(DatabaseHealthCheck)).to.not.equal(container.get(ReplicaHealthCheck));
    });
  });
});
