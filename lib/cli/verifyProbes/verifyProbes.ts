import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { redactSecrets } from '../../core/redactSecrets.js';
import { DEFAULT_TIMEOUT_MS } from '../../core/HealthServiceOptions.js';
import type { RunOptions } from '../../core/RunOptions.js';
import { DEFAULT_HEALTH_ROUTES } from '../../http/defaultHealthRoutes.js';
import { resolveRouteTable } from '../../http/resolveRouteTable.js';
import { CliError } from '../CliError.js';
import { parseMilliseconds } from '../parseMilliseconds.js';
import { loadCheckDefinitions } from '../loadCheckDefinitions.js';
import { findProbeProblems, servesHealth, type ProbeTarget } from './findProbeProblems.js';
import { readWorkloads } from './readWorkloads.js';
import { verifyProbesUsage } from './verifyProbesUsage.js';

/** @internal What `pulsecheck verify-probes` prints and exits with. */
export interface VerifyProbesOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const defaultLoadTimeoutMs = 10_000;

/** @internal The largest manifest verify-probes reads: 8 MiB (the `yaml` package needs about 30 times that in memory). */
export const MAX_MANIFEST_BYTES = 8 * 2 ** 20;

/**
 * @internal `pulsecheck verify-probes <manifest> --module <path>`: checks the
 * probes of Kubernetes workloads against a module's health checks (see
 * {@link verifyProbesUsage} for the rules). Throws CliError for usage,
 * loading and manifest errors (exit 2); the caller prints them.
 *
 * @param argv - The arguments after `verify-probes`.
 * @param cwd - The directory the manifest and module paths are resolved against.
 */
export async function verifyProbes(argv: readonly string[], cwd: string): Promise<VerifyProbesOutcome> {
  const command = parse(argv);
  if (command === 'help') return { exitCode: 0, stdout: verifyProbesUsage, stderr: '' };

  const manifestPath = resolve(cwd, command.manifest);
  let text: string;
  try {
    const { size } = await stat(manifestPath);
    if (size > MAX_MANIFEST_BYTES) {
      throw new CliError(`${command.manifest} is ${(size / 2 ** 20).toFixed(1)} MiB; verify-probes reads at most ${MAX_MANIFEST_BYTES / 2 ** 20} MiB (parsing YAML takes about 30 times its size in memory): verify the workloads' manifests one by one`);
    }
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read manifest ${command.manifest}: ${(error as { code?: string } | null)?.code ?? 'unreadable'}`);
  }
  const workloads = await readWorkloads(text, command.manifest);
  if (workloads.length === 0) throw new CliError(`${command.manifest}:1: no Deployment or StatefulSet found`);

  const target = await withDeadline(loadTarget(command.module, cwd, command.defaultTimeoutMs), command.loadTimeoutMs, command.module);

  const lines: string[] = [];
  let problems = 0;
  let verified = 0;
  for (const workload of workloads) {
    // Sidecars (containers whose probes run none of the checks) are skipped, unless no container of the pod serves the checks.
    const probed = workload.containers.filter((container) => container.probes.length > 0);
    const serving = probed.filter((container) => servesHealth(container, target));
    const containers = command.containers === undefined ? (serving.length > 0 ? serving : probed) : workload.containers.filter((container) => command.containers?.includes(container.name) === true);
    for (const container of containers) {
      verified += 1;
      const found = findProbeProblems(workload, container, target);
      problems += found.length;
      const where = `${workload.kind}/${workload.name} container ${container.name}`;
      if (found.length === 0) {
        lines.push(`✔ ${where}: ${container.probes.map((probe) => probe.field).join(', ') || 'no probe'} fit the checks`);
        continue;
      }
      lines.push(`✖ ${where}:`);
      for (const problem of found) lines.push(`  ${command.manifest}:${problem.line}: ${problem.message}`);
    }
  }
  if (command.containers !== undefined) {
    const known = new Set(workloads.flatMap((workload) => workload.containers.map((container) => container.name)));
    const missing = command.containers.filter((name) => !known.has(name));
    if (missing.length > 0) throw new CliError(`${command.manifest}: no container named ${missing.map((name) => `'${name}'`).join(', ')} (found: ${[...known].join(', ')})`, 2, true);
  }
  if (verified === 0) throw new CliError(`${command.manifest}: no container with a probe to verify`);
  lines.push(problems === 0 ? `verify-probes: ${verified} container(s) OK` : `verify-probes: ${problems} problem(s) in ${verified} container(s)`);
  return { exitCode: problems === 0 ? 0 : 1, stdout: redactSecrets(`${lines.join('\n')}\n`), stderr: '' };
}

interface VerifyCommand {
  readonly manifest: string;
  readonly module: string;
  readonly containers: readonly string[] | undefined;
  readonly defaultTimeoutMs: number;
  readonly loadTimeoutMs: number;
}

function parse(argv: readonly string[]): VerifyCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        module: { type: 'string', short: 'm' },
        container: { type: 'string', multiple: true },
        'default-timeout-ms': { type: 'string' },
        'load-timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`verify-probes: ${message.replace(/\.$/, '')}`, 2, true);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length !== 1 || positionals[0] === undefined || positionals[0].trim() === '') {
    throw new CliError(`verify-probes needs exactly one manifest file, got ${positionals.length === 0 ? 'none' : positionals.map((given) => `'${given}'`).join(', ')}`, 2, true);
  }
  if (values.module === undefined || values.module.trim() === '') {
    throw new CliError('verify-probes: missing --module <path>: the module that exports or registers the health checks', 2, true);
  }
  return {
    manifest: positionals[0],
    module: values.module,
    containers: values.container,
    defaultTimeoutMs: parseMilliseconds(values['default-timeout-ms'], '--default-timeout-ms') ?? DEFAULT_TIMEOUT_MS,
    loadTimeoutMs: parseMilliseconds(values['load-timeout-ms'], '--load-timeout-ms') ?? defaultLoadTimeoutMs,
  };
}


async function loadTarget(modulePath: string, cwd: string, defaultTimeoutMs: number): Promise<ProbeTarget> {
  // The --module contract of openapi and postman: a module that only registers checks is enough (they are not built).
  const definitions = await loadCheckDefinitions(modulePath, cwd);
  // Already imported by loadCheckDefinitions: this import is the cached module namespace.
  const namespace = (await import(pathToFileURL(resolve(cwd, modulePath)).href)) as Record<string, unknown>;
  return { definitions, routes: routesOf(namespace.routes, modulePath, new Set(definitions.map((definition) => definition.name))), defaultTimeoutMs };
}

/**
 * @internal The module's `routes` export (else the default routes), by the
 * rules healthEndpoints() applies to it ({@link resolveRouteTable}).
 *
 * @throws CliError for a table healthEndpoints() would refuse.
 */
export function routesOf(exported: unknown, modulePath: string, known: ReadonlySet<string>): Readonly<Record<string, RunOptions>> {
  try {
    return Object.fromEntries(resolveRouteTable(exported ?? DEFAULT_HEALTH_ROUTES, `export 'routes' of ${modulePath}`, known));
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new CliError(error.message);
    throw error;
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number, modulePath: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new CliError(`loading ${modulePath} did not finish within ${ms} ms; give it longer with --load-timeout-ms <n>`));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
