import { expect } from 'chai';
import { createServer, type Server, type Socket } from 'node:net';
import { HealthService, TcpHealthCheck, type TcpHealthCheckOptions } from 'pulsecheck';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { tallyOutputs } from '../../support/tallyOutputs.js';

/** A loopback server that runs `onConnection` for each client and counts the sockets still open. */
class ScriptedServer {
  readonly sockets = new Set<Socket>();
  private constructor(readonly server: Server) {}

  static async start(onConnection: (socket: Socket) => void): Promise<ScriptedServer> {
    const server = createServer();
    const scripted = new ScriptedServer(server);
    server.on('connection', (socket) => {
      scripted.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => scripted.sockets.delete(socket));
      onConnection(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return scripted;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return address.port;
  }

  async waitUntilIdle(timeoutMs = 1000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.sockets.size > 0) {
      if (performance.now() > deadline) throw new Error(`${this.sockets.size} socket(s) still open`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => { resolve(); }));
  }
}

describe('TcpHealthCheck', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function server(onConnection: (socket: Socket) => void): Promise<ScriptedServer> {
    const started = await ScriptedServer.start(onConnection);
    closers.push(() => started.close());
    return started;
  }

  function tcp(options: TcpHealthCheckOptions): TcpHealthCheck {
    return new TcpHealthCheck(options);
  }

  describe('check', () => {
    it('reports working once the connection is established, observes connectMs, and closes its socket', async () => {
      const listening = await server(() => undefined);
      const result = await runCheck(tcp({ host: '127.0.0.1', port: listening.port }));
      expect(result.output).to.equal('working');
      expect(result.observations.connectMs?.unit).to.equal('ms');
      expect(result.observations.bannerBytes, 'no banner asked for').to.equal(undefined);
      await listening.waitUntilIdle();
    });

    it('reads the banner until the expected text, also when it arrives split across packets', async () => {
      const smtp = await server((socket) => {
        socket.write('22');
        setTimeout(() => socket.write('0 mail.example ESMTP ready\r\n'), 20);
      });
      const result = await runCheck(tcp({ host: '127.0.0.1', port: smtp.port, expect: '220 ' }));
      expect(result.output).to.equal('working');
      expect(result.observations.bannerBytes, 'both packets').to.deep.equal({ value: 30, unit: 'bytes' });
      expect(result.observations.bannerMs?.unit).to.equal('ms');
      await smtp.waitUntilIdle();
    });

    it('waits for expectBytes bytes whatever they are', async () => {
      const binary = await server((socket) => {
        socket.write(Buffer.from([0, 1, 2]));
        setTimeout(() => socket.write(Buffer.from([3, 4, 5, 6])), 10);
      });
      const result = await runCheck(tcp({ host: '127.0.0.1', port: binary.port, expectBytes: 5 }));
      expect(result.output).to.equal('working');
      expect(result.observations.bannerBytes?.value).to.be.at.least(5);
    });

    it('reports a refused port as unavailable at once', async () => {
      const port = await closedPort();
      const result = await runCheck(tcp({ host: '127.0.0.1', port }));
      expect(result.output).to.equal(`unavailable: TCP connection to 127.0.0.1:${port} failed: connect ECONNREFUSED 127.0.0.1:${port}`);
      expect(result.durationMs).to.be.below(500);
    });

    it('reports a DNS failure readably', async () => {
      const result = await runCheck(tcp({ host: 'no-such-host.invalid', port: 25 }), 3000);
      expect(result.output).to.match(/^unavailable: TCP connection to no-such-host\.invalid:25 failed: DNS lookup of no-such-host\.invalid failed \(E[A-Z_]+\)$/);
    });

    it('times out on a server that accepts and never sends its banner, and destroys the socket at the deadline', async () => {
      const hung = await HungServer.start();
      closers.push(() => hung.close());
      const result = await runCheck(tcp({ host: '127.0.0.1', port: hung.port, expect: '220 ' }), 100);
      expect(kinds(result)).to.deep.equal(['timeout']);
      expect(result.observations.connectMs?.unit, 'it did connect').to.equal('ms');
      await hung.waitUntilIdle(200);
      expect(hung.acceptedConnections).to.equal(1);
    });

    it('reports a server that closes before the banner as an unexpected result, with what it sent', async () => {
      const rude = await server((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n'));
      const result = await runCheck(tcp({ host: '127.0.0.1', port: rude.port, expect: '220 ' }));
      expect(result.output).to.equal(
        `unexpected result: TCP 127.0.0.1:${rude.port} closed the connection after 26 bytes, before sending "220 " (it began "HTTP/1.1 400 Bad Request..")`,
      );
      const silent = await server((socket) => socket.end());
      expect((await runCheck(tcp({ host: '127.0.0.1', port: silent.port, expectBytes: 1 }))).output).to.equal(
        `unexpected result: TCP 127.0.0.1:${silent.port} closed the connection after 0 bytes, before sending 1 bytes`,
      );
    });

    it('stops reading at maxBannerBytes: a server that floods without the text fails, and its socket goes', async () => {
      const flood = await server((socket) => {
        const chunk = Buffer.alloc(1024, 'x');
        const write = (): void => {
          while (!socket.destroyed && socket.write(chunk));
          if (!socket.destroyed) socket.once('drain', write);
        };
        write();
      });
      const result = await runCheck(tcp({ host: '127.0.0.1', port: flood.port, expect: 'SSH-', maxBannerBytes: 2048 }));
      expect(result.output).to.equal(`unexpected result: TCP 127.0.0.1:${flood.port} sent 2048 bytes without "SSH-" (it began "${'x'.repeat(60)}…")`);
      await flood.waitUntilIdle();
    });

    it('matches in linear time: a 64 KiB near-miss banner is searched in milliseconds', async () => {
      const pattern = `${'a'.repeat(1000)}b`;
      const nearMiss = await server((socket) => socket.write(Buffer.alloc(65_536, 'a')));
      const started = performance.now();
      const result = await runCheck(tcp({ host: '127.0.0.1', port: nearMiss.port, expect: pattern, maxBannerBytes: 65_536 }));
      expect(result.output, 'a long expectation is shortened in the message').to.equal(
        `unexpected result: TCP 127.0.0.1:${nearMiss.port} sent 65536 bytes without "${'a'.repeat(59)}…" (it began "${'a'.repeat(60)}…")`,
      );
      expect(performance.now() - started).to.be.below(500);
    });

    it('leaves no socket, timer or listener behind over 300 runs, answered, refused and timed out', async () => {
      const banner = await server((socket) => socket.write('220 ok\r\n'));
      const hung = await HungServer.start();
      closers.push(() => hung.close());
      const port = await closedPort();
      const before = activeResources();
      class Answered extends TcpHealthCheck {}
      class Refused extends TcpHealthCheck {}
      class Hung extends TcpHealthCheck {}
      const checks = [
        new Answered({ host: '127.0.0.1', port: banner.port, expect: '220' }),
        new Refused({ host: '127.0.0.1', port }),
        new Hung({ host: '127.0.0.1', port: hung.port, expectBytes: 1 }),
      ];
      const service = new HealthService(checks, { defaultTimeoutMs: 50 });
      const seen = new Map<string, number>();
      for (let run = 0; run < 100; run += 1) {
        for (const result of (await service.run()).checks) seen.set(kinds(result).join() || 'working', (seen.get(kinds(result).join() || 'working') ?? 0) + 1);
      }
      expect(Object.fromEntries(seen)).to.deep.equal({ working: 100, unavailable: 100, timeout: 100 });
      expect(await settleResources(before), 'extra handles').to.deep.equal({});
      await banner.waitUntilIdle();
      await hung.waitUntilIdle(500);
      expect(await tallyOutputs(new HealthService([checks[0]!], { defaultTimeoutMs: 1000 }), 3)).to.deep.equal([['working', 3]]);
    });
  });

  describe('constructor', () => {
    it('rejects bad options with a message naming the option and the class', () => {
      class Relay extends TcpHealthCheck {}
      const cases: [unknown, RegExp][] = [
        [undefined, /^Relay: options must be an object, got undefined \(undefined\)$/],
        [{ host: '', port: 25 }, /^Relay: host must be a non-empty string, got ''$/],
        [{ host: 'x', port: 0 }, /^Relay: port must be a whole number from 1 to 65535, got 0$/],
        [{ host: 'x', port: 25.5 }, /^Relay: port must be a whole number from 1 to 65535/],
        [{ host: 'x', port: 25, expect: '' }, /^Relay: expect must be a non-empty string \(the banner text\), got ''$/],
        [{ host: 'x', port: 25, maxBannerBytes: 65_537 }, /^Relay: maxBannerBytes must be a whole number from 1 to 65536/],
        [{ host: 'x', port: 25, expectBytes: 10, maxBannerBytes: 5 }, /^Relay: expectBytes must be a whole number from 1 to 5/],
        [{ host: 'x', port: 25, expect: 'abcdef', maxBannerBytes: 5 }, /^Relay: expect \(6 bytes\) must fit in maxBannerBytes \(5\)$/],
        [{ host: 'x', port: 25, banner: 'x' }, /^Relay: unknown option 'banner'/],
      ];
      for (const [options, message] of cases) {
        expect(() => new Relay(options as TcpHealthCheckOptions), JSON.stringify(options)).to.throw(message);
      }
    });

    it('is a component and an external dependency', () => {
      expect(TcpHealthCheck.traits).to.deep.equal({ componentType: 'component', externalDependency: true });
    });
  });
});
