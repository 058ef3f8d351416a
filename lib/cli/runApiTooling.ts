import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REDACTED, redactSecrets } from '../core/redactSecrets.js';
import { openApiDocument } from '../openapi/openApiDocument.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import { RESPONSE_TIME_MARGIN_MS, postmanCollection } from '../openapi/postmanCollection.js';
import { CliError } from './CliError.js';
import { loadCheckDefinitions } from './loadCheckDefinitions.js';
import { parseMilliseconds } from './parseMilliseconds.js';
import { withDeadline } from './withDeadline.js';

/** @internal The subcommands that describe the health endpoints for API tooling. */
export const apiToolingCommands = ['openapi', 'postman'] as const;

/** @internal One of {@link apiToolingCommands}. */
export type ApiToolingCommand = (typeof apiToolingCommands)[number];

/** @internal What the command prints (stdout) and exits with. */
export interface ApiToolingOutcome {
  readonly exitCode: 0;
  readonly stdout: string;
  readonly stderr: string;
}

const moduleHelp = `  -m, --module <path>    As for pulsecheck --module; a module that only registers
                         checks is enough (they are not built or run).
      --base-path <p>    Where the routes are mounted, e.g. /api (default: none).`;
const commonHelp = `      --load-timeout-ms <n>
                         Time limit on loading the module (default 10000).
  -h, --help             Show this help.

Exit codes: 0 done, 2 usage or loading error.
`;

/** @internal The help of `pulsecheck openapi`. */
export const openApiUsage = `Usage: pulsecheck openapi --module <path> [--base-path <p>] [--server-url <u>]... [--yaml]

Prints an OpenAPI 3.1 document of the health endpoints (healthEndpoints()
with its default routes: /health, /health/live, /health/ready, /health/startup),
with JSON Schemas naming the module's checks. JSON, or YAML with --yaml (the 'yaml'
package, loaded only then).

Options:
${moduleHelp}
      --server-url <u>   A server of the document, an http(s) URL (repeatable).
      --yaml             Print YAML instead of JSON.
${commonHelp}`;

/** @internal The help of `pulsecheck postman`. */
export const postmanUsage = `Usage: pulsecheck postman --module <path> --base-url <url> [--base-path <p>] [--output <file>] [--timeout-ms <n>]

Writes a Postman Collection v2.1 (to --output, else to stdout) with one
request per endpoint, whose tests assert status 200, a JSON content type, every
critical check "working", and a response time under the largest check timeout
plus ${RESPONSE_TIME_MARGIN_MS} ms (the collection variable responseTimeMarginMs). Run it with newman or
import it into a Postman monitor.

Options:
${moduleHelp}
      --base-url <url>   Where the service is, an http(s) URL such as
                         https://orders.example.com (required).
  -o, --output <file>    Write the collection to this file.
      --timeout-ms <n>   The timeout of checks that set none, as your service's
                         defaultTimeoutMs (default ${DEFAULT_TIMEOUT_MS}).
${commonHelp}`;

const defaultLoadTimeoutMs = 10_000;

/**
 * @internal Runs `pulsecheck openapi` or `pulsecheck postman` (the arguments
 * after the subcommand's name). Never loads `yaml` unless `--yaml` is given.
 *
 * @throws CliError (exit 2) for a usage or load error.
 */
