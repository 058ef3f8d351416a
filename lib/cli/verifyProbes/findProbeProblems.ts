import { BACKSTOP_GRACE_MS } from '../../core/backstopGraceMs.js';
import type { CheckDefinition } from '../../core/CheckDefinition.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { effectiveTimeoutMs } from '../../core/effectiveTimeoutMs.js';
import { PROBE_TAGS } from '../../core/Probe.js';
import { probeResponseBudgetMs } from '../../core/probeResponseBudgetMs.js';
import type { RunOptions } from '../../core/RunOptions.js';
import { selectChecks } from '../../core/selectChecks.js';
import { GRPC_HEALTH_SERVICES } from '../../grpc/GRPC_HEALTH_SERVICES.js';
import { normalizeRoutePath } from '../../http/normalizeRoutePath.js';
import type { ContainerSpec, ProbeSpec, Workload } from './Workload.js';

const liveTag = PROBE_TAGS.liveness;

/** @internal What verify-probes knows about the module. */
export interface ProbeTarget {
  readonly definitions: readonly CheckDefinition[];
  /** The routes the health endpoints serve, each with the run options it uses. */
  readonly routes: Readonly<Record<string, RunOptions>>;
  /** The timeout of a check that sets none. */
  readonly defaultTimeoutMs: number;
}

/** @internal One rule broken by one probe or container. */
export interface ProbeProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * @internal The rules of `pulsecheck verify-probes` for one container:
 * 1. an httpGet probe's path is a route the health endpoints serve;
 * 2. the largest timeout of the checks the probe runs, plus
 *    the backstop ({@link probeResponseBudgetMs}), fits in its `timeoutSeconds`;
 * 3. the liveness probe runs no check of an external dependency (a check
 *    not tagged `live`, or one whose class declares
 *    `traits.externalDependency`, as the bundled PostgreSQL, Redis, RabbitMQ
 *    and HTTP checks do; see {@link CheckTraits});
 * 4. the startup window (`initialDelaySeconds + periodSeconds ×
 *    failureThreshold`) is at least the slowest startup check's timeout;
 * 5. the drain delay is at least the readiness probe's detection time
 *    (`periodSeconds × failureThreshold`), and shorter than
 *    `terminationGracePeriodSeconds`.
 */
export function findProbeProblems(workload: Workload, container: ContainerSpec, target: ProbeTarget): ProbeProblem[] {
  const problems: ProbeProblem[] = [];
  for (const probe of container.probes) {
    problems.push(...portProblems(container, probe));
    const run = probeRun(probe, target);
    if (run === undefined) continue;
    if ('problem' in run) {
      problems.push({ line: probe.line, message: run.problem });
      continue;
    }
    const { checks } = run;
    const timeoutOf = (definition: CheckDefinition): number => effectiveTimeoutMs(definition, target.defaultTimeoutMs);
    const slowest = checks.reduce<CheckDefinition | undefined>((found, definition) => (found === undefined || timeoutOf(definition) > timeoutOf(found) ? definition : found), undefined);
    if (run.timeoutMs !== undefined) problems.push(...budgetProblems(probe, `${run.what} --timeout-ms ${run.timeoutMs}`, run.timeoutMs));
    else if (slowest !== undefined) problems.push(...budgetProblems(probe, `check '${slowest.name}'`, timeoutOf(slowest)));
    if (probe.probe === 'liveness') {
      const external = checks.filter(isExternal);
      if (external.length > 0) {
        problems.push({
          line: probe.line,
          message: `${probe.field} ${run.what} runs checks of external dependencies (${external.map(describeExternal).join(', ')}): a dependency outage would restart every pod; point it at ${probe.handler === 'grpc' ? 'service "liveness"' : '/health/live (or --probe liveness)'} and tag only in-process checks '${liveTag}'`,
        });
      }
    }
    if (run.probe !== undefined && run.probe !== probe.probe) {
      problems.push({ line: probe.line, message: `${probe.field} runs ${run.what} with --probe ${run.probe}: give it --probe ${probe.probe}` });
    }
    if (probe.probe === 'startup' && slowest !== undefined) {
      const windowMs = (probe.initialDelaySeconds + probe.periodSeconds * probe.failureThreshold) * 1000;
      if (windowMs < timeoutOf(slowest)) {
        problems.push({
          line: probe.line,
          message: `${probe.field} window ${windowMs / 1000} s (initialDelaySeconds + periodSeconds × failureThreshold) is shorter than startup check '${slowest.name}' (timeout ${timeoutOf(slowest)} ms)`,
        });
      }
    }
  }
  const readiness = container.probes.find((probe) => probe.probe === 'readiness');
  // The drain rule is for a container that takes traffic: a readiness probe and a declared port (a worker has neither).
  if (readiness !== undefined && container.ports.length > 0) problems.push(...drainProblems(workload, container, readiness));
  return problems;
}

