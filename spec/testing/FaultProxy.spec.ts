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
