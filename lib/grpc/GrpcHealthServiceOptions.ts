import type { RunOptions } from '../core/RunOptions.js';

/**
 * Options of {@link addGrpcHealthService}.
 *
 * @example
 * ```ts
 * import type { GrpcHealthServiceOptions } from 'pulsecheck/grpc';
 *
 * const options: GrpcHealthServiceOptions = {
 *   services: {
 *     'payments.v1.Payments': { tags: ['payments'] },
 *     database: { names: ['DatabaseHealthCheck'] },
 *   },
 * };
 * ```
 */
export interface GrpcHealthServiceOptions {
  /**
   * More service names, each answered from the run it maps to (tags, names,
   * a probe), beside the built-in ones ({@link GRPC_HEALTH_SERVICES}), which
   * cannot be redefined. A gRPC server usually maps the fully qualified name
   * of each of its services (`package.Service`) to the checks it needs.
   * During shutdown a mapped name answers `NOT_SERVING` unless it maps to
   * the liveness or startup probe.
   *
   * @defaultValue none
   */
  readonly services?: Readonly<Record<string, RunOptions>>;
}
