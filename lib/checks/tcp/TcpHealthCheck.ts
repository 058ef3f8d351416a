import { injectable, unmanaged } from 'inversify';
import { connect, type Socket } from 'node:net';
import type { CheckContext } from '../../core/CheckContext.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { optionDefaults } from '../../options/optionDefaults.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { ServiceReturnedUnexpectedResult } from '../../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { describeRequestError } from '../http/describeRequestError.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { abortReason } from '../shared/untilAborted.js';
import type { TcpHealthCheckOptions } from './TcpHealthCheckOptions.js';

const maxBannerLimit = 65_536;

/** The schema of {@link TcpHealthCheckOptions}; `expectBytes` and `expect` must also fit in `maxBannerBytes`. */
const TCP_HEALTH_CHECK_SCHEMA = {
  host: optionRules.required(optionRules.nonEmptyString),
  port: optionRules.required(optionRules.wholeNumber(1, 65_535)),
  expect: optionRules.custom('a non-empty string (the banner text)', (value): value is string => typeof value === 'string' && value !== ''),
  expectBytes: optionRules.wholeNumber(1, maxBannerLimit),
  maxBannerBytes: optionRules.withDefault(optionRules.wholeNumber(1, maxBannerLimit), 4096),
} as const satisfies OptionSchema<TcpHealthCheckOptions>;

const defaults = optionDefaults(TCP_HEALTH_CHECK_SCHEMA);

interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly label: string;
  readonly expect: Buffer | undefined;
  readonly expectText: string | undefined;
  readonly expectBytes: number;
  readonly maxBannerBytes: number;
}

/**
 * Checks that a TCP server accepts connections: it connects to `host:port`
 * under the check's deadline (observing `connectMs`) and, when asked, reads
 * the server's first bytes (its banner) until `expect` appears or
 * `expectBytes` have arrived (observing `bannerMs` and `bannerBytes`). It
 * loads no driver (only `node:net`), so it is in the core entry.
 *
 * The socket is destroyed however the check ends: answered, refused, closed
 * by the server, or abandoned when the check's signal aborts (a server that
 * accepts and never sends its banner times out, and its socket goes at once).
 *
 * Failures: `unavailable: TCP connection to db.internal:5432 failed: connect
 * ECONNREFUSED 10.0.0.5:5432` (refused, reset, DNS), `unexpected result: TCP
 * mail.internal:25 closed the connection after 0 bytes, before sending "220 "`
 * and `unexpected result: TCP mail.internal:25 sent 4096 bytes without "220 "
 * (it began "…")`.
 *
 * A TCP connection proves a listener, not a working service: prefer the
 * protocol's own check where pulsecheck has one (PostgreSQL, Redis, MySQL,
 * ...) and use this for the rest (an SMTP relay, an LDAP server, a legacy
 * socket service). Extend it, passing the options to `super()`.
 *
 * @example
 * ```ts
 * import { registerHealthCheck, TcpHealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ name: 'MailRelayHealthCheck', timeoutMs: 1000, tags: ['ready'] })
 * class MailRelayHealthCheck extends TcpHealthCheck {
 *   constructor() {
 *     super({ host: process.env.SMTP_HOST ?? '127.0.0.1', port: 25, expect: '220 ' });
 *   }
 * }
 * ```
 */
@injectable()
export class TcpHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #options: ResolvedOptions;

  /**
   * @param options - Where to connect and what banner to expect; see {@link TcpHealthCheckOptions}.
   * @throws TypeError when `options` is not an object, has an unknown key,
   *   `host` is not a non-empty string or `expect` is not a non-empty string.
   * @throws RangeError when `port` is not an integer from 1 to 65535,
   *   `maxBannerBytes` is not an integer from 1 to 65536, `expectBytes` is not
   *   an integer from 1 to `maxBannerBytes`, or `expect` is longer than `maxBannerBytes` bytes.
   */
  constructor(@unmanaged() options: TcpHealthCheckOptions) {
    super();
    this.#options = resolveOptions(options, new.target.name);
  }

  /**
   * Connects once (and reads the banner when asked); see the class description.
   *
   * @param context - The check's signal (it destroys the socket) and recorders.
   * @throws ServiceUnavailable when the connection fails.
   * @throws ServiceReturnedUnexpectedResult when the banner is not what is expected.
   */
  async check(context: CheckContext): Promise<void> {
    const options = this.#options;
    const { signal } = context;
    if (signal.aborted) throw abortReason(signal);
    const started = performance.now();
    const socket = connect({ host: options.host, port: options.port });
    const onAbort = (): void => {
      socket.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await connected(socket, signal, options);
      context.observe('connectMs', elapsedMs(started), 'ms');
      if (options.expect === undefined && options.expectBytes === 0) return;
      const bannerStarted = performance.now();
      const received = await readBanner(socket, signal, options);
      context.observe('bannerMs', elapsedMs(bannerStarted), 'ms');
      context.observe('bannerBytes', received, 'bytes');
    } finally {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
    }
  }
}