/** What one probe runs: the checks, described for messages (`GET /health/ready`, `exec pulsecheck`). */
type ProbeRun =
  | { readonly checks: readonly CheckDefinition[]; readonly what: string; readonly probe: string | undefined; readonly timeoutMs: number | undefined }
  | { readonly problem: string };

/**
 * @internal The checks a probe runs, by its handler kind; `undefined` for a
 * handler that runs none of the module's checks (tcpSocket, an exec of
 * another command). One entry per handler kind: a `grpc` handler slots in here.
 */
export function probeRun(probe: ProbeSpec, target: ProbeTarget): ProbeRun | undefined {
  if (probe.handler === 'httpGet' && probe.path !== undefined) {
    const checks = routeChecks(target, probe.path);
    if (checks === undefined) return { problem: `${probe.field} GET ${probe.path} is not a health route (served: ${Object.keys(target.routes).join(', ')})` };
    return { checks, what: `GET ${probe.path}`, probe: undefined, timeoutMs: undefined };
  }
  if (probe.handler === 'grpc' && probe.grpcService !== undefined) {
    // the gRPC health service's names (pulsecheck/grpc): "", the probes, and no others (mapped names are the app's own)
    const options = Object.hasOwn(GRPC_HEALTH_SERVICES, probe.grpcService) ? GRPC_HEALTH_SERVICES[probe.grpcService] : undefined;
    if (options === undefined) {
      const known = Object.keys(GRPC_HEALTH_SERVICES).map((name) => JSON.stringify(name)).join(', ');
      return { problem: `${probe.field} grpc service ${JSON.stringify(probe.grpcService)} is not a name addGrpcHealthService answers (built in: ${known})` };
    }
    return { checks: selectChecks(target.definitions, options, (definition) => definition), what: `grpc service ${JSON.stringify(probe.grpcService)}`, probe: undefined, timeoutMs: undefined };
  }
  if (probe.handler === 'exec' && probe.command !== undefined) return execRun(probe.command, target);
  return undefined;
}

/**
 * @internal The `pulsecheck` run of an exec probe's command (`["pulsecheck",
 * "-m", "./dist/health.js", "--probe", "readiness"]`, or the same through
 * `sh -c`): the checks its `--probe`, `--tags` and `--names` select, and its
 * `--timeout-ms`; `undefined` when the command does not run pulsecheck.
 */
