import { status as grpcStatus } from '@grpc/grpc-js';
import { connect, constants, type ClientHttp2Session, type IncomingHttpHeaders, type SecureClientSessionOptions } from 'node:http2';
import { injectable, unmanaged } from 'inversify';
import { elapsedMs } from '../checks/shared/elapsedMs.js';
import { abortReason } from '../checks/shared/untilAborted.js';
import type { CheckContext } from '../core/CheckContext.js';
import type { CheckTraits } from '../core/CheckTraits.js';
import { describeThrown } from '../core/describeThrown.js';
import { HealthCheck } from '../core/HealthCheck.js';
import { ServiceReturnedUnexpectedResult } from '../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../errors/ServiceUnavailable.js';
import type { OptionRule } from '../options/OptionRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import type { GrpcHealthCheckOptions } from './GrpcHealthCheckOptions.js';
import { healthServiceDefinition, type HealthCheckResponse } from './healthProto.js';

const CHECK_PATH = '/grpc.health.v1.Health/Check';
/** The largest response read (a HealthCheckResponse is 2 bytes; anything longer is not one). */
const MAX_RESPONSE_BYTES = 4096;

/** A gRPC status the server answered with. */
class GrpcStatusError extends Error {
  constructor(
    readonly code: grpcStatus,
    readonly details: string,
  ) {
    super(details);
  }
}

/** `host:port` (or `dns:///host:port`) as a URL's host, or `undefined` when `target` is not one. */
function parseTarget(target: string): URL | undefined {
  const hostPort = target.startsWith('dns:///') ? target.slice('dns:///'.length) : target;
  const parsed = URL.canParse(`http://${hostPort}`) ? new URL(`http://${hostPort}`) : undefined;
  return parsed === undefined || parsed.port === '' || parsed.host !== hostPort.toLowerCase() ? undefined : parsed;
}

const targetRule: OptionRule<string> = Object.freeze({
  expected: "'host:port' (or 'dns:///host:port')",
  required: true,
  check(value: unknown, option: string, where: string): void {
    optionRules.nonEmptyString.check(value, option, where);
    if (parseTarget(value as string) === undefined) {
      throw new TypeError(`${where}: ${option} must be 'host:port' (or 'dns:///host:port'), got ${JSON.stringify((value as string).slice(0, 200))}`);
    }
  },
});

/** The schema of {@link GrpcHealthCheckOptions}. */
const GRPC_HEALTH_CHECK_SCHEMA = {
  target: targetRule,
  service: optionRules.string,
  tls: optionRules.custom(
    'a boolean or TLS options ({ ca, cert, key, servername })',
    (value): value is NonNullable<GrpcHealthCheckOptions['tls']> => typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
  ),
} as const satisfies OptionSchema<GrpcHealthCheckOptions>;

/**
 * Checks a downstream gRPC service through its `grpc.health.v1.Health/Check`
 * method (the gRPC Health Checking Protocol): passes when it answers
 * `SERVING` for the configured service name, and observes the round trip as
 * `latencyMs` (ms).
 *
 * Each execution opens its own HTTP/2 connection (plaintext, or TLS with
 * `tls`), makes the one call, and destroys the connection however the call
 * ends: nothing stays open between executions, and a connection to a server
 * that never answers is torn down at the check's timeout (its signal),
 * even mid-handshake. Messages are encoded with the protocol's own
 * descriptor, the one {@link addGrpcHealthService} serves.
 *
 * | the server | the result |
 * | --- | --- |
 * | refuses the connection, resets it, or fails TLS | `unavailable: gRPC health check of <target> failed: UNAVAILABLE: ...` |
 * | accepts and never answers | `timeout` (the connection is destroyed) |
 * | answers `NOT_SERVING` (or `UNKNOWN`) | `unavailable: <target> answered NOT_SERVING for service "<name>"` |
 * | does not know the name (`NOT_FOUND`, or `SERVICE_UNKNOWN`) | `unexpected result: <target> does not know service "<name>" ...` |
 * | has no health service (`UNIMPLEMENTED`) | `unexpected result: <target> does not implement the gRPC health protocol ...` |
 * | answers another gRPC status | `unavailable: gRPC health check of <target> failed: <STATUS>: <message>` |
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass whose constructor passes the options to `super`.
 *
 * @example
 * ```ts
 * import { registerHealthCheck } from 'pulsecheck';
 * import { GrpcHealthCheck } from 'pulsecheck/grpc';
 *
 * @registerHealthCheck({ timeoutMs: 500, tags: ['ready'] })
 * class PaymentsGrpcHealthCheck extends GrpcHealthCheck {
 *   constructor() {
 *     super({ target: 'payments.internal:443', service: 'payments.v1.Payments', tls: true });
 *   }
 * }
 * ```
 */
