/**
 * What {@link addGrpcHealthService} returns: the health service it added,
 * to shut down with the server.
 *
 * @example
 * ```ts
 * import { Server } from '@grpc/grpc-js';
 * import type { HealthService } from 'pulsecheck';
 * import { addGrpcHealthService } from 'pulsecheck/grpc';
 *
 * declare const health: HealthService;
 * const server = new Server();
 * const grpcHealth = addGrpcHealthService(server, health);
 * process.once('SIGTERM', () => {
 *   grpcHealth.beginShutdown(); // readiness and "" now answer NOT_SERVING, and every Watch hears it
 *   setTimeout(() => {
 *     grpcHealth.close(); // ends the Watch streams, so that tryShutdown can finish
 *     server.tryShutdown(() => {});
 *   }, 5_000);
 * });
 * ```
 */
export interface GrpcHealthServiceHandle {
  /**
   * Calls {@link pulsecheck!HealthService.beginShutdown | HealthService.beginShutdown} and tells every `Watch` stream
   * at once: readiness, `""` and the mapped names answer `NOT_SERVING` from
   * now on; liveness and startup keep answering from their checks. (Calling
   * `beginShutdown()` on the service directly has the same effect on
   * `Check`; `Watch` streams then hear of it at the next `Check` or status change.)
   */
  beginShutdown(): void;
  /**
   * Ends every `Watch` stream (with status OK, as the server does when it
   * shuts down) and stops listening to the service's status changes. `Check`
   * keeps answering; a `Watch` opened afterwards ends at once. Call it before
   * `server.tryShutdown()`, which waits for open streams. Idempotent.
   */
  close(): void;
  /** The number of open `Watch` streams (all of them share one status-change subscription). */
  readonly watchers: number;
}
