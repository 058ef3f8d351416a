import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../support/closedPort.js';
import { requireService } from '../support/services.js';
import { checksModule, pulsecheck, startExample, waitFor, type Example } from './exampleService.js';

/** The parts of newman's run summary the spec reads (newman ships no types). */
interface NewmanSummary {
  readonly run: {
    readonly stats: { readonly requests: Stat; readonly assertions: Stat };
    readonly failures: readonly { readonly error: { readonly test?: string; readonly message: string }; readonly source?: { readonly name?: string } }[];
  };
}
interface Stat {
  readonly total: number;
  readonly failed: number;
}
type NewmanRun = (options: { collection: unknown; reporters: string[] | string; reporter?: unknown; timeoutRequest?: number }, callback: (error: Error | null, summary: NewmanSummary) => void) => unknown;

const newman = createRequire(import.meta.url)('newman') as { run: NewmanRun };

/** Runs the collection with newman (its Node API), quietly unless NEWMAN_CLI=1 asks for its summary tables. */
function runNewman(collection: unknown): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    newman.run({ collection, reporters: process.env.NEWMAN_CLI === '1' ? 'cli' : [], timeoutRequest: 10_000 }, (error, summary) => {
      if (error !== null) reject(error);
      else resolve(summary);
    });
  });
}

/** "<request>: <test>" for each failed assertion. */
const failures = (summary: NewmanSummary): string[] => summary.run.failures.map((failure) => `${failure.source?.name ?? '?'}: ${failure.error.test ?? failure.error.message}`).sort();

describe('the Postman collection of the example service, run by newman', function () {
  this.timeout(60_000);
  let directory: string;
  let example: Example | undefined;

  /** `pulsecheck postman` for the example's checks, pointed at the running example. */
  async function collectionFor(base: string): Promise<unknown> {
    const output = join(directory, 'health.postman_collection.json');
    const said = await pulsecheck('postman', '--module', checksModule, '--base-url', base, '--output', output);
    expect(said).to.equal(`wrote ${output}: 4 requests\n`);
    return JSON.parse(readFileSync(output, 'utf8')) as unknown;
  }

  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'pulsecheck-postman-'));
  });
  afterEach(async () => {
    await example?.stop();
    example = undefined;
  });
  after(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  describe('having every dependency up', () => {
    it('passes every assertion: 4 requests, 25 assertions, 0 failed', async function () {
      await requireService(this, 'postgres');
      await requireService(this, 'redis');
      await requireService(this, 'rabbitmq');
      example = await startExample();
      // RabbitMQ connects in the background, and a fresh process's event loop settles: wait until every check works.
      const healthy = await waitFor(`${example.base}/health?format=json`, (status, body) => status === 200 && Object.values(body).every((output) => output === 'working'), 15_000);
      expect(healthy.body).to.satisfy((body: Record<string, string>) => Object.values(body).every((output) => output === 'working'));
      const summary = await runNewman(await collectionFor(example.base));
      expect(failures(summary)).to.deep.equal([]);
      expect(summary.run.stats.requests).to.include({ total: 4, failed: 0 });
      // Per request: status, Content-Type, response time, and one per critical check of its route
      // (/health 5, /health/live 2, /health/ready 3, /health/startup 3).
      expect(summary.run.stats.assertions).to.include({ total: 25, failed: 0 });
    });
  });

  describe('having PostgreSQL on a closed port', () => {
    it('fails the status and DatabaseHealthCheck assertions of the routes that run it, and passes the rest', async function () {
      await requireService(this, 'redis');
      await requireService(this, 'rabbitmq');
      example = await startExample({ PULSECHECK_PG_URL: `postgres://app:pg-secret@127.0.0.1:${await closedPort()}/app` });
      await waitFor(`${example.base}/health?format=json`, (_status, body) => body.QueueHealthCheck === 'working' && body.CacheHealthCheck === 'working', 15_000);
      const summary = await runNewman(await collectionFor(example.base));
      expect(failures(summary)).to.deep.equal([
        'GET /health/ready: DatabaseHealthCheck is working',
        'GET /health/ready: status is 200',
        'GET /health/startup: DatabaseHealthCheck is working',
        'GET /health/startup: status is 200',
        'GET /health: DatabaseHealthCheck is working',
        'GET /health: status is 200',
      ]);
      expect(summary.run.stats.requests).to.include({ total: 4, failed: 0 });
      expect(summary.run.stats.assertions).to.include({ total: 25, failed: 6 });
    });
  });
});
