import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importGraph } from '../support/importGraph.js';

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
    const drivers = cached.filter((file) => /[\\\\/]node_modules[\\\\/](pg|pg-[\\w-]+|ioredis|amqplib|mysql2|nats|mqtt|@grpc[\\\\/][\\w.-]+|protobufjs)[\\\\/]/.test(file));
    const pg = await import('pg').then(() => 'loaded', (error) => error.code);
    console.log(JSON.stringify({ exports, drivers, pg }));
  `;
  const args = [...(options.blockDrivers ? ['--import', blocker] : []), '--input-type=module', '--eval', script];
  const { stdout } = await run(process.execPath, args, { cwd: root, timeout: 20_000 });
  return JSON.parse(stdout) as { exports: Record<string, string[]>; drivers: string[]; pg: string };
}

describe('the optional peer dependencies (pg, ioredis, amqplib, mysql2, nats, mqtt)', function () {
  this.timeout(30_000);

  it('are not loaded by importing pulsecheck', async () => {
    const seen = await importInChild(['pulsecheck'], { blockDrivers: false });
    expect(seen.exports.pulsecheck).to.include.members(['HealthService', 'MemoryHealthCheck', 'DiskSpaceHealthCheck', 'EventLoopDelayHealthCheck']);
    expect(seen.drivers, 'driver files in the module cache').to.deep.equal([]);
    expect(seen.pg, 'the driver is installed here: the blocked runs below are meaningful').to.equal('loaded');
  });

  it('are not needed to import pulsecheck and each bundled check entry', async () => {
    const seen = await importInChild(['pulsecheck', 'pulsecheck/postgres', 'pulsecheck/redis', 'pulsecheck/rabbitmq', 'pulsecheck/mysql', 'pulsecheck/nats', 'pulsecheck/mqtt', 'pulsecheck/testing'], { blockDrivers: true });
    expect(seen.pg, 'the drivers are blocked').to.equal('ERR_MODULE_NOT_FOUND');
    expect(seen.drivers).to.deep.equal([]);
    expect(seen.exports).to.deep.equal({
      pulsecheck: seen.exports.pulsecheck,
      'pulsecheck/postgres': ['PG_POOL', 'PostgresHealthCheck'],
      'pulsecheck/redis': ['REDIS_CLIENT', 'RedisHealthCheck'],
      'pulsecheck/rabbitmq': ['AMQP_CONNECTION', 'RabbitMqHealthCheck'],
      'pulsecheck/mysql': ['MYSQL_POOL', 'MySqlHealthCheck'],
      'pulsecheck/nats': ['NATS_CONNECTION', 'NatsHealthCheck'],
      'pulsecheck/mqtt': ['MQTT_CLIENT', 'MqttHealthCheck'],
      'pulsecheck/testing': ['CONFORMANCE_DEFAULTS', 'FAULTS', 'FAULT_PROXY_DEFAULTS', 'FaultProxy', 'assertCheckConforms', 'runCheck'],
    });
  });

  it('are not loaded, and neither is the testing kit, by importing pulsecheck (its static import graph)', () => {
    const reached = importGraph(join(root, 'dist', 'index.js')).files;
    expect(reached.size, 'modules reached from dist/index.js').to.be.above(20);
    expect([...reached].filter((file) => file.includes(`${sep}testing${sep}`))).to.deep.equal([]);
    expect([...importGraph(join(root, 'dist', 'testing', 'index.js')).files].some((file) => file.endsWith(join('testing', 'FaultProxy.js'))), 'the walk follows imports').to.equal(true);
  });
});

describe('the optional peer @opentelemetry/api and the YAML parser', function () {
  this.timeout(30_000);

  it('are not loaded by importing pulsecheck, nor by the bundled check entries (importing them would fail here)', async () => {
    const seen = await importInChild(['pulsecheck', 'pulsecheck/postgres', 'pulsecheck/redis', 'pulsecheck/rabbitmq'], { blockDrivers: true });
    expect(seen.exports.pulsecheck).to.include.members(['HealthService', 'OpenMetricsSerializer']);
    expect(seen.exports.pulsecheck).to.not.include('registerHealthMetrics');
  });

  it('@opentelemetry/api is what pulsecheck/opentelemetry needs, and only it (so the blocked runs above are meaningful)', async () => {
    const unblocked = await importInChild(['pulsecheck/opentelemetry'], { blockDrivers: false });
    expect(unblocked.exports['pulsecheck/opentelemetry']).to.deep.equal(['HEALTH_METRIC_NAMES', 'registerHealthMetrics']);
    const failure = await run(process.execPath, ['--import', blocker, '--input-type=module', '--eval', "await import('pulsecheck/opentelemetry')"], { cwd: root, timeout: 20_000 }).then(
      () => 'imported',
      (error: unknown) => (error as { stderr?: string }).stderr ?? '',
    );
    expect(failure).to.include("Cannot find package '@opentelemetry/api'");
  });

  it('the CLI runs checks without yaml, and verify-probes says clearly when yaml is missing', async () => {
    const bin = 'dist/cli/pulsecheck.js';
    const module = 'build/spec/cli/fixtures/manifests/health.js';
    const checks = await run(process.execPath, ['--import', blocker, bin, '--module', module, '--probe', 'liveness'], { cwd: root, timeout: 20_000 });
    expect(checks.stdout).to.include('EventLoop');
    const verify = await run(process.execPath, ['--import', blocker, bin, 'verify-probes', 'spec/cli/fixtures/manifests/good.yaml', '--module', module], { cwd: root, timeout: 20_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => ({ code: (error as { code?: number }).code, stderr: (error as { stderr?: string }).stderr ?? '' }),
    );
    expect(verify.code).to.equal(2);
    expect(verify.stderr).to.include("pulsecheck: verify-probes needs the 'yaml' package, a dependency of pulsecheck");
  });
});

describe('the optional peers @grpc/grpc-js and @grpc/proto-loader', function () {
  this.timeout(30_000);

  it('are not loaded by importing pulsecheck, nor the other entry points (importing them would fail here)', async () => {
    const seen = await importInChild(['pulsecheck', 'pulsecheck/postgres', 'pulsecheck/redis', 'pulsecheck/rabbitmq', 'pulsecheck/testing', 'pulsecheck/nest'], { blockDrivers: true });
    expect(seen.drivers, 'gRPC files in the module cache').to.deep.equal([]);
    const unblocked = await importInChild(['pulsecheck'], { blockDrivers: false });
    expect(unblocked.drivers, 'not loaded even when installed').to.deep.equal([]);
  });

  it('are what pulsecheck/grpc needs (so the blocked run above is meaningful), and it ships the protocol as code', async () => {
    const unblocked = await importInChild(['pulsecheck/grpc'], { blockDrivers: false });
    expect(unblocked.exports['pulsecheck/grpc']).to.deep.equal(['GRPC_HEALTH_SERVICES', 'GrpcHealthCheck', 'addGrpcHealthService']);
    expect(unblocked.drivers.some((file) => file.includes(`${sep}@grpc${sep}grpc-js${sep}`))).to.equal(true);
    const failure = await run(process.execPath, ['--import', blocker, '--input-type=module', '--eval', "await import('pulsecheck/grpc')"], { cwd: root, timeout: 20_000 }).then(
      () => 'imported',
      (error: unknown) => (error as { stderr?: string }).stderr ?? '',
    );
    expect(failure).to.include("Cannot find package '@grpc/");
    expect(importGraph(join(root, 'dist', 'grpc', 'index.js')).files.has(join(root, 'dist', 'grpc', 'healthProto.js')), 'the descriptor is a module of dist').to.equal(true);
  });
});
