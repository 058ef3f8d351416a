import { HealthCheck, HealthService } from 'pulsecheck';
import { GrpcHealthCheck } from 'pulsecheck/grpc';
import { assertCheckConforms } from 'pulsecheck/testing';
import { startHealthServer, type HealthServer } from '../../grpc/fixtures.js';
import { conformance } from './budget.js';

class Healthy extends HealthCheck {
  check(): void {
    // always passes
  }
}

describe('GrpcHealthCheck, through assertCheckConforms', function () {
  this.timeout(60_000);
  let served: HealthServer;

  before(async () => {
    served = await startHealthServer(new HealthService([new Healthy()]));
  });

  after(async () => {
    await served.close();
  });

  it('should conform under every fault', async () => {
    await assertCheckConforms({
      ...conformance,
      target: { host: '127.0.0.1', port: served.port },
      create: ({ host, port }) => new GrpcHealthCheck({ target: `${host}:${port}`, service: 'readiness' }),
    });
  });
});
