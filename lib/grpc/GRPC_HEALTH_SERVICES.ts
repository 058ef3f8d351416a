import { PROBES } from '../core/Probe.js';
import type { RunOptions } from '../core/RunOptions.js';

/**
 * The service names {@link addGrpcHealthService} answers without being told,
 * with the run each one stands for: `""` (the whole service, every check, as
 * `/health`) and one per Kubernetes probe ({@link PROBES}: `"liveness"`,
 * `"readiness"`, `"startup"`, as `/health/live`, `/health/ready`,
 * `/health/startup`). `GrpcHealthServiceOptions.services` adds more.
 *
 * @example
 * ```ts
 * import { GRPC_HEALTH_SERVICES } from 'pulsecheck/grpc';
 *
 * console.log(Object.keys(GRPC_HEALTH_SERVICES)); // [ '', 'liveness', 'readiness', 'startup' ]
 * ```
 */
export const GRPC_HEALTH_SERVICES: Readonly<Record<string, RunOptions>> = Object.freeze(
  Object.fromEntries([['', Object.freeze({})], ...PROBES.map((probe) => [probe, Object.freeze({ probe })] as const)]) as Record<string, RunOptions>,
);
