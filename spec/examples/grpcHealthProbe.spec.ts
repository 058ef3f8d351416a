/**
 * The example service's gRPC health, probed by grpc-go's own health client
 * (google.golang.org/grpc/health/grpc_health_v1): the client Kubernetes
 * `grpc:` probes use. The ten-line client is built once per run, offline, in
 * GOPATH mode against the Go sources Debian's golang-google-grpc-dev installs
 * (`.ci/run` installs them). Without Go the suite is skipped with a loud
 * message, except on CI (`CI=true`), where it must run.
 */
import { expect } from 'chai';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FaultProxy } from 'pulsecheck/testing';
import { closedPort } from '../support/closedPort.js';
import { requireService, serviceUrl } from '../support/services.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../../examples/service/main.js', import.meta.url));
const repository = fileURLToPath(new URL('../../../', import.meta.url));
/** Where Debian's golang-google-grpc-dev puts the Go sources (PULSECHECK_GOPATH overrides it). */
const debianGopath = process.env.PULSECHECK_GOPATH ?? '/usr/share/gocode';

/** The client: `healthclient ADDRESS check NAME` or `healthclient ADDRESS watch NAME COUNT`, one status (or error) per line. */
const clientSource = `package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	hv1 "google.golang.org/grpc/health/grpc_health_v1"
)

func main() {
	conn, err := grpc.Dial(os.Args[1], grpc.WithInsecure())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(2)
	}
	defer conn.Close()
	client := hv1.NewHealthClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if os.Args[2] == "check" {
		response, err := client.Check(ctx, &hv1.HealthCheckRequest{Service: os.Args[3]})
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(response.GetStatus())
		return
	}
	stream, err := client.Watch(ctx, &hv1.HealthCheckRequest{Service: os.Args[3]})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var count int
	fmt.Sscan(os.Args[4], &count)
	for i := 0; i < count; i++ {
		response, err := stream.Recv()
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(response.GetStatus())
	}
}
`;

/** Why grpc-go's client cannot be built here, or undefined when it can. */
async function missingGo(): Promise<string | undefined> {
  try {
    await run('go', ['version'], { timeout: 20_000 });
  } catch {
    return '`go` is not installed (apt-get install golang-go golang-google-grpc-dev)';
  }
  if (!existsSync(join(debianGopath, 'src', 'google.golang.org', 'grpc', 'health', 'grpc_health_v1'))) {
    return `grpc-go's sources are not in ${debianGopath} (apt-get install golang-google-grpc-dev, or set PULSECHECK_GOPATH)`;
  }
  return undefined;
}

interface Example {
  readonly child: ChildProcess;
  readonly grpcAddress: string;
  output(): string;
}

async function startExample(env: Record<string, string>): Promise<Example> {
  const port = await closedPort();
  const child = spawn(process.execPath, [main], {
    cwd: repository,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), GRPC_PORT: '0', DRAIN_MS: '0', PULSECHECK_BUILT: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const serving = /serving grpc\.health\.v1\.Health on (127\.0\.0\.1:\d+)/.exec(output);
    if (serving?.[1] !== undefined) return { child, grpcAddress: serving[1], output: () => output };
    if (child.exitCode !== null) throw new Error(`example exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`example did not serve gRPC:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(example: Example | undefined): Promise<void> {
  if (example === undefined || example.child.exitCode !== null) return;
  const exited = new Promise((resolve) => example.child.once('exit', resolve));
  example.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (example.child.exitCode === null) example.child.kill('SIGKILL');
}

describe("the example service's gRPC health, probed by grpc-go's health client (what Kubernetes runs)", function () {
  this.timeout(60_000);
  let workdir: string | undefined;
  let client: string;
  let example: Example | undefined;

  before(async function () {
    this.timeout(300_000); // the first offline build of grpc-go takes a minute on a busy machine
    const missing = await missingGo();
    if (missing !== undefined) {
      if (process.env.CI === 'true') throw new Error(`${missing}; CI=true and .ci/run installs Go, so this suite must run`);
      console.warn(`\n  !!!!! SKIPPED: the grpc-go health client specs: ${missing} !!!!!\n`);
      this.skip();
    }
    workdir = await mkdtemp(join(tmpdir(), 'pulsecheck-go-'));
    const source = join(workdir, 'src', 'healthclient');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'main.go'), clientSource);
    client = join(workdir, 'healthclient');
    await run('go', ['build', '-o', client, '.'], {
      cwd: source,
      timeout: 280_000,
      env: { ...process.env, GOPATH: `${workdir}:${debianGopath}`, GO111MODULE: 'off', GOFLAGS: '', GOPROXY: 'off' },
    });
  });

  afterEach(async () => {
    await stop(example);
    example = undefined;
  });

  after(async () => {
    if (workdir !== undefined) await rm(workdir, { recursive: true, force: true });
  });

  async function go(...args: string[]): Promise<string[]> {
    const { stdout } = await run(client, args, { timeout: 30_000 });
    return stdout.trim().split('\n');
  }

  it('Check answers "" and readiness from the dependencies, liveness from the process, and NotFound for an unknown name', async () => {
    const [pg, redis, amqp] = await Promise.all([closedPort(), closedPort(), closedPort()]);
    example = await startExample({
      PULSECHECK_PG_URL: `postgres://app:pg-secret@127.0.0.1:${pg}/app`,
      PULSECHECK_REDIS_URL: `redis://127.0.0.1:${redis}`,
      PULSECHECK_AMQP_URL: `amqp://guest:amqp-secret@127.0.0.1:${amqp}`,
    });
    const address = example.grpcAddress;
    expect(await go(address, 'check', '')).to.deep.equal(['NOT_SERVING']);
    expect(await go(address, 'check', 'readiness')).to.deep.equal(['NOT_SERVING']);
    expect(await go(address, 'check', 'liveness')).to.deep.equal(['SERVING']);
    const [unknown] = await go(address, 'check', 'orders.v1.Orders');
    expect(unknown).to.match(/^error: rpc error: code = NotFound desc = unknown service name "orders\.v1\.Orders"/);
  });

  describe('with the dependencies up', () => {
    before(async function () {
      await requireService(this, 'postgres');
      await requireService(this, 'redis');
      await requireService(this, 'rabbitmq');
    });

    it('Watch streams SERVING, then NOT_SERVING while Redis is cut through a TCP proxy, then SERVING once restored', async () => {
      const redis = new URL(serviceUrl('redis'));
      const proxy = await FaultProxy.start({ target: { host: redis.hostname, port: Number(redis.port === '' ? 6379 : redis.port) } });
      try {
        const proxied = new URL(redis.href);
        proxied.hostname = proxy.host;
        proxied.port = String(proxy.port);
        example = await startExample({
          PULSECHECK_PG_URL: serviceUrl('postgres'),
          PULSECHECK_REDIS_URL: proxied.href,
          PULSECHECK_AMQP_URL: serviceUrl('rabbitmq'),
          BACKGROUND_MS: '200',
        });
        const address = example.grpcAddress;
        const deadline = Date.now() + 15_000;
        while ((await go(address, 'check', ''))[0] !== 'SERVING') {
          if (Date.now() > deadline) throw new Error(`the example never served:\n${example.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const watching = go(address, 'watch', '', '3');
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // the first status is written
        await proxy.setFault('refuse');
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await proxy.setFault('pass');
        expect(await watching, example.output()).to.deep.equal(['SERVING', 'NOT_SERVING', 'SERVING']);
      } finally {
        await stop(example);
        await proxy.close();
      }
    });
  });
});
