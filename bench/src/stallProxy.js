// A local TCP server in front of a real one that can stall: while stalled it accepts connections and
// reads what clients send but never answers (a hung dependency); on resume, every held connection is
// connected to the real server and its buffered bytes delivered, as when a frozen server wakes up.
import net from 'node:net';

export class StallProxy {
  #server = net.createServer((socket) => {
    this.#accept(socket);
  });
  #upstream;
  #stalled = false;
  #held = new Set();
  #open = new Set();
  #pairs = new Set();
  accepted = 0;

  /** @param upstream - `{ host, port }` of the real server (loopback) */
  constructor(upstream) {
    this.#upstream = upstream;
  }

  /** Listens on 127.0.0.1, on a free port. */
  async listen() {
    await new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', resolve);
    });
    return this.port;
  }

  get port() {
    return this.#server.address().port;
  }

  /** Client connections currently open to the proxy. */
  get openConnections() {
    return this.#open.size;
  }

  /** From now on nothing is answered: new connections are held, and connections already open are frozen both ways. */
  stall() {
    this.#stalled = true;
    for (const pair of this.#pairs) {
      pair.socket.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.socket);
      pair.socket.pause();
      pair.upstream.pause();
    }
  }

  /** Every frozen or held connection starts flowing again (held ones reach the real server now). */
  resume() {
    this.#stalled = false;
    for (const pair of this.#pairs) {
      pair.socket.pipe(pair.upstream);
      pair.upstream.pipe(pair.socket);
    }
    for (const held of this.#held) this.#forward(held.socket, held.chunks);
    this.#held.clear();
  }

  async close() {
    for (const socket of this.#open) socket.destroy();
    for (const pair of this.#pairs) pair.upstream.destroy();
    this.#held.clear();
    await new Promise((resolve) => {
      this.#server.close(() => resolve());
    });
  }

  #accept(socket) {
    this.accepted += 1;
    this.#open.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#open.delete(socket);
    });
    if (!this.#stalled) {
      this.#forward(socket, []);
      return;
    }
    const held = { socket, chunks: [] };
    const onData = (chunk) => held.chunks.push(chunk);
    held.onData = onData;
    socket.on('data', onData);
    socket.on('close', () => this.#held.delete(held));
    this.#held.add(held);
  }

  #forward(socket, chunks) {
    if (socket.destroyed) return;
    socket.removeAllListeners('data');
    const upstream = net.connect(this.#upstream);
    const pair = { socket, upstream };
    this.#pairs.add(pair);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => {
      upstream.destroy();
      this.#pairs.delete(pair);
    });
    upstream.on('close', () => socket.destroy());
    for (const chunk of chunks) upstream.write(chunk);
    socket.pipe(upstream);
    upstream.pipe(socket);
  }
}
