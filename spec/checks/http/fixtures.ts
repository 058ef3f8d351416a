/**
 * Real local HTTP(S) servers for the HttpHealthCheck specs, on loopback and
 * ephemeral ports, counting the connections open to them; and a throwaway
 * self-signed certificate made with openssl at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A listening server, its base URL and its open connections. */
export class TestServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly requests: IncomingMessage[] = [];

  constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('secureConnection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('tlsClientError', () => undefined); // a client refusing the certificate is what the spec expects
    server.on('request', (request: IncomingMessage) => this.requests.push(request));
  }

  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('TestServer: not listening');
    return address.port;
  }

  /** `http://127.0.0.1:<port><path>` (or https). */
  url(path = '/', protocol = 'http'): string {
    return `${protocol}://127.0.0.1:${this.port}${path}`;
  }

  get openConnections(): number {
    return this.#sockets.size;
  }

  async waitUntilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#sockets.size > 0) {
      if (performance.now() > deadline) throw new Error(`TestServer: ${this.#sockets.size} connection(s) still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }
}

async function listen(server: Server): Promise<TestServer> {
  const wrapped = new TestServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return wrapped;
}

/** An HTTP server on a free loopback port. */
export function startServer(handler: Handler): Promise<TestServer> {
  return listen(createServer(handler));
}

/** An HTTPS server with the given key and certificate. */
export function startHttpsServer(tls: { key: string; cert: string }, handler: Handler): Promise<TestServer> {
  return listen(createHttpsServer(tls, handler));
}

/** A self-signed certificate for 127.0.0.1, made by openssl now; a throwaway. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pulsecheck-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore', timeout: 20_000 },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
