/**
 * `pulsecheck/grpc`: the gRPC Health Checking Protocol (`grpc.health.v1.Health`).
 * {@link addGrpcHealthService} serves it from a `HealthService` on a
 * `@grpc/grpc-js` server (for Kubernetes `grpc:` probes, load balancers and
 * meshes); {@link GrpcHealthCheck} checks a downstream gRPC service through
 * it. `@grpc/grpc-js` and `@grpc/proto-loader` are optional peer
 * dependencies, loaded by this entry point only: importing `pulsecheck` never
 * loads them.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export { addGrpcHealthService } from './addGrpcHealthService.js';
export { GRPC_HEALTH_SERVICES } from './GRPC_HEALTH_SERVICES.js';
export { GrpcHealthCheck } from './GrpcHealthCheck.js';
export type { GrpcHealthCheckOptions } from './GrpcHealthCheckOptions.js';
export type { GrpcHealthServiceHandle } from './GrpcHealthServiceHandle.js';
export type { GrpcHealthServiceOptions } from './GrpcHealthServiceOptions.js';
