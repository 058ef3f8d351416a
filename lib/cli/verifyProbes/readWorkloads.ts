import type { Probe } from '../../core/Probe.js';
import { CliError } from '../CliError.js';
import type { ContainerPort, ContainerSpec, DrainDelay, ProbeSpec, Workload } from './Workload.js';

const workloadKinds = ['Deployment', 'StatefulSet'];
const probeFields: readonly (readonly [string, Probe])[] = [
  ['livenessProbe', 'liveness'],
  ['readinessProbe', 'readiness'],
  ['startupProbe', 'startup'],
];
const handlers = ['httpGet', 'exec', 'tcpSocket', 'grpc'];
/** Environment variables read as the application's own drain delay, in ms or in seconds. */
const drainEnvMs = /^(?:PULSECHECK_)?(?:DRAIN|SHUTDOWN)_(?:DELAY_)?MS$/;
const drainEnvSeconds = /^(?:PULSECHECK_)?(?:DRAIN|SHUTDOWN)_(?:DELAY_)?SECONDS$/;
/** `sleep 5`, `sleep 5s`, `sleep 2.5` in a preStop exec command (bounded, linear). */
const sleepCommand = /(?:^|[\s;&|])sleep\s+(\d{1,6}(?:\.\d{1,3})?)s?(?=$|[\s;&|])/;

type Path = readonly (string | number)[];

interface Located {
  /** The value at `path` as plain data. */
  get(path: Path): unknown;
  /** The 1-based line where the node at `path` starts (the nearest existing ancestor's line otherwise). */
  line(path: Path): number;
}

/**
 * @internal Reads the Deployments and StatefulSets of a multi-document
 * Kubernetes manifest. Loads the `yaml` package on first use (only this
 * subcommand needs it). Other kinds (Service, ConfigMap, ...) are skipped.
 *
 * @param text - The manifest's text.
 * @param file - The file name, for messages.
 * @throws CliError (exit 2) naming `file:line` for a YAML syntax error or a
 *   malformed probe field (such as `periodSeconds: ten`).
 */
export async function readWorkloads(text: string, file: string): Promise<Workload[]> {
  let yaml: typeof import('yaml');
  try {
    yaml = await import('yaml');
  } catch (error) {
    throw new CliError(`verify-probes needs the 'yaml' package, a dependency of pulsecheck; reinstall pulsecheck (${describeValue((error as { code?: unknown } | null)?.code ?? 'not found')})`);
  }
  const { LineCounter, parseAllDocuments } = yaml;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  const workloads: Workload[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) {
      const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
      throw new CliError(`${file}:${line}: not valid YAML: ${error.message.split('\n')[0] ?? error.message}`);
    }
    const located: Located = {
      get: (path) => {
        const node: unknown = document.getIn(path, false);
        return node;
      },
      line: (path) => {
        const last = path.at(-1);
        if (typeof last === 'string') {
          // The line of the key (`livenessProbe:`), not of its value (which may start on the next line).
          const parent = document.getIn(path.slice(0, -1), true) as { items?: readonly { key?: { value?: unknown; range?: readonly number[] } }[] } | undefined;
          const start = parent?.items?.find((pair) => pair.key?.value === last)?.key?.range?.[0];
          if (typeof start === 'number') return lineCounter.linePos(start).line;
        }
        for (let length = path.length; length >= 0; length -= 1) {
          const node = document.getIn(path.slice(0, length), true) as { range?: readonly number[] } | undefined;
          const start = node?.range?.[0];
          if (typeof start === 'number') return lineCounter.linePos(start).line;
        }
        return 1;
      },
    };
    const kind = located.get(['kind']);
    if (kind === 'List') {
      // What `kubectl get -o yaml` prints: the workloads are the items.
      const items = located.get(['items']);
      const count = isList(items) ? items.items.length : 0;
      for (let index = 0; index < count; index += 1) {
        const item = within(located, ['items', index]);
        const itemKind = item.get(['kind']);
        if (typeof itemKind === 'string' && workloadKinds.includes(itemKind)) workloads.push(readWorkload(item, itemKind, file));
      }
      continue;
    }
    if (typeof kind !== 'string' || !workloadKinds.includes(kind)) continue;
    workloads.push(readWorkload(located, kind, file));
  }
  return workloads;
}

/** The node at `prefix` as a document of its own. */
function within(doc: Located, prefix: Path): Located {
  return { get: (path) => doc.get([...prefix, ...path]), line: (path) => doc.line([...prefix, ...path]) };
}

function readWorkload(doc: Located, kind: string, file: string): Workload {
  const name = describeValue(scalar(doc.get(['metadata', 'name'])) ?? '(unnamed)');
  const pod: Path = ['spec', 'template', 'spec'];
  const grace = numberAt(doc, [...pod, 'terminationGracePeriodSeconds'], file, 30);
  const containers = doc.get([...pod, 'containers']);
  const count = isList(containers) ? containers.items.length : 0;
  const read: ContainerSpec[] = [];
  for (let index = 0; index < count; index += 1) read.push(readContainer(doc, [...pod, 'containers', index], file));
  return { kind, name, line: doc.line(['kind']), terminationGracePeriodSeconds: grace, containers: read };
}

