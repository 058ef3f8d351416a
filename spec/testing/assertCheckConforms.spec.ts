import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { HealthCheck, HttpHealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';
import { assertCheckConforms } from 'pulsecheck/testing';

/** Resolves with the AssertionError's message, or fails when nothing is thrown. */
async function failure(run: Promise<void>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect((error as Error).name).to.equal('AssertionError');
    return (error as Error).message;
  }
  throw new Error('expected assertCheckConforms to throw');
}

/** A check that opens a socket per run and never closes it, nor listens to its signal. */
class LeakyHealthCheck extends HealthCheck {
  static readonly sockets: Socket[] = [];

  constructor(private readonly port: number) {
    super();
  }

  async check(): Promise<void> {
    const socket = connect({ host: '127.0.0.1', port: this.port });
    socket.on('error', () => undefined);
    LeakyHealthCheck.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n');
      socket.once('data', () => { resolve(); });
      socket.once('error', (error) => { reject(new ServiceUnavailable(error.message)); });
    });
  }
}

describe('assertCheckConforms', function () {
  this.timeout(30_000);
  let server: Server;
  let port: number;

  before(async () => {
    server = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    port = address.port;
  });

  after(async () => {
    for (const socket of LeakyHealthCheck.sockets.splice(0)) socket.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  });

  it('should pass a check that conforms', async () => {
    await assertCheckConforms({ target: { host: '127.0.0.1', port }, create: (endpoint) => new HttpHealthCheck({ url: `http://${endpoint.host}:${endpoint.port}/` }), timeoutMs: 200, abortedRuns: 20 });
  });

  it('should fail a check that leaves its sockets open after aborted runs', async () => {
    const message = await failure(
      assertCheckConforms({ target: { host: '127.0.0.1', port }, create: (endpoint) => new LeakyHealthCheck(endpoint.port), timeoutMs: 100, faults: ['hang'], abortedRuns: 10, settleMs: 300 }),
    );
    expect(message).to.match(/^LeakyHealthCheck under 'hang' after 10 aborted runs: still active 300 ms later: .*TCPSocketWrap.*connection\(s\) open through the proxy$/);
  });

  it('should fail a check that reports the wrong kind, naming both', async () => {
    class AlwaysTimesOut extends HealthCheck {
      check(context: CheckContext): Promise<void> {
        return new Promise((_resolve, reject) => { context.signal.addEventListener('abort', () => { reject(new Error('aborted')); }); });
      }
    }
    let healthy = true;
    class Flaky extends AlwaysTimesOut {
      override check(context: CheckContext): Promise<void> {
        return healthy ? Promise.resolve() : super.check(context);
      }
    }
    const message = await failure(
      assertCheckConforms({
        target: { host: '127.0.0.1', port },
        create: () => {
          healthy = true;
          const check = new Flaky();
          setTimeout(() => (healthy = false), 50);
          return check;
        },
        timeoutMs: 100,
        faults: ['refuse'],
      }),
    );
    expect(message).to.match(/^Flaky under 'refuse': expected 'unavailable', got 'timeout' \(timeout: did not finish within 100 ms\)$/);
  });

  it('should fail a check whose messages show a secret, without printing it', async () => {
    const message = await failure(
      assertCheckConforms({
        target: { host: '127.0.0.1', port },
        create: (endpoint) => new HttpHealthCheck({ url: `http://${endpoint.host}:${endpoint.port}/`, headers: { 'x-trace': 'zebra-42' }, expectedStatus: [200] }),
        timeoutMs: 200,
        faults: ['refuse'],
        secrets: ['127.0.0.1'],
      }),
    );
    expect(message).to.equal("HttpHealthCheck under 'refuse': secret #1 (9 characters) appears in the result's messages or observations");
  });

  it('refuses malformed options before starting anything, in the words the other owners use', async () => {
    const base = { target: { host: '127.0.0.1', port: 1 }, create: () => new HttpHealthCheck({ url: 'http://127.0.0.1:1/' }), faults: [] };
    const cases: [object, typeof TypeError | typeof RangeError, string][] = [
      [{ ...base, timeoutMs: 2 ** 31 }, RangeError, 'assertCheckConforms: timeoutMs must be at most 2147483647 ms'],
      [{ ...base, timeoutMs: '5' }, RangeError, "assertCheckConforms: timeoutMs must be a positive finite number of milliseconds, got '5'"],
      [{ ...base, timeoutMs: 50, settleMs: -1 }, RangeError, 'assertCheckConforms: settleMs must be a non-negative finite number of milliseconds, got -1'],
      [{ ...base, timeoutMs: 50, passTimeoutMs: 0 }, RangeError, 'assertCheckConforms: passTimeoutMs must be a positive finite number of milliseconds, got 0'],
      [{ ...base, timeoutMs: 50, timout: 5 }, TypeError, "assertCheckConforms: unknown option 'timout'"],
    ];
    for (const [options, kind, message] of cases) {
      let thrown: unknown;
      try {
        await assertCheckConforms(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, message).to.be.instanceOf(kind).with.property('message').that.includes(message);
    }
  });
});