function connected(socket: Socket, signal: AbortSignal, options: ResolvedOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanUp = (): void => {
      socket.off('connect', onConnect);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onConnect = (): void => {
      cleanUp();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(signal.aborted ? abortReason(signal) : new ServiceUnavailable(`TCP connection to ${options.label} failed: ${describeRequestError(error, options.host)}`, { cause: error }));
    };
    const onClose = (): void => {
      cleanUp();
      reject(signal.aborted ? abortReason(signal) : new ServiceUnavailable(`TCP connection to ${options.label} failed: the socket closed before connecting`));
    };
    socket.once('connect', onConnect);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

/**
 * Reads until the banner is complete; resolves with the bytes received. The
 * substring search looks only at the bytes that could complete a match
 * (the new chunk and `expect.length - 1` bytes before it), so the work is
 * linear in what the server sends.
 */
function readBanner(socket: Socket, signal: AbortSignal, options: ResolvedOptions): Promise<number> {
  const { expect, expectBytes, maxBannerBytes } = options;
  const buffer = Buffer.alloc(maxBannerBytes);
  let received = 0;
  let found = expect === undefined;
  return new Promise<number>((resolve, reject) => {
    const cleanUp = (): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const done = (): boolean => found && received >= expectBytes;
    const onData = (chunk: Buffer): void => {
      const take = Math.min(chunk.length, maxBannerBytes - received);
      chunk.copy(buffer, received, 0, take);
      const from = Math.max(0, received - (expect?.length ?? 1) + 1);
      received += take;
      if (!found && expect !== undefined) found = buffer.subarray(from, received).includes(expect);
      if (done()) {
        cleanUp();
        resolve(received);
      } else if (received >= maxBannerBytes) {
        cleanUp();
        reject(new ServiceReturnedUnexpectedResult(`TCP ${options.label} sent ${received} bytes without ${describeWanted(options)} (it began ${describeBanner(buffer, received)})`));
      }
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(signal.aborted ? abortReason(signal) : new ServiceUnavailable(`TCP connection to ${options.label} failed while reading its banner: ${describeRequestError(error, options.host)}`, { cause: error }));
    };
    const onClose = (): void => {
      cleanUp();
      if (signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      const began = received === 0 ? '' : ` (it began ${describeBanner(buffer, received)})`;
      reject(new ServiceReturnedUnexpectedResult(`TCP ${options.label} closed the connection after ${received} bytes, before sending ${describeWanted(options)}${began}`));
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

function describeWanted(options: ResolvedOptions): string {
  if (options.expectText === undefined) return `${options.expectBytes} bytes`;
  const text = options.expectText;
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);
}

function describeBanner(buffer: Buffer, received: number): string {
  const text = buffer.toString('latin1', 0, Math.min(received, 60)).replace(/[^\x20-\x7e]/g, '.');
  return JSON.stringify(received > 60 ? `${text}…` : text);
}

/** Validates the options once, at construction, by {@link TCP_HEALTH_CHECK_SCHEMA}. */
function resolveOptions(options: TcpHealthCheckOptions, owner: string): ResolvedOptions {
  const { host, port, expect, ...given } = validateOptions(TCP_HEALTH_CHECK_SCHEMA, options, owner);
  const maxBannerBytes = given.maxBannerBytes ?? defaults.maxBannerBytes;
  if (given.expectBytes !== undefined) optionRules.wholeNumber(1, maxBannerBytes).check(given.expectBytes, 'expectBytes', owner);
  // 0: no byte count is awaited (only `expect`, if given).
  const expectBytes = given.expectBytes ?? 0;
  const expectBuffer = expect === undefined ? undefined : Buffer.from(expect, 'utf8');
  if (expectBuffer !== undefined && expectBuffer.length > maxBannerBytes) {
    throw new RangeError(`${owner}: expect (${expectBuffer.length} bytes) must fit in maxBannerBytes (${maxBannerBytes})`);
  }
  const label = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { host, port, label, expect: expectBuffer, expectText: expect, expectBytes, maxBannerBytes };
}
