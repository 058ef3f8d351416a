import { BACKSTOP_GRACE_MS } from '../../core/backstopGraceMs.js';
import { DEFAULT_TIMEOUT_MS } from '../../core/HealthServiceOptions.js';
import { PROBE_TAGS } from '../../core/Probe.js';

/** @internal The text of `pulsecheck verify-probes --help`. */
export const verifyProbesUsage = `Usage: pulsecheck verify-probes <manifest.yaml> --module <path> [options]

Reads the Deployments and StatefulSets of a Kubernetes manifest (several
YAML documents, or a kind: List, at most 8 MiB) and checks the probes of each
container that serves the checks (sidecars whose probes run none are
skipped) against the health checks of a module. Exits 0 when every rule holds, 1 with a report of
each broken rule, 2 on a usage, loading or YAML error (naming file:line).

Rules, per container:
  path      an httpGet probe's path is a route the health endpoints serve
            (the module's exported 'routes', else /health, /health/live,
            /health/ready, /health/startup)
  port      an httpGet, tcpSocket or grpc port is a declared containerPort,
            a named port one of the container's ports[].name
  exec      an exec probe running pulsecheck: its --probe is the probe's
            own, and the same rules hold for the checks it selects (its
            --timeout-ms, plus the backstop, fits in timeoutSeconds)
  timeout   the largest timeout of the checks a probe runs, plus the
            ${BACKSTOP_GRACE_MS} ms backstop, fits in its timeoutSeconds
  liveness  the liveness probe runs no check of an external dependency
            (a check not tagged '${PROBE_TAGS.liveness}', or one whose class declares
            traits.externalDependency, as the bundled PostgreSQL, Redis,
            RabbitMQ and HTTP checks do)
  startup   initialDelaySeconds + periodSeconds x failureThreshold of the
            startup probe is at least the slowest startup check's timeout
  drain     (containers with a readiness probe and a port) the drain delay (preStop sleep + a DRAIN_MS, DRAIN_DELAY_MS,
            SHUTDOWN_DELAY_MS or *_SECONDS env value) is at least the
            readiness probe's periodSeconds x failureThreshold, and shorter
            than terminationGracePeriodSeconds

Options:
  -m, --module <path>        The module, as for 'pulsecheck --module' (required).
                             It may also export 'routes', the routes given to
                             healthEndpoints().
      --container <name>     Only this container (repeatable); default: every
                             container that has a probe.
      --default-timeout-ms <n>
                             The timeout of checks that set none, as the
                             service's defaultTimeoutMs (default ${DEFAULT_TIMEOUT_MS}).
      --load-timeout-ms <n>  Time limit on loading the module (default 10000).
  -h, --help                 Show this help.

Example:
  pulsecheck verify-probes k8s/deployment.yaml --module ./dist/health.js
`;
