import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const blocker = fileURLToPath(new URL('../support/blockDrivers.js', import.meta.url));

/** What a child process sees after importing `entries` (the built package, through its own exports). */
async function importInChild(entries: readonly string[], options: { blockDrivers: boolean }): Promise<{ exports: Record<string, string[]>; drivers: string[]; pg: string }> {
  const script = `
    import { createRequire } from 'node:module';
    const exports = {};
    for (const entry of ${JSON.stringify(entries)}) exports[entry] = Object.keys(await import(entry)).sort();
    const cached = Object.keys(createRequire(process.cwd() + '/').cache);
    const drivers = cached.filter((file) => /[\\\\/]node_modules[\\\\/](pg|pg-[\\w-]+|ioredis|amqplib)[\\\\/]/.test(file));
    const pg = await import('pg').then(() => 'loaded', (error) => error.code);
    console.log(JSON.stringify({ exports, drivers, pg }));
  `;
  const args = [...(options.blockDrivers ? ['--import', blocker] : []), '--input-type=module', '--eval', script];
  const { stdout } = await run(process.execPath, args, { cwd: root, timeout: 20_000 });
  return JSON.parse(stdout) as { exports: Record<string, string[]>; drivers: string[]; pg: string };
}

describe('the optional peer dependencies (pg, ioredis, amqplib)', function () {
  this.timeout(30_000);

  it('are not loaded by importing pulsecheck', async () => {
    const seen = await importInChild(['pulsecheck'], { blockDrivers: false });
    expect(seen.exports.pulsecheck).to.include.members(['HealthService', 'MemoryHealthCheck', 'DiskSpaceHealthCheck', 'EventLoopDelayHealthCheck']);
    expect(seen.drivers, 'driver files in the module cache').to.deep.equal([]);
    expect(seen.pg, 'the driver is installed here: the blocked runs below are meaningful').to.equal('loaded');
  });

  it('are not needed to import pulsecheck and each bundled check entry', async () => {
    const seen = await importInChild(['pulsecheck', 'pulsecheck/postgres', 'pulsecheck/redis', 'pulsecheck/rabbitmq'], { blockDrivers: true });
    expect(seen.pg, 'the drivers are blocked').to.equal('ERR_MODULE_NOT_FOUND');
    expect(seen.drivers).to.deep.equal([]);
    expect(seen.exports).to.deep.equal({
      pulsecheck: seen.exports.pulsecheck,
      'pulsecheck/postgres': ['PG_POOL', 'PostgresHealthCheck'],
      'pulsecheck/redis': ['REDIS_CLIENT', 'RedisHealthCheck'],
      'pulsecheck/rabbitmq': ['AMQP_CONNECTION', 'RabbitMqHealthCheck'],
    });
  });
});
