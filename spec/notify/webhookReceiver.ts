/**
 * A real webhook receiver on 127.0.0.1:0 for the notifier specs: records
 * every request (headers, parsed JSON body, arrival time) and answers each
 * with the next scripted reply: a status (with headers), or `'hang'` (read
 * the body, never answer, until the receiver closes).
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';

export type Reply = number | { readonly status: number; readonly headers?: Record<string, string> } | 'hang';

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly text: string;
  /** performance.now() when the whole body had arrived. */
  readonly at: number;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly #server: Server;
  readonly #script: Reply[];
  readonly #fallback: Reply;
  readonly #hung = new Set<ServerResponse>();
  readonly #waiters: { count: number; resolve: () => void }[] = [];

  private constructor(server: Server, script: Reply[], fallback: Reply) {
    this.#server = server;
    this.#script = script;
    this.#fallback = fallback;
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        this.received.push({ path: request.url ?? '', headers: request.headers, body, text, at: performance.now() });
        for (const waiter of [...this.#waiters]) {
          if (this.received.length >= waiter.count) {
            this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
        }
        const reply = this.#script.shift() ?? this.#fallback;
        if (reply === 'hang') {
          this.#hung.add(response);
          response.on('close', () => this.#hung.delete(response));
          return;
        }
        const { status, headers } = typeof reply === 'number' ? { status: reply, headers: {} } : { status: reply.status, headers: reply.headers ?? {} };
        response.writeHead(status, { 'content-type': 'text/plain', ...headers });
        response.end(status < 300 ? 'ok' : 'no');
      });
    });
  }

  /** Starts a receiver answering with `script`, then `fallback` (200) for every later request. */
  static async start(script: Reply[] = [], fallback: Reply = 200): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new WebhookReceiver(server, [...script], fallback);
  }

  /** The URL of the receiver, with `path`. */
  url(path = '/hook'): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('receiver not listening');
    return `http://127.0.0.1:${address.port}${path}`;
  }

  /** Resolves once `count` requests have arrived. */
  requests(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Closes every connection, hung ones included, and the server. */
  async close(): Promise<void> {
    for (const response of this.#hung) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => { resolve(); }));
  }
}
