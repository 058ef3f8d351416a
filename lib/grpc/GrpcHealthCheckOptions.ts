import type { ConnectionOptions } from 'node:tls';

/**
 * What a {@link GrpcHealthCheck} calls. Only `target` is required. Options
 * are validated when the check is constructed.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import type { GrpcHealthCheckOptions } from 'pulsecheck/grpc';
 *
 * const options: GrpcHealthCheckOptions = {
 *   target: 'payments.internal:443',
 *   service: 'payments.v1.Payments',
 *   tls: { ca: readFileSync('/etc/ssl/internal-ca.pem') },
 * };
 * ```
 */
export interface GrpcHealthCheckOptions {
  /** The server, as `host:port` (`dns:///host:port` is accepted too; `[::1]:50051` for IPv6). */
  readonly target: string;
  /**
   * The service name asked about (`HealthCheckRequest.service`); `""` asks
   * about the server as a whole.
   * @defaultValue `''`
   */
  readonly service?: string;
  /**
   * TLS: `true` to verify the server against the system's CAs, or Node's
   * TLS options (`ca`, `cert` and `key` for mTLS, `servername`,
   * `rejectUnauthorized`); `false` for plaintext HTTP/2 (h2c, what
   * `credentials.createInsecure()` speaks).
   * @defaultValue `false`
   */
  readonly tls?: boolean | ConnectionOptions;
}