export async function runApiTooling(command: ApiToolingCommand, argv: readonly string[], cwd: string): Promise<ApiToolingOutcome> {
  const values = parse(command, argv);
  if (values.help === true) return { exitCode: 0, stdout: command === 'openapi' ? openApiUsage : postmanUsage, stderr: '' };
  const servers = (values['server-url'] ?? []).map((url) => ({ url: withoutCredentials(httpUrl(url, `${command} --server-url`)) }));
  const module = values.module;
  if (module === undefined || module.trim() === '') throw new CliError(`${command}: missing --module <path>: the module that exports or registers the health checks`, 2, true);
  const loadTimeoutMs = parseMilliseconds(values['load-timeout-ms'], '--load-timeout-ms') ?? defaultLoadTimeoutMs;
  const loaded = await withDeadline(loadCheckDefinitions(module, cwd), loadTimeoutMs, () => new CliError(`loading ${module} did not finish within ${loadTimeoutMs} ms; give it longer with --load-timeout-ms <n>`, 2));
  // What the document or collection prints is redacted: check names holding a credential or a JWT, and credentials in --server-url/--base-url.
  const checks = loaded.map((check) => ({ ...check, name: redactSecrets(check.name) }));
  const basePath = values['base-path'];

  if (command === 'openapi') {
    const document = usageErrors(() => openApiDocument({ checks, ...(basePath === undefined ? {} : { basePath }), ...(servers.length === 0 ? {} : { servers }) }));
    const text = values.yaml === true ? (await loadYaml()).stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }) : `${JSON.stringify(document, null, 2)}\n`;
    return { exitCode: 0, stdout: text, stderr: '' };
  }

  const givenBaseUrl = values['base-url'];
  const baseUrl = givenBaseUrl === undefined ? undefined : withoutCredentials(givenBaseUrl);
  if (baseUrl === undefined) throw new CliError('postman: missing --base-url <url>: where the service is, e.g. https://orders.example.com', 2, true);
  const defaultTimeoutMs = parseMilliseconds(values['timeout-ms'], '--timeout-ms');
  const collection = usageErrors(() =>
    postmanCollection({ checks, baseUrl, ...(basePath === undefined ? {} : { basePath }), ...(defaultTimeoutMs === undefined ? {} : { defaultTimeoutMs }) }),
  );
  const text = `${JSON.stringify(collection, null, 2)}\n`;
  const output = values.output;
  if (output === undefined) return { exitCode: 0, stdout: text, stderr: '' };
  const path = resolve(cwd, output);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  return { exitCode: 0, stdout: `wrote ${path}: ${collection.item.length} requests\n`, stderr: '' };
}

type Values = Partial<Record<'module' | 'base-path' | 'base-url' | 'output' | 'timeout-ms' | 'load-timeout-ms', string>> & {
  'server-url'?: string[];
  yaml?: boolean;
  help?: boolean;
};

function parse(command: ApiToolingCommand, argv: readonly string[]): Values {
  const common = {
    module: { type: 'string', short: 'm' },
    'base-path': { type: 'string' },
    'load-timeout-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const own =
    command === 'openapi'
      ? ({ 'server-url': { type: 'string', multiple: true }, yaml: { type: 'boolean' } } as const)
      : ({ 'base-url': { type: 'string' }, output: { type: 'string', short: 'o' }, 'timeout-ms': { type: 'string' } } as const);
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { ...common, ...own } }).values as unknown as Values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`${command}: ${code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined ? `unknown option '${option}'` : message.replace(/\.$/, '')}`, 2, true);
  }
}

/** `given` when it is an absolute http: or https: URL; a usage error naming `flag` otherwise (no `javascript:`, no bare words). postman's --base-url is checked by postmanCollection() itself. */
function httpUrl(given: string, flag: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(given);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.host === '') {
    throw new CliError(`${flag} must be an http(s) URL such as https://orders.example.com, got '${given}'`, 2, true);
  }
  return given;
}

/** Malformed options of the document (a base path without '/', ...) are the caller's mistake: exit 2 with the message. */
function usageErrors<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new CliError(error.message, 2, true);
    throw error;
  }
}

/** The `yaml` package, imported only here: importing pulsecheck never loads it. */
async function loadYaml(): Promise<{ stringify(value: unknown, options: { lineWidth: number; aliasDuplicateObjects: boolean }): string }> {
  try {
    return await import('yaml');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new CliError("--yaml needs the 'yaml' package: npm install --save-dev yaml (or leave out --yaml for JSON)", 2);
    throw error;
  }
}

/** A URL given on the command line, its userinfo replaced by `***` (parsed, so a quote or `#` in a password cannot hide it) and its other secrets redacted. */
function withoutCredentials(url: string): string {
  if (!URL.canParse(url)) return redactSecrets(url);
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return redactSecrets(url);
  parsed.username = REDACTED;
  parsed.password = '';
  return redactSecrets(parsed.href);
}
