import { credentials as grpcCredentials, status as grpcStatus, type ChannelCredentials, type ChannelOptions, type Client, type ServiceError } from '@grpc/grpc-js';
import { injectable, unmanaged } from 'inversify';
import { describeKind } from '../checks/shared/describeKind.js';
import { elapsedMs } from '../checks/shared/elapsedMs.js';
import { abortReason } from '../checks/shared/untilAborted.js';
import type { CheckContext } from '../core/CheckContext.js';
import type { CheckTraits } from '../core/CheckTraits.js';
import { HealthCheck } from '../core/HealthCheck.js';
import { ServiceReturnedUnexpectedResult } from '../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../errors/ServiceUnavailable.js';
import type { GrpcHealthCheckOptions } from './GrpcHealthCheckOptions.js';
import { healthClientConstructor, type HealthCheckRequest, type HealthCheckResponse } from './healthProto.js';

type HealthClient = Client & {
  Check(request: HealthCheckRequest, callback: (error: ServiceError | null, response?: HealthCheckResponse) => void): { cancel(): void };
};

/**
 * Checks a downstream gRPC service through its `grpc.health.v1.Health/Check`
 * method (the gRPC Health Checking Protocol): passes when it answers
 * `SERVING` for the configured service name, and observes the round trip as
 * `latencyMs` (ms). Each execution opens its own channel and closes it when
 * the call ends (nothing is left open between executions); the call is
 * cancelled when the check's signal aborts (its timeout).
 *
 * | the server | the result |
 * | --- | --- |
 * | refuses the connection, or any other transport failure | `unavailable: gRPC health check of <target> failed: UNAVAILABLE: ...` |
 * | accepts and never answers | `timeout` (the call is cancelled) |
 * | answers `NOT_SERVING` (or `UNKNOWN`) | `unavailable: <target> answered NOT_SERVING for service "<name>"` |
 * | does not know the name (`NOT_FOUND`, or `SERVICE_UNKNOWN`) | `unexpected result: <target> does not know service "<name>" ...` |
 * | has no health service (`UNIMPLEMENTED`) | `unexpected result: <target> does not implement the gRPC health protocol ...` |
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass whose constructor passes the options to `super`.
 *
 * @example
 * ```ts
 * import { credentials } from '@grpc/grpc-js';
 * import { registerHealthCheck } from 'pulsecheck';
 * import { GrpcHealthCheck } from 'pulsecheck/grpc';
 *
 * @registerHealthCheck({ timeoutMs: 500, tags: ['ready'] })
 * class PaymentsGrpcHealthCheck extends GrpcHealthCheck {
 *   constructor() {
 *     super({ target: 'payments.internal:443', service: 'payments.v1.Payments', credentials: credentials.createSsl() });
 *   }
 * }
 * ```
 */
@injectable()
export class GrpcHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #target: string;
  readonly #service: string;
  readonly #credentials: ChannelCredentials;
  readonly #channelOptions: ChannelOptions;

  /**
   * @param options - The target, the service name and the credentials.
   * @throws TypeError when `target` is not a non-empty string, `service` not
   *   a string, or `credentials` / `channelOptions` not objects.
   */
  constructor(@unmanaged() options: GrpcHealthCheckOptions) {
    super();
    const owner = new.target.name;
    const given = options as Partial<GrpcHealthCheckOptions> | null | undefined;
    if (typeof given !== 'object' || given === null) throw new TypeError(`${owner}: options must be an object with a target, got ${describeKind(options)}`);
    if (typeof given.target !== 'string' || given.target.trim() === '') throw new TypeError(`${owner}: target must be a non-empty string ('host:port'), got ${describeKind(given.target)}`);
    if (given.service !== undefined && typeof given.service !== 'string') throw new TypeError(`${owner}: service must be a string, got ${describeKind(given.service)}`);
    if (given.credentials !== undefined && (typeof given.credentials !== 'object' || given.credentials === null)) {
      throw new TypeError(`${owner}: credentials must be ChannelCredentials (credentials.createSsl() or createInsecure()), got ${describeKind(given.credentials)}`);
    }
    if (given.channelOptions !== undefined && (typeof given.channelOptions !== 'object' || given.channelOptions === null)) {
      throw new TypeError(`${owner}: channelOptions must be an object, got ${describeKind(given.channelOptions)}`);
    }
    this.#target = given.target;
    this.#service = given.service ?? '';
    this.#credentials = given.credentials ?? grpcCredentials.createInsecure();
    // A channel of its own subchannels: closing it closes its connection (the global pool would keep it).
    this.#channelOptions = { ...given.channelOptions, 'grpc.use_local_subchannel_pool': 1 };
  }

  /**
   * Calls `Check` once; see the class description.
   *
   * @param context - The check's signal (it cancels the call) and recorders.
   * @throws ServiceUnavailable when the call fails or the answer is not `SERVING`.
   * @throws ServiceReturnedUnexpectedResult when the server does not know the
   *   service name or does not implement the protocol.
   */
  async check(context: CheckContext): Promise<void> {
    const { signal } = context;
    if (signal.aborted) throw abortReason(signal);
    const Health = healthClientConstructor();
    const client = new Health(this.#target, this.#credentials, this.#channelOptions) as unknown as HealthClient;
    const startedAt = performance.now();
    let response: HealthCheckResponse;
    try {
      response = await new Promise<HealthCheckResponse>((resolve, reject) => {
        const call = client.Check({ service: this.#service }, (error, answer) => {
          signal.removeEventListener('abort', onAbort);
          if (error !== null) reject(error);
          else if (answer === undefined) reject(new Error('no response'));
          else resolve(answer);
        });
        const onAbort = (): void => {
          call.cancel();
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw this.#describe(error);
    } finally {
      client.close();
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

  #describe(error: unknown): Error {
    const code = (error as Partial<ServiceError> | null)?.code;
    const details = (error as Partial<ServiceError> | null)?.details;
    const reason = typeof details === 'string' && details !== '' ? `: ${details.slice(0, 300)}` : '';
    const name = JSON.stringify(this.#service);
    if (code === grpcStatus.NOT_FOUND) {
      return new ServiceReturnedUnexpectedResult(`${this.#target} does not know service ${name} (NOT_FOUND${reason})`, { cause: error });
    }
    if (code === grpcStatus.UNIMPLEMENTED) {
      return new ServiceReturnedUnexpectedResult(`${this.#target} does not implement the gRPC health protocol (grpc.health.v1.Health/Check: UNIMPLEMENTED)`, { cause: error });
    }
    const statusName = typeof code === 'number' ? (grpcStatus[code] ?? `code ${code}`) : 'error';
    return new ServiceUnavailable(`gRPC health check of ${this.#target} failed: ${statusName}${reason}`, { cause: error });
  }
}
