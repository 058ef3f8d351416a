import type { Server, UntypedServiceImplementation } from '@grpc/grpc-js';
import { HealthService } from '../core/HealthService.js';
import { isProbe } from '../core/Probe.js';
import type { RunOptions } from '../core/RunOptions.js';
import { describeValue } from '../options/describeValue.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import { GRPC_HEALTH_SERVICES } from './GRPC_HEALTH_SERVICES.js';
import { GrpcHealthHub, type ServiceEntry } from './GrpcHealthHub.js';
import type { GrpcHealthServiceHandle } from './GrpcHealthServiceHandle.js';
import type { GrpcHealthServiceOptions } from './GrpcHealthServiceOptions.js';
import { healthServiceDefinition } from './healthProto.js';
import { runBudget } from './runBudget.js';

const OWNER = 'addGrpcHealthService';
/** The schema of {@link GrpcHealthServiceOptions}: each mapped service's run options are then checked by `run()`'s rule. */
const GRPC_HEALTH_SERVICE_SCHEMA = {
  services: optionRules.custom(
    'an object of run options by service name',
    (value): value is NonNullable<GrpcHealthServiceOptions['services']> => typeof value === 'object' && value !== null && !Array.isArray(value),
  ),
} as const satisfies OptionSchema<GrpcHealthServiceOptions>;

/**
 * Adds the gRPC Health Checking Protocol (`grpc.health.v1.Health`, methods
 * `Check` and `Watch`) to a `@grpc/grpc-js` server, answering from
 * `service`: what Kubernetes `grpc:` probes, `grpc_health_probe`, load
 * balancers and service meshes call.
 *
 * - Service names: `""` is every check (as `/health`); `"liveness"`,
 *   `"readiness"` and `"startup"` are the probes (as `/health/live`,
 *   `/health/ready`, `/health/startup`); `options.services` maps more. An
 *   unknown name is `NOT_FOUND` for `Check` and `SERVICE_UNKNOWN` for `Watch`,
 *   as the protocol says.
 * - `pass` and `warn` are `SERVING`, `fail` is `NOT_SERVING`. Once the
 *   service is shutting down, readiness, `""` and the mapped names answer
 *   `NOT_SERVING` (liveness and startup keep answering from their checks).
 * - `Check` honours the caller's deadline: when it is shorter than a fresh
 *   run can take (the largest timeout of the selected checks plus the run's
 *   backstop), it answers from the run if that settles in time (cached or
 *   background results do at once), else from the latest statuses known,
 *   a fifth of the time left (at least 20 ms) before the deadline (`UNKNOWN`
 *   if none is known yet).
 * - `Watch` writes the current status at once (after one run when nothing is
 *   known yet), then each change, pushed from the service's status changes
 *   (background mode, or any run): every stream shares one subscription, and
 *   a cancelled stream leaves nothing behind.
 *
 * The protocol's descriptor ships with the package: nothing to generate.
 * `@grpc/grpc-js` and `@grpc/proto-loader` are optional peer dependencies,
 * loaded only by `pulsecheck/grpc`.
 *
 * @param server - A `@grpc/grpc-js` `Server` (before or after `bindAsync`).
 * @param service - The health service to answer from.
 * @param options - More service names (see {@link GrpcHealthServiceOptions}).
 * @returns A handle to begin shutdown and close the `Watch` streams.
 * @throws TypeError when `server` has no `addService` method, `service` is not
 *   a `HealthService`, or an option is malformed or unknown.
 * @throws RangeError when a mapped name is a built-in one, or its run options
 *   name a check the service does not have.
 * @throws Error from `server.addService` when the server already has a
 *   `grpc.health.v1.Health` service.
 *
 * @example
 * ```ts
 * import { Server, ServerCredentials } from '@grpc/grpc-js';
 * import { Container } from 'inversify';
 * import { HealthService, healthModule } from 'pulsecheck';
 * import { addGrpcHealthService } from 'pulsecheck/grpc';
 *
 * const container = new Container();
 * container.load(healthModule());
 * const health = container.get(HealthService);
 *
 * const server = new Server();
 * addGrpcHealthService(server, health, { services: { 'payments.v1.Payments': { tags: ['payments'] } } });
 * server.bindAsync('0.0.0.0:50051', ServerCredentials.createInsecure(), (error) => {
 *   if (error) throw error;
 * });
 * ```
 */
export function addGrpcHealthService(server: Server, service: HealthService, options: GrpcHealthServiceOptions = {}): GrpcHealthServiceHandle {
  if (typeof (server as Partial<Server> | null)?.addService !== 'function') {
    throw new TypeError(`${OWNER}: server must be a @grpc/grpc-js Server (an object with addService), got ${describeValue(server)}`);
  }
  if (!(service instanceof HealthService)) throw new TypeError(`${OWNER}: service must be a HealthService, got ${describeValue(service)}`);
  const mapped = validateOptions(GRPC_HEALTH_SERVICE_SCHEMA, options, OWNER).services ?? {};

  const definitions = service.definitions();
  const entries = new Map<string, ServiceEntry>();
  const add = (name: string, runOptions: RunOptions): void => {
    const budget = runBudget(definitions, runOptions, `${OWNER}: services[${JSON.stringify(name)}]`);
    const probe = runOptions.probe;
    entries.set(name, { options: Object.freeze({ ...runOptions }), budget, gated: !(isProbe(probe) && probe !== 'readiness') });
  };
  for (const [name, runOptions] of Object.entries(GRPC_HEALTH_SERVICES)) add(name, runOptions);
  for (const [name, runOptions] of Object.entries(mapped)) {
    if (Object.hasOwn(GRPC_HEALTH_SERVICES, name)) {
      throw new RangeError(`${OWNER}: services[${JSON.stringify(name)}] is a built-in name (${Object.keys(GRPC_HEALTH_SERVICES).map((known) => JSON.stringify(known)).join(', ')}); map another name`);
    }
    add(name, runOptions);
  }

  const hub = new GrpcHealthHub(service, entries);
  const implementation: UntypedServiceImplementation = {
    Check: hub.check.bind(hub),
    Watch: hub.watch.bind(hub),
  };
  try {
    server.addService(healthServiceDefinition(), implementation);
  } catch (error) {
    hub.close();
    throw error;
  }
  return {
    beginShutdown: () => {
      hub.beginShutdown();
    },
    close: () => {
      hub.close();
    },
    get watchers() {
      return hub.watchers;
    },
  };
}
