import { expect } from 'chai';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { HealthCheck, HealthService, ServiceUnavailable, type CheckResult } from 'pulsecheck';
import { GrpcHealthCheck, type GrpcHealthCheckOptions } from 'pulsecheck/grpc';
import { activeResourcesAfterATurn, settleResources } from '../support/activeResources.js';
import { closedPort } from '../support/closedPort.js';
import { HungServer } from '../support/HungServer.js';
import { kinds, runCheck } from '../support/runCheck.js';
import { selfSignedCertificate } from '../checks/http/fixtures.js';
import { bind, healthServiceFromProto, startHealthServer, type HealthServer } from './fixtures.js';

const timeoutMs = 300;

class Healthy extends HealthCheck {
  check(): void {
    // always passes
  }
}

class Down extends HealthCheck {
  check(): void {
    throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.7:5432');
  }
}

/** A server whose Check answers `status` for every name. */
async function answering(status: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new Server();
  server.addService(healthServiceFromProto, {
    Check: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<{ status: string }>) => {
      callback(null, { status });
    },
  });
  const port = await bind(server);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      }),
  };
}

function check(options: GrpcHealthCheckOptions): GrpcHealthCheck {
  return new GrpcHealthCheck(options);
}

describe('GrpcHealthCheck', function () {
  this.timeout(20_000);
  const closers: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function healthServer(...checks: HealthCheck[]): Promise<HealthServer> {
    const served = await startHealthServer(new HealthService(checks));
    closers.push(() => served.close());
    return served;
  }

  it('should declare itself a component that reaches an external dependency', () => {
    expect(GrpcHealthCheck.traits).to.deep.equal({ componentType: 'component', externalDependency: true });
  });

  describe('having malformed options', () => {
    it('should name the class and the problem', () => {
      expect(() => check(undefined as unknown as GrpcHealthCheckOptions)).to.throw(TypeError, 'GrpcHealthCheck: options must be an object, got undefined (undefined)');
      expect(() => check({ target: '127.0.0.1:1', servce: 'x' } as never)).to.throw(TypeError, "GrpcHealthCheck: unknown option 'servce' (expected one of: target, service, tls)");
      expect(() => check({ target: '' })).to.throw(TypeError, "GrpcHealthCheck: target must be a non-empty string, got ''");
      expect(() => check({ target: '127.0.0.1:1', service: 7 as unknown as string })).to.throw(TypeError, 'GrpcHealthCheck: service must be a string');
      expect(() => check({ target: '127.0.0.1:1', tls: 'yes' as never })).to.throw(TypeError, 'GrpcHealthCheck: tls must be a boolean or TLS options');
      expect(() => check({ target: 'payments.internal' })).to.throw(TypeError, `GrpcHealthCheck: target must be 'host:port' (or 'dns:///host:port'), got "payments.internal"`);
      expect(() => check({ target: 'http://payments.internal:80' })).to.throw(TypeError, 'GrpcHealthCheck: target must be');
      expect(check({ target: 'dns:///payments.internal:50051' })).to.be.instanceOf(GrpcHealthCheck);
      expect(check({ target: '[::1]:50051' })).to.be.instanceOf(GrpcHealthCheck);
      class PaymentsGrpc extends GrpcHealthCheck {}
      expect(() => new PaymentsGrpc({ target: 7 } as never)).to.throw(TypeError, 'PaymentsGrpc: target must be');
    });
  });

  it('should pass when the server answers SERVING, and observe the latency', async () => {
    const served = await healthServer(new Healthy());
    const result = await runCheck(check({ target: `127.0.0.1:${served.port}` }), timeoutMs * 3);
    expect(result.status, result.output).to.equal('pass');
    expect(result.observations.latencyMs?.unit).to.equal('ms');
  });

  it('should ask about the configured service name', async () => {
    const served = await healthServer(new Healthy(), new Down());
    expect((await runCheck(check({ target: `127.0.0.1:${served.port}`, service: 'liveness' }), 1_000)).status).to.equal('pass');
    const result = await runCheck(check({ target: `127.0.0.1:${served.port}`, service: 'readiness' }), 1_000);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.equal(`unavailable: 127.0.0.1:${served.port} answered NOT_SERVING for service "readiness"`);
  });

  it('should report a refused connection as unavailable, with the gRPC status', async () => {
    const port = await closedPort();
    const result = await runCheck(check({ target: `127.0.0.1:${port}` }), 2_000);
    expect(kinds(result)).to.deep.equal(['unavailable']);
    expect(result.output).to.match(new RegExp(`^unavailable: gRPC health check of 127\\.0\\.0\\.1:${port} failed: UNAVAILABLE: .*ECONNREFUSED`));
  });

  it('should time out against a server that accepts and never answers, and let go of its connection', async () => {
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const startedAt = performance.now();
    const result = await runCheck(check({ target: `127.0.0.1:${hung.port}` }), timeoutMs);
    expect(kinds(result)).to.deep.equal(['timeout']);
    expect(performance.now() - startedAt).to.be.below(timeoutMs + 250);
    expect(hung.acceptedConnections).to.be.at.least(1);
    await hung.waitUntilIdle(2_000);
  });

  it('should report an unknown service name (NOT_FOUND) as an unexpected result', async () => {
    const served = await healthServer(new Healthy());
    const result = await runCheck(check({ target: `127.0.0.1:${served.port}`, service: 'orders.v1.Orders' }), 1_000);
    expect(kinds(result)).to.deep.equal(['unexpected result']);
    expect(result.output).to.include(`127.0.0.1:${served.port} does not know service "orders.v1.Orders" (NOT_FOUND: unknown service name "orders.v1.Orders"`);
  });

  it('should report SERVICE_UNKNOWN as an unexpected result, and UNKNOWN as unavailable', async () => {
    const unknownService = await answering('SERVICE_UNKNOWN');
    closers.push(unknownService.close);
    let result = await runCheck(check({ target: `127.0.0.1:${unknownService.port}`, service: 'x' }), 1_000);
    expect(result.output).to.equal(`unexpected result: 127.0.0.1:${unknownService.port} does not know service "x" (it answered SERVICE_UNKNOWN)`);
    const unknown = await answering('UNKNOWN');
    closers.push(unknown.close);
    result = await runCheck(check({ target: `127.0.0.1:${unknown.port}` }), 1_000);
    expect(result.output).to.equal(`unavailable: 127.0.0.1:${unknown.port} answered UNKNOWN for service ""`);
  });

  it('should report a server without the health service (UNIMPLEMENTED) as an unexpected result', async () => {
    const server = new Server();
    const port = await bind(server);
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.tryShutdown(() => {
            resolve();
          });
        }),
    );
    const result = await runCheck(check({ target: `127.0.0.1:${port}` }), 1_000);
    expect(kinds(result)).to.deep.equal(['unexpected result']);
    expect(result.output).to.equal(`unexpected result: 127.0.0.1:${port} does not implement the gRPC health protocol (grpc.health.v1.Health/Check: UNIMPLEMENTED)`);
  });

  describe('over TLS', () => {
    it('should pass with credentials that trust the server, and fail clearly with insecure ones', async () => {
      const { key, cert } = selfSignedCertificate();
      const service = new HealthService([new Healthy()]);
      const server = new Server();
      const { addGrpcHealthService } = await import('pulsecheck/grpc');
      const handle = addGrpcHealthService(server, service);
      const port = await bind(server, ServerCredentials.createSsl(null, [{ private_key: Buffer.from(key), cert_chain: Buffer.from(cert) }]));
      closers.push(async () => {
        handle.close();
        await new Promise<void>((resolve) => {
          server.tryShutdown(() => {
            resolve();
          });
        });
      });
      const trusted = await runCheck(check({ target: `127.0.0.1:${port}`, tls: { ca: cert } }), 2_000);
      expect(trusted.status, trusted.output).to.equal('pass');
      const untrusted = await runCheck(check({ target: `127.0.0.1:${port}`, tls: true }), 2_000);
      expect(kinds(untrusted), untrusted.output).to.deep.equal(['unavailable']);
      const plaintext = await runCheck(check({ target: `127.0.0.1:${port}` }), 2_000);
      expect(kinds(plaintext), plaintext.output).to.deep.equal(['unavailable']);
    });
  });

  it('should leave no channel, socket or timer behind, however it ends', async () => {
    const served = await healthServer(new Healthy());
    const hung = await HungServer.start();
    closers.push(() => hung.close());
    const refused = await closedPort();
    const before = await activeResourcesAfterATurn();
    const results: CheckResult[] = [];
    for (let round = 0; round < 3; round += 1) {
      results.push(await runCheck(check({ target: `127.0.0.1:${served.port}` }), 1_000));
      results.push(await runCheck(check({ target: `127.0.0.1:${served.port}`, service: 'nope' }), 1_000));
      results.push(await runCheck(check({ target: `127.0.0.1:${refused}` }), 1_000));
      results.push(await runCheck(check({ target: `127.0.0.1:${hung.port}` }), 100));
    }
    expect(results.map((result) => result.status)).to.deep.equal(Array(3).fill(['pass', 'fail', 'fail', 'fail']).flat());
    await hung.waitUntilIdle(2_000);
    expect(await settleResources(before, 3_000)).to.deep.equal({});
  });
});
