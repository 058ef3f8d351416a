import { expect } from 'chai';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { FaultProxy } from 'pulsecheck/testing';

/** An echo server: answers each chunk with the same bytes. */
async function echoServer(): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

/** Connects, sends `text`, and resolves with what came back within `ms`, or the error code. */
async function exchange(port: number, text: string, ms: number): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket: Socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(`received '${received}' then nothing`);
    }, ms);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received === text) {
        clearTimeout(timer);
        socket.destroy();
        resolve(`echoed '${received}'`);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
    socket.write(text);
  });
}

describe('FaultProxy', function () {
  this.timeout(10_000);
  let server: Server;
  let proxy: FaultProxy;

  beforeEach(async () => {
    server = await echoServer();
    proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: portOf(server) }, delayMs: 300 });
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  });

  it('should pass traffic through', async () => {
    expect(await exchange(proxy.port, 'hello', 1000)).to.equal("echoed 'hello'");
  });

  it('should refuse connections on the same port, and accept them again after', async () => {
    const port = proxy.port;
    await proxy.setFault('refuse');
    expect(await exchange(port, 'hello', 1000)).to.equal('ECONNREFUSED');
    await proxy.setFault('pass');
    expect(proxy.port).to.equal(port);
    expect(await exchange(port, 'hello', 1000)).to.equal("echoed 'hello'");
  });

  it('should accept and never answer under hang', async () => {
    await proxy.setFault('hang');
    expect(await exchange(proxy.port, 'hello', 200)).to.equal("received '' then nothing");
  });

  it('should stop a response mid-way under stall', async () => {
    await proxy.setFault('stall');
    expect(await exchange(proxy.port, 'hello', 300)).to.equal("received 'h' then nothing");
  });

  it('should forward late under slow', async () => {
    await proxy.setFault('slow');
    expect(await exchange(proxy.port, 'hello', 100)).to.equal("received '' then nothing");
    expect(await exchange(proxy.port, 'hello', 2000)).to.equal("echoed 'hello'");
  });

  it('should reset connections under reset', async () => {
    await proxy.setFault('reset');
    expect(await exchange(proxy.port, 'hello', 1000)).to.equal('ECONNRESET');
  });

  it('should count the connections open through it', async () => {
    await proxy.setFault('hang');
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.openConnections).to.equal(1);
    socket.destroy();
    await proxy.waitUntilIdle(1000);
    expect(proxy.acceptedConnections).to.equal(1);
  });
});

describe('FaultProxy.start(options)', () => {
  const target = { host: '127.0.0.1', port: 6379 };

  it('should refuse a delayMs no timer can hold, naming FaultProxy.start and the limit', async () => {
    let proxy: FaultProxy | undefined;
    const failure = await FaultProxy.start({ target, delayMs: 3e9 }).then(
      (started) => {
        proxy = started;
        return undefined;
      },
      (error: unknown) => error,
    );
    await proxy?.close();
    expect(failure).to.be.instanceOf(RangeError);
    expect((failure as Error).message).to.equal(
      'FaultProxy.start: delayMs must be at most 2147483647 ms (about 24.8 days, the longest delay a timer can hold), got 3000000000',
    );
  });

  it('should refuse an unknown option (a typo), naming it and the known ones', async () => {
    const failure = await FaultProxy.start({ target, delay: 5 } as never).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(TypeError);
    expect((failure as Error).message).to.equal("FaultProxy.start: unknown option 'delay' (expected one of: target, fault, delayMs, stallAfterBytes)");
  });

  it('should refuse a malformed option with the words every other pulsecheck function uses', async () => {
    const cases: [unknown, typeof TypeError | typeof RangeError, string][] = [
      [null, TypeError, 'FaultProxy.start: options must be an object, got null'],
      [{}, TypeError, 'FaultProxy.start: target must be { host: string, port: integer from 1 to 65535 }, got undefined (undefined)'],
      [{ target: { host: 'x', port: 0 } }, TypeError, 'FaultProxy.start: target must be { host: string, port: integer from 1 to 65535 }, got an object'],
      [{ target, delayMs: -1 }, RangeError, 'FaultProxy.start: delayMs must be a non-negative finite number of milliseconds, got -1'],
      [{ target, stallAfterBytes: 1.5 }, RangeError, 'FaultProxy.start: stallAfterBytes must be a whole number from 0 to 9007199254740991, got 1.5'],
      [{ target, fault: 'broken' }, TypeError, "FaultProxy.start: fault must be one of 'pass', "],
    ];
    for (const [options, type, message] of cases) {
      const failure = await FaultProxy.start(options as never).catch((error: unknown) => error);
      expect(failure, JSON.stringify(options)).to.be.instanceOf(type);
      expect((failure as Error).message, JSON.stringify(options)).to.include(message);
    }
  });
});