@injectable()
export class GrpcHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #target: string;
  readonly #authority: string;
  readonly #service: string;
  readonly #tls: SecureClientSessionOptions | undefined;

  /**
   * @param options - The target, the service name and TLS.
   * @throws TypeError when `options` is not an object or has an unknown key,
   *   `target` is not a `host:port` string, `service` not a string, or `tls`
   *   neither a boolean nor an object.
   */
  constructor(@unmanaged() options: GrpcHealthCheckOptions) {
    super();
    const { target, service, tls } = validateOptions(GRPC_HEALTH_CHECK_SCHEMA, options, new.target.name);
    const parsed = parseTarget(target) as URL;
    this.#target = target;
    this.#service = service ?? '';
    this.#tls = tls === true ? {} : tls === false || tls === undefined ? undefined : { ...tls };
    this.#authority = `${this.#tls === undefined ? 'http' : 'https'}://${parsed.host}`;
  }

  /**
   * Calls `Check` once; see the class description.
   *
   * @param context - The check's signal (it destroys the connection) and recorders.
   * @throws ServiceUnavailable when the call fails or the answer is not `SERVING`.
   * @throws ServiceReturnedUnexpectedResult when the server does not know the
   *   service name or does not implement the protocol.
   */
  async check(context: CheckContext): Promise<void> {
    const { signal } = context;
    if (signal.aborted) throw abortReason(signal);
    const startedAt = performance.now();
    const session = this.#tls === undefined ? connect(this.#authority) : connect(this.#authority, this.#tls);
    let response: HealthCheckResponse;
    try {
      response = await this.#call(session, signal);
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw this.#describe(error);
    } finally {
      session.destroy();
    }
    context.observe('latencyMs', elapsedMs(startedAt), 'ms');
    const name = JSON.stringify(this.#service);
    switch (response.status) {
      case 'SERVING':
        return;
      case 'SERVICE_UNKNOWN':
        throw new ServiceReturnedUnexpectedResult(`${this.#target} does not know service ${name} (it answered SERVICE_UNKNOWN)`);
      default:
        throw new ServiceUnavailable(`${this.#target} answered ${String(response.status)} for service ${name}`);
    }
  }

  /** One unary call on `session`: resolves with the response, rejects with a GrpcStatusError or the transport's error. */
  #call(session: ClientHttp2Session, signal: AbortSignal): Promise<HealthCheckResponse> {
    const method = healthServiceDefinition().Check;
    if (method === undefined) throw new Error('the health descriptor has no Check method');
    return new Promise<HealthCheckResponse>((resolve, reject) => {
      const onAbort = (): void => {
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => {
        signal.removeEventListener('abort', onAbort);
      };
      session.on('error', (error: Error) => {
        settle();
        reject(error);
      });
      const stream = session.request({
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: CHECK_PATH,
        [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
        te: 'trailers',
      });
      let headers: IncomingHttpHeaders = {};
      let trailers: IncomingHttpHeaders | undefined;
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on('response', (given: IncomingHttpHeaders) => {
        headers = given;
      });
      stream.on('trailers', (given: IncomingHttpHeaders) => {
        trailers = given;
      });
      stream.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > MAX_RESPONSE_BYTES) stream.close(constants.NGHTTP2_CANCEL);
        else chunks.push(chunk);
      });
      stream.on('error', (error: Error) => {
        settle();
        reject(error);
      });
      stream.on('close', () => {
        settle();
        try {
          resolve(decode(headers, trailers, Buffer.concat(chunks), received, stream.rstCode, method.responseDeserialize as (data: Buffer) => HealthCheckResponse));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(describeThrown(error)));
        }
      });
      const message = method.requestSerialize({ service: this.#service });
      const frame = Buffer.alloc(5 + message.byteLength);
      frame.writeUInt32BE(message.byteLength, 1);
      message.copy(frame, 5);
      stream.end(frame);
    });
  }

  #describe(error: unknown): Error {
    const name = JSON.stringify(this.#service);
    if (error instanceof GrpcStatusError) {
      const reason = error.details === '' ? '' : `: ${error.details.slice(0, 300)}`;
      if (error.code === grpcStatus.NOT_FOUND) return new ServiceReturnedUnexpectedResult(`${this.#target} does not know service ${name} (NOT_FOUND${reason})`, { cause: error });
      if (error.code === grpcStatus.UNIMPLEMENTED) {
        return new ServiceReturnedUnexpectedResult(`${this.#target} does not implement the gRPC health protocol (grpc.health.v1.Health/Check: UNIMPLEMENTED)`, { cause: error });
      }
      return new ServiceUnavailable(`gRPC health check of ${this.#target} failed: ${grpcStatus[error.code] ?? `status ${error.code}`}${reason}`, { cause: error });
    }
    return new ServiceUnavailable(`gRPC health check of ${this.#target} failed: UNAVAILABLE: ${describeThrown(error)}`, { cause: error });
  }
}

