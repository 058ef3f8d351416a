/**
 * A TCP proxy in front of a real service that can stop forwarding (the
 * service "hangs" on an established connection: bytes are held, nothing is
 * lost), resume, or cut every connection (the network drops). It counts the
 * client connections open through it.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

export class StallingProxy {
  readonly #server: Server;
  readonly #pairs = new Set<Pair>();
  #stalled = false;

  private constructor(server: Server, target: { host: string; port: number }) {
    this.#server = server;
    server.on('connection', (client) => {
      const upstream = connect(target);
      const pair: Pair = { client, upstream, held: { toUpstream: [], toClient: [] } };
      this.#pairs.add(pair);
      const forward = (from: Socket, to: Socket, held: Buffer[]): void => {
        from.on('data', (chunk: Buffer) => {
          if (this.#stalled) held.push(chunk);
          else to.write(chunk);
        });
      };
      forward(client, upstream, pair.held.toUpstream);
      forward(upstream, client, pair.held.toClient);
      const teardown = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', teardown);
      upstream.on('error', teardown);
      client.on('close', () => {
        this.#pairs.delete(pair);
        upstream.destroy();
      });
      upstream.on('close', () => {
        client.destroy();
      });
    });
  }

  /** Starts a proxy on a free loopback port, forwarding to `target`. */
  static async start(target: { host: string; port: number }): Promise<StallingProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new StallingProxy(server, target);
  }

  /** The port it listens on. */
  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('StallingProxy: not listening');
    return address.port;
  }

  /** Client connections currently open through it. */
  get openConnections(): number {
    return this.#pairs.size;
  }

  /** Stops forwarding in both directions; what arrives is held. */
  stall(): void {
    this.#stalled = true;
  }

  /** Forwards what was held, then everything again. */
  resume(): void {
    this.#stalled = false;
    for (const { client, upstream, held } of this.#pairs) {
      for (const chunk of held.toUpstream.splice(0)) upstream.write(chunk);
      for (const chunk of held.toClient.splice(0)) client.write(chunk);
    }
  }

  /** Destroys every connection through it (both sides see a reset). */
  cut(): void {
    for (const { client, upstream } of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
  }

  /** Resolves once no connection is open through it, or rejects after `timeoutMs`. */
  async waitUntilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#pairs.size > 0) {
      if (performance.now() > deadline) throw new Error(`StallingProxy: ${this.#pairs.size} connection(s) still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Cuts every connection and stops listening. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }
}
