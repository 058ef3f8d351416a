import { expect } from 'chai';
import { Container } from 'inversify';
import pg from 'pg';
import { HealthCheckRegistry, HealthService, healthModule, registerHealthCheck } from 'pulsecheck';
import { PG_POOL, PostgresHealthCheck } from 'pulsecheck/postgres';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { requireService, serviceUrl, serviceUrlWith } from '../../support/services.js';
import { StallingProxy } from '../../support/StallingProxy.js';
import { terminatePgBackendsSync } from '../../support/terminatePgBackendsSync.js';
import { recordTiming } from '../../support/timings.js';
import { margin, timeoutMs, uniqueConnectionName as applicationName, workingTimeoutMs } from '../../support/integrationBudget.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';


/** The service URL with another host/port/user/password. */
const urlWith = (changes: { port?: number; user?: string; password?: string }): string => serviceUrlWith('postgres', changes);

describe('PostgresHealthCheck against PostgreSQL (integration)', function () {
  this.timeout(30_000);
  const pools: pg.Pool[] = [];
  const closers: (() => Promise<void>)[] = [];
  const poolErrors: Error[] = [];

  before(async function () {
    await requireService(this, 'postgres');
  });

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => (pool.ending ? Promise.resolve() : pool.end())));
    for (const close of closers.splice(0)) await close();
  });

  function makePool(config: pg.PoolConfig = {}): pg.Pool {
    const pool = new pg.Pool({ connectionString: serviceUrl('postgres'), application_name: applicationName(), max: 2, ...config });
    pool.on('error', (error) => poolErrors.push(error)); // idle clients the server killed: the app's business
    pools.push(pool);
    return pool;
  }

  /** Connections this pool's application_name holds on the server. */
  async function serverConnections(name: string): Promise<number> {
    const admin = new pg.Client({ connectionString: serviceUrl('postgres'), application_name: 'pulsecheck-spec-admin' });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE application_name = $1', [name]);
      return Number(rows[0]?.count);
    } finally {
      await admin.end();
    }
  }

  it('reports working through a pool, from the decorator alone, with the latency', async () => {
    const registry = new HealthCheckRegistry();

    @registerHealthCheck({ name: 'DatabaseHealthCheck', registry, timeoutMs: workingTimeoutMs })
    class DatabaseHealthCheck extends PostgresHealthCheck {}

    const pool = makePool();
    const container = new Container();
    container.bind(PG_POOL).toConstantValue(pool);
    container.load(healthModule({ registry }));
    const report = await container.get(HealthService).run();
    const result = report.checks[0]!;
    recordTiming('PostgreSQL', 'healthy (pool)', result);
    expect(result.name).to.equal('DatabaseHealthCheck');
    expect(result.output).to.equal('working');
    expect(result.observations.latencyMs?.unit).to.equal('ms');
    expect(result.observations.latencyMs?.value).to.be.a('number').above(0);
    expect(container.get(DatabaseHealthCheck)).to.be.instanceOf(PostgresHealthCheck);
    expect(pool.totalCount - pool.idleCount, 'checked-out clients').to.equal(0);
  });

  it('reports working through a single pg.Client', async () => {
    const client = new pg.Client({ connectionString: serviceUrl('postgres'), application_name: applicationName() });
    await client.connect();
    closers.push(() => client.end());
    const result = await runCheck(new PostgresHealthCheck(client), workingTimeoutMs);
    recordTiming('PostgreSQL', 'healthy (client)', result);
    expect(result.output).to.equal('working');
    expect(result.observations.latencyMs?.unit).to.equal('ms');
  });

  it("reports a refused connection as unavailable quickly, with the driver's reason and no password", async () => {
    const port = await closedPort();
    const pool = new pg.Pool({ connectionString: urlWith({ port, password: 's3cret-pw' }), application_name: applicationName() });
    pools.push(pool);
    const result = await runCheck(new PostgresHealthCheck(pool), timeoutMs);
    recordTiming('PostgreSQL', 'refused', result);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.equal(`unavailable: PostgreSQL connection failed: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(result.output).to.not.include('s3cret-pw');
    expect(result.durationMs).to.be.below(timeoutMs);
    expect(pool.totalCount).to.equal(0);
  });

  it('times out on a server that accepts and never answers, and the pool lets the socket go by its connectionTimeoutMillis', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const connectionTimeoutMillis = 1000;
    const pool = new pg.Pool({ connectionString: urlWith({ port: hung.port, password: 's3cret-pw' }), connectionTimeoutMillis });
    pools.push(pool);

    const result = await runCheck(new PostgresHealthCheck(pool), timeoutMs);
    recordTiming('PostgreSQL', 'hung server (pool connecting)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    expect(hung.acceptedConnections).to.equal(1);

    // The check cannot cancel a pool's connection attempt; the pool's own timeout ends it.
    const waited = performance.now();
    await hung.waitUntilIdle(connectionTimeoutMillis + 2000);
    console.log(`      [timing] PostgreSQL / hung server: socket closed by the pool ${Math.round(performance.now() - waited)} ms after the check reported`);
    expect(pool.totalCount, 'clients held').to.equal(0);
    expect(pool.waitingCount, 'callers waiting').to.equal(0);
  });

  it('times out when an established connection hangs, and discards the checked-out client at once', async () => {
    const target = new URL(serviceUrl('postgres'));
    const proxy = await StallingProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    closers.push(() => proxy.close());
    const pool = makePool({ connectionString: urlWith({ port: proxy.port }) });
    const check = new PostgresHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    expect(proxy.openConnections).to.equal(1);

    proxy.stall();
    const result = await runCheck(check, timeoutMs);
    recordTiming('PostgreSQL', 'hung connection (query)', result);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(result.durationMs).to.be.below(timeoutMs + margin);
    await proxy.waitUntilIdle(500); // destroyed by the check's release(error), not by any timeout
    expect(pool.totalCount, 'clients held').to.equal(0);
    expect(pool.waitingCount).to.equal(0);

    proxy.resume();
    const recovered = await runCheck(check, workingTimeoutMs);
    expect(recovered.output, 'a new connection once the server answers again').to.equal('working');
  });

  it('reports a user that does not exist as unavailable with a readable reason', async () => {
    const pool = makePool({ connectionString: urlWith({ user: 'pulsecheck_no_such_user', password: 's3cret-pw' }) });
    const result = await runCheck(new PostgresHealthCheck(pool), timeoutMs);
    recordTiming('PostgreSQL', 'wrong credentials', result);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.match(/^unavailable: PostgreSQL connection failed: (role "pulsecheck_no_such_user" does not exist|password authentication failed for user "pulsecheck_no_such_user") \(SQLSTATE 28\w{3}\)$/);
    expect(result.output).to.not.include('s3cret-pw');
  });

  it('fails when the server kills its connection, then works again once the pool has reconnected', async () => {
    const name = applicationName();
    const pool = makePool({ application_name: name, max: 1 });
    const check = new PostgresHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    expect(pool.idleCount).to.equal(1);

    // Synchronous: the pool cannot notice before the check runs (see terminatePgBackendsSync).
    expect(terminatePgBackendsSync(serviceUrl('postgres'), name)).to.equal(1);
    const failed = await runCheck(check, timeoutMs);
    recordTiming('PostgreSQL', 'connection killed (pg_terminate_backend)', failed);
    expect(kinds(failed)).to.deep.equal(['unavailable']);
    expect(failed.output).to.match(/^unavailable: PostgreSQL query failed: (terminating connection due to administrator command \(SQLSTATE 57P01\)|Connection terminated unexpectedly)$/);
    expect(pool.totalCount, 'the dead client was discarded').to.equal(0);

    const recovered = await runCheck(check, workingTimeoutMs);
    recordTiming('PostgreSQL', 'recovered after the kill', recovered);
    expect(recovered.output).to.equal('working');
    expect(await serverConnections(name)).to.equal(1);
  });

  it('while the application holds every client: warns with the counts, leaves no waiter over 30 probes, steals none; then works once released', async () => {
    const name = applicationName();
    const pool = makePool({ application_name: name, max: 3 });
    const check = new PostgresHealthCheck(pool);
    const held = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    const app = pool.connect(); // the application's own waiter, queued behind its held clients
    expect(pool.waitingCount).to.equal(1);

    const service = new HealthService([check], { defaultTimeoutMs: timeoutMs });
    const started = performance.now();
    const outputs = await tallyOutputs(service, 30);
    const perProbeMs = (performance.now() - started) / 30;
    const first = await runCheck(check, timeoutMs);
    recordTiming('PostgreSQL', 'pool exhausted (3/3 held, 1 app waiter)', first);
    console.log(`      (30 probes on the exhausted pool: ${perProbeMs.toFixed(2)} ms each on average)`);
    expect(outputs).to.deep.equal([
      ['warning: PostgreSQL connection pool exhausted: 3 of 3 clients in use, 1 waiting; the database was not probed, so as not to queue behind the application', 30],
    ]);
    expect(first.status).to.equal('warn');
    expect(pool.waitingCount, "waiters in the application's queue").to.equal(1);
    expect(pool.totalCount).to.equal(3);

    held[0].release(); // goes to the application's waiter, not to a probe
    const appClient = await app;
    expect(pool.waitingCount).to.equal(0);
    expect(pool.idleCount, 'no probe took the released client').to.equal(0);
    for (const client of [appClient, held[1], held[2]]) client.release();
    const after = await runCheck(check, workingTimeoutMs);
    expect(after.output).to.equal('working');
    expect([pool.totalCount, pool.idleCount, pool.waitingCount], 'total, idle, waiting').to.deep.equal([3, 3, 0]);
    expect(await serverConnections(name)).to.equal(3);
  });

  it('leaks nothing over 300 runs: no checked-out client, no extra connection, no extra handle', async () => {
    const name = applicationName();
    const pool = makePool({ application_name: name });
    const check = new PostgresHealthCheck(pool);
    expect((await runCheck(check, workingTimeoutMs)).output).to.equal('working');
    const before = activeResources();

    const service = new HealthService([check], { defaultTimeoutMs: workingTimeoutMs });
    expect(await tallyOutputs(service, 300)).to.deep.equal([['working', 300]]);
    expect(pool.totalCount - pool.idleCount, 'checked-out clients').to.equal(0);
    expect(pool.waitingCount, 'callers waiting').to.equal(0);
    expect(await serverConnections(name), 'server connections').to.equal(pool.totalCount);
    expect(await settleResources(before), 'extra handles').to.deep.equal({});

    await pool.end();
    expect(await serverConnections(name), 'server connections after pool.end()').to.equal(0);
  });
});