export function execRun(command: readonly string[], target: ProbeTarget): ProbeRun | undefined {
  const words = command.flatMap((part) => part.split(/\s+/)).filter((word) => word !== '');
  const start = words.findIndex((word) => /(?:^|\/)pulsecheck(?:\.js)?$/.test(word));
  if (start === -1) return undefined;
  const flags = new Map<string, string>();
  for (let index = start + 1; index < words.length; index += 1) {
    const word = words[index] ?? '';
    const [flag, inline] = word.split('=', 2);
    if (flag === undefined || !flag.startsWith('--')) continue;
    const value = inline ?? words[index + 1];
    if (value !== undefined) flags.set(flag, value);
  }
  const list = (flag: string): string[] | undefined => flags.get(flag)?.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const probe = flags.get('--probe');
  const tags = list('--tags');
  const names = list('--names');
  const options: RunOptions = {
    ...(probe === undefined ? {} : { probe: probe as NonNullable<RunOptions['probe']> }),
    ...(tags === undefined ? {} : { tags }),
    ...(names === undefined ? {} : { names }),
  };
  const timeout = flags.get('--timeout-ms');
  const timeoutMs = timeout !== undefined && /^\d+$/.test(timeout) ? Number(timeout) : undefined;
  let checks: readonly CheckDefinition[];
  try {
    checks = selectChecks(target.definitions, options, (definition) => definition);
  } catch (error) {
    return { problem: `exec pulsecheck: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { checks, what: 'exec pulsecheck', probe, timeoutMs };
}

/**
 * @internal The port rule, shared by every handler kind that names a port
 * (httpGet, tcpSocket, grpc): a named port is one of the container's
 * `ports[].name`; a number is one of its `containerPort`s, when it declares any.
 */
export function portProblems(container: ContainerSpec, probe: ProbeSpec): ProbeProblem[] {
  if (probe.handler === 'exec' || probe.handler === 'none') return [];
  const declared = container.ports.map((port) => (port.name === undefined ? String(port.containerPort) : `${port.containerPort} (${port.name})`)).join(', ') || 'none';
  if (probe.port === undefined) return [{ line: probe.line, message: `${probe.field} ${probe.handler} has no port` }];
  if (typeof probe.port === 'string' && !/^\d+$/.test(probe.port)) {
    if (container.ports.some((port) => port.name === probe.port)) return [];
    return [{ line: probe.line, message: `${probe.field} ${probe.handler} port '${probe.port}' is not a named port of container ${container.name} (declared: ${declared})` }];
  }
  const number = Number(probe.port);
  if (container.ports.length === 0 || container.ports.some((port) => port.containerPort === number)) return [];
  return [{ line: probe.line, message: `${probe.field} ${probe.handler} port ${number} is not a containerPort of container ${container.name} (declared: ${declared})` }];
}

/**
 * @internal Whether a container serves the health checks: one of its probes
 * runs them (a health route, or an exec of pulsecheck). A sidecar (such as
 * istio-proxy) probes something else, and is not verified.
 */
export function servesHealth(container: ContainerSpec, target: ProbeTarget): boolean {
  return container.probes.some((probe) => {
    const run = probeRun(probe, target);
    return run !== undefined && !('problem' in run);
  });
}

/**
 * @internal The checks a GET of `path` runs, by the route rules of
 * healthEndpoints ({@link normalizeRoutePath}) and the selection rule of
 * `HealthService.run` ({@link selectChecks}); `undefined` when no route serves it.
 */
export function routeChecks(target: ProbeTarget, path: string): readonly CheckDefinition[] | undefined {
  const normalized = normalizeRoutePath(path);
  if (!Object.hasOwn(target.routes, normalized)) return undefined;
  const options = target.routes[normalized];
  return options === undefined ? undefined : selectChecks(target.definitions, options, (definition) => definition);
}

function drainProblems(workload: Workload, container: ContainerSpec, readiness: ProbeSpec): ProbeProblem[] {
  const problems: ProbeProblem[] = [];
  const detectionMs = readiness.periodSeconds * readiness.failureThreshold * 1000;
  const { ms, sources } = container.drain;
  const drain = `drain delay ${ms / 1000} s (${sources.length === 0 ? 'no preStop sleep, no DRAIN_MS-like env' : sources.join(' + ')})`;
  if (ms < detectionMs) {
    problems.push({
      line: container.line,
      message: `${drain} is shorter than the readiness probe's detection time ${detectionMs / 1000} s (periodSeconds ${readiness.periodSeconds} × failureThreshold ${readiness.failureThreshold}): traffic still arrives after the server stops; add a preStop sleep or a DRAIN_MS env the app waits on SIGTERM`,
    });
  }
  const graceMs = workload.terminationGracePeriodSeconds * 1000;
  if (ms > 0 && ms >= graceMs) {
    problems.push({
      line: container.line,
      message: `${drain} is not shorter than terminationGracePeriodSeconds ${workload.terminationGracePeriodSeconds} s: the pod is killed before it has drained`,
    });
  }
  return problems;
}

function isExternal(definition: CheckDefinition): boolean {
  return !definition.tags.includes(liveTag) || externalDeclarer(definition) !== undefined;
}

function describeExternal(definition: CheckDefinition): string {
  const declarer = externalDeclarer(definition);
  if (declarer !== undefined) return `'${definition.name}' is a ${declarer}`;
  return `'${definition.name}' is not tagged '${liveTag}'`;
}

/**
 * The name of the class that declares the check an external dependency (its
 * static `traits`, inherited by subclasses), or `undefined`. Reads the class
 * only, so no driver is loaded.
 */
function externalDeclarer(definition: CheckDefinition): string | undefined {
  const traits = (definition.target as { traits?: CheckTraits | undefined }).traits;
  if (traits?.externalDependency !== true) return undefined;
  let current: unknown = definition.target;
  for (let depth = 0; depth < 32 && typeof current === 'function'; depth += 1) {
    if (Object.hasOwn(current, 'traits')) return String((current as { name?: unknown }).name);
    current = Object.getPrototypeOf(current);
  }
  return String(definition.target.name);
}

/**
 * @internal The timeout rule, shared by every handler kind: the longest a
 * response can take ({@link probeResponseBudgetMs}) fits in `timeoutSeconds`.
 */
export function budgetProblems(probe: ProbeSpec, what: string, largestTimeoutMs: number): ProbeProblem[] {
  const budgetMs = probeResponseBudgetMs(largestTimeoutMs);
  if (budgetMs <= probe.timeoutSeconds * 1000) return [];
  return [
    {
      line: probe.line,
      message: `${probe.field} timeoutSeconds ${probe.timeoutSeconds} s is shorter than ${what} (timeout ${largestTimeoutMs} ms) plus the ${BACKSTOP_GRACE_MS} ms backstop: ${budgetMs} ms; set timeoutSeconds: ${Math.ceil(budgetMs / 1000)} or lower the timeout`,
    },
  ];
}
