import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { requireService, serviceUrl } from '../../support/services.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The fixture that creates its ioredis client at load time (spec/cli/fixtures/redisAtLoad.ts). */
const fixture = 'build/spec/cli/fixtures/redisAtLoad.js';

/** Runs the built bin as a child process, the way an exec probe does, against the Redis at `redisUrl`. */
function cli(redisUrl: string, ...args: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const env = { ...process.env, NODE_OPTIONS: '', PULSECHECK_REDIS_URL: redisUrl };
    execFile(process.execPath, ['dist/cli/pulsecheck.js', '--module', fixture, ...args], { timeout: 15_000, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe('RedisHealthCheck through the CLI, with a client created at module load (end to end)', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'redis');
  });

  it('exits 0 against the live Redis: the first connection is waited for, not failed', async () => {
    const { code, stdout, stderr, ms } = await cli(serviceUrl('redis'));
    console.log(`      (CLI run against the live Redis: ${ms.toFixed(0)} ms)`);
    expect(stderr).to.equal('');
    expect(stdout).to.match(/^✔ Cache\s+pass\s+\d+\.\d ms {2}working$/m);
    expect(code).to.equal(0);
  });

  it('exits 1 at once when the first connection is refused', async () => {
    const port = await closedPort();
    const { code, stdout, ms } = await cli(`redis://127.0.0.1:${port}`, '--timeout-ms', '2000');
    console.log(`      (CLI run against a closed port: ${ms.toFixed(0)} ms)`);
    expect(code).to.equal(1);
    expect(stdout).to.match(new RegExp(`^✖ Cache\\s+fail\\s+.*unavailable: Redis client is not ready \\(status: \\w+\\); last error: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`, 'm'));
    // node start-up and module loading on a busy 2-core machine; far less than the 2000 ms timeout is spent on the check
    expect(ms).to.be.below(2000 + 4_000);
  });

  it("exits 1 soon after the check's timeout against a server that accepts and never answers", async () => {
    const hung = await HungServer.start();
    try {
      const { code, stdout, ms } = await cli(`redis://127.0.0.1:${hung.port}`, '--timeout-ms', '5000');
      console.log(`      (CLI run against a hung server: ${ms.toFixed(0)} ms)`);
      expect(code).to.equal(1);
      expect(stdout).to.match(/^✖ Cache\s+fail\s+.*timeout: did not finish within 1000 ms$/m);
      expect(ms).to.be.below(1000 + 4_000);
    } finally {
      await hung.close();
    }
  });
});