/** The response of a finished call, or the gRPC status it ended with (thrown). */
function decode(
  headers: IncomingHttpHeaders,
  trailers: IncomingHttpHeaders | undefined,
  body: Buffer,
  received: number,
  rstCode: number | undefined,
  deserialize: (data: Buffer) => HealthCheckResponse,
): HealthCheckResponse {
  const httpStatus = headers[constants.HTTP2_HEADER_STATUS];
  const statusHeader = trailers?.['grpc-status'] ?? headers['grpc-status'];
  if (statusHeader === undefined) {
    if (rstCode !== undefined && rstCode !== constants.NGHTTP2_NO_ERROR) throw new GrpcStatusError(grpcStatus.UNAVAILABLE, `the stream was reset (HTTP/2 error code ${rstCode})`);
    if (httpStatus !== undefined && Number(httpStatus) !== 200) throw new GrpcStatusError(grpcStatus.UNAVAILABLE, `HTTP status ${String(httpStatus)}, not a gRPC server`);
    throw new GrpcStatusError(grpcStatus.UNAVAILABLE, 'the call ended without a gRPC status');
  }
  const code = Number(statusHeader);
  if (code !== 0) {
    const message = String(trailers?.['grpc-message'] ?? headers['grpc-message'] ?? '');
    throw new GrpcStatusError(toStatus(code), safeDecode(message));
  }
  if (received > MAX_RESPONSE_BYTES) throw new GrpcStatusError(grpcStatus.UNKNOWN, `the response is longer than ${MAX_RESPONSE_BYTES} bytes`);
  if (body.byteLength < 5 || body[0] !== 0) throw new GrpcStatusError(grpcStatus.UNKNOWN, body.byteLength < 5 ? 'the response has no message' : 'the response is compressed');
  const length = body.readUInt32BE(1);
  if (body.byteLength < 5 + length) throw new GrpcStatusError(grpcStatus.UNKNOWN, 'the response message is cut short');
  return deserialize(body.subarray(5, 5 + length));
}

const statuses = Object.values(grpcStatus).filter((value): value is grpcStatus => typeof value === 'number');

/** A gRPC status code as grpc-js's enum (UNKNOWN for a number outside it). */
function toStatus(code: number): grpcStatus {
  return statuses.find((status) => Number(status) === code) ?? grpcStatus.UNKNOWN;
}

function safeDecode(message: string): string {
  try {
    return decodeURIComponent(message);
  } catch {
    return message;
  }
}