function readContainer(doc: Located, at: Path, file: string): ContainerSpec {
  const probes: ProbeSpec[] = [];
  for (const [field, probe] of probeFields) {
    if (doc.get([...at, field]) === undefined) continue;
    const handler = handlers.find((candidate) => doc.get([...at, field, candidate]) !== undefined) ?? 'none';
    const rawPath = handler === 'httpGet' ? doc.get([...at, field, 'httpGet', 'path']) : undefined;
    const path = handler === 'httpGet' ? (rawPath === undefined ? '/' : describeValue(scalar(rawPath))) : undefined;
    const rawPort = handler === 'exec' || handler === 'none' ? undefined : scalar(doc.get([...at, field, handler, 'port']));
    const rawCommand = handler === 'exec' ? doc.get([...at, field, 'exec', 'command']) : undefined;
    probes.push({
      probe,
      field,
      line: doc.line([...at, field]),
      handler,
      path: path?.split('?')[0],
      grpcService: handler === 'grpc' ? describeValue(scalar(doc.get([...at, field, 'grpc', 'service'])) ?? '') : undefined,
      port: typeof rawPort === 'number' ? rawPort : rawPort === undefined || rawPort === null ? undefined : describeValue(rawPort),
      command: isList(rawCommand) ? rawCommand.items.map((item) => describeValue(scalar(item))) : undefined,
      timeoutSeconds: numberAt(doc, [...at, field, 'timeoutSeconds'], file, 1),
      periodSeconds: numberAt(doc, [...at, field, 'periodSeconds'], file, 10),
      failureThreshold: numberAt(doc, [...at, field, 'failureThreshold'], file, 3),
      initialDelaySeconds: numberAt(doc, [...at, field, 'initialDelaySeconds'], file, 0),
    });
  }
  const ports: ContainerPort[] = [];
  const declared = doc.get([...at, 'ports']);
  const count = isList(declared) ? declared.items.length : 0;
  for (let index = 0; index < count; index += 1) {
    const containerPort = numberAt(doc, [...at, 'ports', index, 'containerPort'], file, 0);
    const name = scalar(doc.get([...at, 'ports', index, 'name']));
    ports.push({ containerPort, name: typeof name === 'string' ? name : undefined });
  }
  return { name: describeValue(scalar(doc.get([...at, 'name'])) ?? '(unnamed)'), line: doc.line(at), probes, drain: readDrain(doc, at, file), ports };
}

/** The drain delay: a preStop sleep plus the application's own delay from a DRAIN_MS-like env variable. */
function readDrain(doc: Located, at: Path, file: string): DrainDelay {
  let ms = 0;
  const sources: string[] = [];
  const preStop: Path = [...at, 'lifecycle', 'preStop'];
  if (doc.get([...preStop, 'sleep']) !== undefined) {
    const seconds = numberAt(doc, [...preStop, 'sleep', 'seconds'], file, 0);
    ms += seconds * 1000;
    sources.push(`preStop sleep ${seconds} s`);
  }
  const command = doc.get([...preStop, 'exec', 'command']);
  if (isList(command)) {
    const joined = command.items.map((item) => describeValue(scalar(item))).join(' ').slice(0, 10_000);
    const match = sleepCommand.exec(joined);
    if (match?.[1] !== undefined) {
      ms += Number(match[1]) * 1000;
      sources.push(`preStop exec sleep ${match[1]} s`);
    }
  }
  const env = doc.get([...at, 'env']);
  const count = isList(env) ? env.items.length : 0;
  for (let index = 0; index < count; index += 1) {
    const name = scalar(doc.get([...at, 'env', index, 'name']));
    const value = scalar(doc.get([...at, 'env', index, 'value']));
    if (typeof name !== 'string' || value === undefined) continue;
    const inMs = drainEnvMs.test(name);
    if (!inMs && !drainEnvSeconds.test(name)) continue;
    const amount = Number(value);
    if (describeValue(value).trim() === '' || !Number.isFinite(amount) || amount < 0) {
      throw new CliError(`${file}:${doc.line([...at, 'env', index, 'value'])}: env ${name} must be a non-negative number, got '${describeValue(value)}'`);
    }
    ms += inMs ? amount : amount * 1000;
    sources.push(`env ${name}=${describeValue(value)}`);
  }
  return { ms, sources };
}

function numberAt(doc: Located, path: Path, file: string, fallback: number): number {
  const value = scalar(doc.get(path));
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new CliError(`${file}:${doc.line(path)}: ${String(path.at(-1))} must be a non-negative number, got '${describeValue(value)}'`);
  }
  return value;
}

interface ListNode {
  readonly items: readonly unknown[];
}

function isList(node: unknown): node is ListNode {
  return typeof node === 'object' && node !== null && Array.isArray((node as { items?: unknown }).items);
}

/** The plain value of a scalar node (or of a plain value). */
function scalar(node: unknown): unknown {
  if (typeof node === 'object' && node !== null && 'value' in node && !('items' in node)) return node.value;
  return node;
}

/** A manifest value as text for a message: scalars as written, anything else as its kind. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null || value === undefined) return String(value);
  return isList(value) ? 'a list' : 'a mapping';
}
