import { connect, createServer, type Server, type Socket } from 'node:net';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import { FAULTS, type Fault } from './Fault.js';

/**
 * Where a {@link FaultProxy} forwards to, and how it misbehaves.
 *
 * @example
 * ```ts
 * import type { FaultProxyOptions } from 'pulsecheck/testing';
 *
 * const options: FaultProxyOptions = { target: { host: '127.0.0.1', port: 6379 }, delayMs: 1000 };
 * ```
 */
export interface FaultProxyOptions {
  /** The real service. */
  readonly target: {
    /** The host name or address to connect to. */
    readonly host: string;
    /** The TCP port to connect to. */
    readonly port: number;
  };
  /**
   * The fault to start with.
   * @defaultValue {@link FAULT_PROXY_DEFAULTS}`.fault`
   */
  readonly fault?: Fault;
  /**
   * How late `slow` forwards each chunk, in ms.
   * @defaultValue {@link FAULT_PROXY_DEFAULTS}`.delayMs`
   */
  readonly delayMs?: number;
  /**
   * How many bytes of a response `stall` lets through before it stops.
   * @defaultValue {@link FAULT_PROXY_DEFAULTS}`.stallAfterBytes`
   */
  readonly stallAfterBytes?: number;
}

/** One direction of one connection: a queue of chunks, released as the fault allows. */
class Pipe {
  readonly #queue: { chunk: Buffer; dueAt: number }[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** Bytes still allowed through under `stall` (only for responses). */
  budget = Number.POSITIVE_INFINITY;
  /** The source closed: end the destination once what is queued is through. */
  ending = false;

  constructor(
    readonly proxy: FaultProxy,
    readonly to: Socket,
    readonly isResponse: boolean,
  ) {}

  push(chunk: Buffer): void {
    const delay = this.proxy.fault === 'slow' ? this.proxy.delayMs : 0;
    this.#queue.push({ chunk, dueAt: performance.now() + delay });
    this.pump();
  }

  pump(): void {
    const fault = this.proxy.fault;
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (this.#queue.length > 0 && !this.to.destroyed) {
      if (fault === 'hang') return;
      const head = this.#queue[0];
      if (head === undefined) return;
      const wait = head.dueAt - performance.now();
      if (wait > 0) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      if (fault === 'stall' && this.isResponse) {
        if (this.budget <= 0) return;
        if (head.chunk.byteLength > this.budget) {
          const allowed = this.budget;
          this.to.write(head.chunk.subarray(0, allowed));
          head.chunk = head.chunk.subarray(allowed);
          this.budget = 0;
          return;
        }
        this.budget -= head.chunk.byteLength;
      }
      this.#queue.shift();
      this.to.write(head.chunk);
    }
    if (this.ending && this.#queue.length === 0) this.to.end();
  }

  /** The source closed: ends the destination now, or once the held data is through. */
  end(): void {
    this.ending = true;
    this.pump();
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queue.length = 0;
  }
}

interface Connection {
  readonly client: Socket;
  readonly upstream: Socket | undefined;
  readonly pipes: Pipe[];
}

/**
 * A real TCP proxy in front of a dependency, for testing how a check (and
 * the client it uses) behaves when the dependency misbehaves: point the
 * client at the proxy's port, then switch {@link Fault}s. It listens on
 * loopback, on a free port, and counts the connections open through it, so
 * a test can prove a client let go of its sockets.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { FaultProxy } from 'pulsecheck/testing';
 *
 * const proxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: 6379 } });
 * const redis = new Redis({ host: '127.0.0.1', port: proxy.port });
 * await proxy.setFault('hang'); // Redis now accepts and never answers
 * console.log(proxy.openConnections);
 * redis.disconnect();
 * await proxy.close();
 * ```
 */
export class FaultProxy {
  readonly #server: Server;
  readonly #connections = new Set<Connection>();
  readonly #target: { readonly host: string; readonly port: number };
  #fault: Fault = 'pass';
  #port = 0;
  #accepted = 0;
  #closed = false;
  /** How late `slow` forwards each chunk, in ms. */
  readonly delayMs: number;
  /** How many bytes of a response `stall` lets through. */
  readonly stallAfterBytes: number;

