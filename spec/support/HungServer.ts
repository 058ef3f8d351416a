/**
 * A TCP server that accepts connections and never answers: the worst kind of
 * dependency, a server that neither refuses nor replies. It counts the
 * connections open to it, so a spec can prove a client let go of its socket.
 */
import { createServer, type Server, type Socket } from 'node:net';

export class HungServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #accepted = 0;

  private constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.#accepted += 1;
      this.#sockets.add(socket);
      socket.resume(); // read and drop what the client sends: a paused socket would never notice the client closing
      socket.on('error', () => {
        // a client resetting its connection is what the specs expect
      });
      socket.on('close', () => {
        this.#sockets.delete(socket);
      });
    });
  }

  /** Starts a hung server on a free loopback port. */
  static async start(): Promise<HungServer> {
    const server = createServer({ allowHalfOpen: false });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new HungServer(server);
  }

  /** The port it listens on. */
  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('HungServer: not listening');
    return address.port;
  }

  /** Connections currently open to it. */
  get openConnections(): number {
    return this.#sockets.size;
  }

  /** Connections it has accepted since it started. */
  get acceptedConnections(): number {
    return this.#accepted;
  }

  /** Resolves once no connection is open to it, or rejects after `timeoutMs`. */
  async waitUntilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#sockets.size > 0) {
      if (performance.now() > deadline) throw new Error(`HungServer: ${this.#sockets.size} connection(s) still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Destroys every open connection and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }
}
