import { expect } from 'chai';
import knex, { type Knex } from 'knex';
import { HealthService, SqlHealthCheck, type SqlHealthCheckOptions } from 'pulsecheck';
import { assertCheckConforms } from 'pulsecheck/testing';
import { DataSource } from 'typeorm';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { margin, timeoutMs, workingTimeoutMs } from '../../support/integrationBudget.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl, type ServiceName } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';
import { recordTiming } from '../../support/timings.js';
import { conformance, hostAndPort } from '../../testing/conformance/budget.js';

/** Knex logs pool errors to the console; the specs read them from the results instead. */
const quiet = { warn: () => undefined, error: () => undefined, deprecate: () => undefined, debug: () => undefined };

/** The service URL with another port (on loopback). */
function urlWithPort(service: ServiceName, port: number): string {
  const url = new URL(serviceUrl(service));
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

const databases = [
  { service: 'postgres', label: 'PostgreSQL', knexClient: 'pg', typeorm: 'postgres', port: 5432 },
  { service: 'mysql', label: 'MariaDB', knexClient: 'mysql2', typeorm: 'mysql', port: 3306 },
] as const;

for (const database of databases) {
  describe(`SqlHealthCheck through Knex and TypeORM against ${database.label} (integration)`, function () {
    this.timeout(30_000);
    const closers: (() => Promise<void>)[] = [];

    before(async function () {
      await requireService(this, database.service);
    });

    afterEach(async () => {
      for (const close of closers.splice(0)) await close();
    });

    function makeKnex(url = serviceUrl(database.service), pool: Knex.PoolConfig = {}): Knex {
      const db = knex({ client: database.knexClient, connection: url, pool: { min: 0, max: 2, ...pool }, acquireConnectionTimeout: 1000, log: quiet });
      closers.push(() => db.destroy());
      return db;
    }

    async function makeDataSource(url = serviceUrl(database.service)): Promise<DataSource> {
      const dataSource = new DataSource({ type: database.typeorm, url, poolSize: 2, connectTimeout: 1000, connectTimeoutMS: 1000 });
      await dataSource.initialize();
      closers.push(() => dataSource.destroy());
      return dataSource;
    }

    const knexRecipe = (db: Knex): SqlHealthCheckOptions => ({ label: database.label, query: () => db.raw('select 1') });
    const typeormRecipe = (dataSource: DataSource): SqlHealthCheckOptions => ({ label: database.label, query: () => dataSource.query('SELECT 1') });

    it('reports working through Knex, with the latency', async () => {
      const result = await runCheck(new SqlHealthCheck(knexRecipe(makeKnex())), workingTimeoutMs);
      recordTiming(`SQL/${database.label}`, 'healthy (Knex)', result);
      expect(result.output).to.equal('working');
      expect(result.observations.latencyMs?.unit).to.equal('ms');
    });

    it("reports working through TypeORM's DataSource", async () => {
      const result = await runCheck(new SqlHealthCheck(typeormRecipe(await makeDataSource())), workingTimeoutMs);
      recordTiming(`SQL/${database.label}`, 'healthy (TypeORM)', result);
      expect(result.output).to.equal('working');
    });

    it("reports a refused port as unavailable, with the client's reason", async () => {
      const port = await closedPort();
      const result = await runCheck(new SqlHealthCheck(knexRecipe(makeKnex(urlWithPort(database.service, port)))), workingTimeoutMs);
      recordTiming(`SQL/${database.label}`, 'refused (Knex)', result);
      expect(result.output).to.match(new RegExp(`^unavailable: ${database.label} query failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
    });

    it('times out on a server that accepts and never answers, and the next run waits for the abandoned query instead of adding one', async () => {
      const hung = await HungServer.start();
      closers.push(() => hung.close());
      const check = new SqlHealthCheck(knexRecipe(makeKnex(urlWithPort(database.service, hung.port))));
      const first = await runCheck(check, timeoutMs);
      recordTiming(`SQL/${database.label}`, 'hung server (Knex)', first);
      expect(kinds(first)).to.deep.equal(['timeout']);
      expect(first.durationMs).to.be.below(timeoutMs + margin);
      const second = await runCheck(check, 100);
      expect(second.observations.pendingQueryMs?.unit, 'waited for the first query').to.equal('ms');
      expect(hung.acceptedConnections, 'no second connection attempt piled up').to.equal(1);
    });

    it('times out when the established connection stalls, then recovers once it answers', async () => {
      const proxy = await StallingProxy.start(hostAndPort(serviceUrl(database.service), database.port));
      closers.push(() => proxy.close());
      const check = new SqlHealthCheck(typeormRecipe(await makeDataSource(urlWithPort(database.service, proxy.port))));
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
      proxy.stall();
      const stalled = await runCheck(check, timeoutMs);
      recordTiming(`SQL/${database.label}`, 'stalled connection (TypeORM)', stalled);
      expect(kinds(stalled)).to.deep.equal(['timeout']);
      proxy.resume();
      const deadline = performance.now() + 5000;
      let recovered = await runCheck(check, workingTimeoutMs);
      while (recovered.output !== 'working' && performance.now() < deadline) recovered = await runCheck(check, workingTimeoutMs);
      expect(recovered.output).to.equal('working');
    });

    it('conforms under every fault (assertCheckConforms, through Knex)', async () => {
      await assertCheckConforms({
        ...conformance,
        target: hostAndPort(serviceUrl(database.service), database.port),
        create: ({ port }) => {
          const db = knex({ client: database.knexClient, connection: urlWithPort(database.service, port), pool: { min: 0, max: 2 }, acquireConnectionTimeout: 1000, log: quiet });
          return { check: new SqlHealthCheck(knexRecipe(db)), dispose: () => db.destroy() };
        },
        settleMs: 5000,
      });
    });

    it('leaks nothing over 300 runs through Knex', async () => {
      const check = new SqlHealthCheck(knexRecipe(makeKnex()));
      expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
      const before = activeResources();
      expect(await tallyOutputs(new HealthService([check], { defaultTimeoutMs: workingTimeoutMs }), 300)).to.deep.equal([['working', 300]]);
      expect(await settleResources(before), 'extra handles').to.deep.equal({});
    });
  });
}

describe('SqlHealthCheck', () => {
  it('passes the check signal to the query, and names the label in a failure', async () => {
    let seen: AbortSignal | undefined;
    const result = await runCheck(
      new SqlHealthCheck({
        label: 'Orders DB',
        query: (signal) => {
          seen = signal;
          return Promise.reject(new Error('relation "x" does not exist'));
        },
      }),
    );
    expect(seen).to.be.instanceOf(AbortSignal);
    expect(result.output).to.equal('unavailable: Orders DB query failed: relation "x" does not exist');
  });

  it('reports a query that throws synchronously as unavailable', async () => {
    const result = await runCheck(
      new SqlHealthCheck({
        query: () => {
          throw new Error('Client has already been destroyed');
        },
      }),
    );
    expect(result.output).to.equal('unavailable: SQL query failed: Client has already been destroyed');
  });

  it('rejects bad options naming the class and the option', () => {
    class Db extends SqlHealthCheck {}
    expect(() => new Db(undefined as never)).to.throw(TypeError, /^Db: options must be an object, got undefined \(undefined\)$/);
    expect(() => new Db({ query: 'SELECT 1' } as never)).to.throw(TypeError, /^Db: query must be a function \(signal\) => Promise that runs SELECT 1, got 'SELECT 1'$/);
    expect(() => new Db({ query: () => Promise.resolve(), label: '' })).to.throw(TypeError, /^Db: label must be a non-empty string/);
    expect(() => new Db({ query: () => Promise.resolve(), sql: 'x' } as never)).to.throw(TypeError, /^Db: unknown option 'sql'/);
    expect(SqlHealthCheck.traits).to.deep.equal({ componentType: 'datastore', externalDependency: true });
  });
});