  private constructor(options: FaultProxyOptions) {
    this.#target = options.target;
    this.delayMs = options.delayMs ?? FAULT_PROXY_SCHEMA.delayMs.defaultValue;
    this.stallAfterBytes = options.stallAfterBytes ?? FAULT_PROXY_SCHEMA.stallAfterBytes.defaultValue;
    this.#server = createServer((client) => {
      this.#accept(client);
    });
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param options - The target and the first fault.
   * @returns The proxy, listening unless the first fault is `refuse`.
   * @throws TypeError when the target or an option is malformed or unknown;
   *   RangeError for a `delayMs` that is negative or more than a timer can
   *   hold (2,147,483,647 ms), or a `stallAfterBytes` that is not a whole number.
   */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const valid = validateOptions(FAULT_PROXY_SCHEMA, options, 'FaultProxy.start');
    const proxy = new FaultProxy(valid);
    await proxy.#listen(0);
    await proxy.setFault(valid.fault ?? FAULT_PROXY_SCHEMA.fault.defaultValue);
    return proxy;
  }

  /** The loopback address it listens on. */
  get host(): string {
    return '127.0.0.1';
  }

  /** The port it listens on (kept while it refuses). */
  get port(): number {
    return this.#port;
  }

  /** The fault in force. */
  get fault(): Fault {
    return this.#fault;
  }

  /** Client connections currently open through it. */
  get openConnections(): number {
    return this.#connections.size;
  }

  /** Client connections it has accepted since it started. */
  get acceptedConnections(): number {
    return this.#accepted;
  }

  /**
   * Switches to another fault; see {@link Fault} for what each does to open
   * and new connections.
   *
   * @param fault - The new fault.
   * @throws TypeError when `fault` is not one of {@link FAULTS}.
   */
  async setFault(fault: Fault): Promise<void> {
    if (!FAULTS.includes(fault)) throw new TypeError(`FaultProxy: fault must be one of ${FAULTS.join(', ')}, got ${String(fault)}`);
    if (this.#closed) throw new Error('FaultProxy: closed');
    const previous = this.#fault;
    this.#fault = fault;
    if (fault === 'refuse') {
      if (previous !== 'refuse' && this.#server.listening) {
        const closing = new Promise<void>((resolve) => this.#server.close(() => { resolve(); }));
        this.#cutAll(false);
        await closing;
      }
      return;
    }
    if (previous === 'refuse' || !this.#server.listening) await this.#listen(this.#port);
    if (fault === 'reset') {
      this.#cutAll(true);
      return;
    }
    for (const connection of this.#connections) {
      for (const pipe of connection.pipes) {
        if (fault === 'stall' && pipe.isResponse) pipe.budget = this.stallAfterBytes;
        else if (fault !== 'stall') pipe.budget = Number.POSITIVE_INFINITY;
        pipe.pump();
      }
    }
  }

  /**
   * Resolves once no connection is open through it.
   *
   * @param timeoutMs - How long to wait.
   * @throws Error naming how many are still open after `timeoutMs`.
   */
  async waitUntilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#connections.size > 0) {
      if (performance.now() > deadline) throw new Error(`FaultProxy: ${this.#connections.size} connection(s) still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Cuts every connection and stops listening. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cutAll(false);
    if (this.#server.listening) await new Promise<void>((resolve) => this.#server.close(() => { resolve(); }));
  }

  #accept(client: Socket): void {
    this.#accepted += 1;
    client.on('error', () => {
      // a client resetting its connection is part of the tests
    });
    if (this.#fault === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const hung = this.#fault === 'hang';
    const upstream = hung ? undefined : connect(this.#target);
    const pipes: Pipe[] = [];
    const connection: Connection = { client, upstream, pipes };
    this.#connections.add(connection);
    if (upstream === undefined) {
      client.resume(); // read and drop: a paused socket would not notice the client closing
    } else {
      upstream.on('error', () => {
        client.destroy();
      });
      const toUpstream = new Pipe(this, upstream, false);
      const toClient = new Pipe(this, client, true);
      if (this.#fault === 'stall') toClient.budget = this.stallAfterBytes;
      pipes.push(toUpstream, toClient);
      client.on('data', (chunk: Buffer) => { toUpstream.push(chunk); });
      upstream.on('data', (chunk: Buffer) => { toClient.push(chunk); });
      upstream.on('close', () => {
        // what is held (stall, hang, slow) still reaches the client, if the fault ever lets it
        toClient.end();
      });
    }
    client.on('close', () => {
      this.#connections.delete(connection);
      for (const pipe of pipes) pipe.dispose();
      upstream?.destroy();
    });
  }

  #cutAll(reset: boolean): void {
    for (const { client, upstream, pipes } of this.#connections) {
      for (const pipe of pipes) pipe.dispose();
      if (reset) client.resetAndDestroy();
      else client.destroy();
      upstream?.destroy();
    }
  }

  async #listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const address = this.#server.address();
    if (address !== null && typeof address !== 'string') this.#port = address.port;
  }
}

/** Whether `value` is an address the proxy can forward to. */
function isTarget(value: unknown): value is FaultProxyOptions['target'] {
  if (typeof value !== 'object' || value === null) return false;
  const { host, port } = value as { host?: unknown; port?: unknown };
  return typeof host === 'string' && typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * @internal The schema of {@link FaultProxyOptions}: every key, its rule and
 * its default, the one home of the defaults ({@link FAULT_PROXY_DEFAULTS}
 * is read off it).
 */
export const FAULT_PROXY_SCHEMA = {
  target: optionRules.required(optionRules.custom('{ host: string, port: integer from 1 to 65535 }', isTarget)),
  fault: optionRules.withDefault(optionRules.oneOf(FAULTS), 'pass'),
  delayMs: optionRules.withDefault(optionRules.nonNegativeMs, 1000),
  stallAfterBytes: optionRules.withDefault(optionRules.wholeNumber(0, Number.MAX_SAFE_INTEGER), 1),
} as const satisfies OptionSchema<FaultProxyOptions>;
