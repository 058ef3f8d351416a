import { BACKSTOP_GRACE_MS } from '../../core/backstopGraceMs.js';
import type { CheckDefinition } from '../../core/CheckDefinition.js';
import type { CheckTraits } from '../../core/CheckTraits.js';
import { effectiveTimeoutMs } from '../../core/effectiveTimeoutMs.js';
import { PROBE_TAGS } from '../../core/Probe.js';
import { probeResponseBudgetMs } from '../../core/probeResponseBudgetMs.js';
import type { RunOptions } from '../../core/RunOptions.js';
import { selectChecks } from '../../core/selectChecks.js';
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
    if (probe.handler !== 'httpGet' || probe.path === undefined) continue;
    const checks = routeChecks(target, probe.path);
    if (checks === undefined) {
      problems.push({ line: probe.line, message: `${probe.field} GET ${probe.path} is not a health route (served: ${Object.keys(target.routes).join(', ')})` });
      continue;
    }
    const timeoutOf = (definition: CheckDefinition): number => effectiveTimeoutMs(definition, target.defaultTimeoutMs);
    const slowest = checks.reduce<CheckDefinition | undefined>((found, definition) => (found === undefined || timeoutOf(definition) > timeoutOf(found) ? definition : found), undefined);
    if (slowest !== undefined) problems.push(...budgetProblems(probe, `check '${slowest.name}'`, timeoutOf(slowest)));
    if (probe.probe === 'liveness') {
      const external = checks.filter(isExternal);
      if (external.length > 0) {
        problems.push({
          line: probe.line,
          message: `${probe.field} GET ${probe.path} runs checks of external dependencies (${external.map(describeExternal).join(', ')}): a dependency outage would restart every pod; point it at /health/live and tag only in-process checks '${liveTag}'`,
        });
      }
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
  if (readiness !== undefined) problems.push(...drainProblems(workload, container, readiness));
  return problems;
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
