import type { ChannelCredentials, ChannelOptions } from '@grpc/grpc-js';

/**
 * What a {@link GrpcHealthCheck} calls. Only `target` is required. Options
 * are validated when the check is constructed.
 *
 * @example
 * ```ts
 * import { credentials } from '@grpc/grpc-js';
 * import type { GrpcHealthCheckOptions } from 'pulsecheck/grpc';
 *
 * const options: GrpcHealthCheckOptions = {
 *   target: 'payments.internal:443',
 *   service: 'payments.v1.Payments',
 *   credentials: credentials.createSsl(),
 * };
 * ```
 */
export interface GrpcHealthCheckOptions {
  /** The gRPC target: `host:port`, `dns:///host:port`, `unix:///path`, ... */
  readonly target: string;
  /**
   * The service name asked about (`HealthCheckRequest.service`); `""` asks
   * about the server as a whole.
   * @defaultValue `''`
   */
  readonly service?: string;
  /**
   * The channel credentials: `credentials.createSsl(...)` for TLS (with a
   * CA, a client certificate for mTLS), `credentials.createInsecure()` for
   * plaintext.
   * @defaultValue `credentials.createInsecure()`
   */
  readonly credentials?: ChannelCredentials;
  /**
   * Extra channel options (`grpc.ssl_target_name_override`,
   * `grpc.default_authority`, ...). Each execution opens its own channel
   * with its own subchannels, and closes it.
   * @defaultValue none
   */
  readonly channelOptions?: ChannelOptions;
}
