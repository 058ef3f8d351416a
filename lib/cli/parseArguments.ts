import { parseArgs } from 'node:util';
import { PROBES, type Probe } from '../core/Probe.js';
import { type CliCommand, type CliFormat, cliFormats } from './CliCommand.js';
import { CliError } from './CliError.js';
import { parseMilliseconds } from './parseMilliseconds.js';

/**
 * @internal Parses the CLI's arguments (without `node` and the script) with
 * `node:util` `parseArgs`, strictly: unknown flags, positionals, missing or
 * malformed values are usage errors. `--help` and `--version` win over
 * everything else.
 *
 * @param argv - `process.argv.slice(2)`.
 * @returns What to do.
 * @throws CliError (usage, exit 2) for anything malformed.
 */
export function parseArguments(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        module: { type: 'string', short: 'm' },
        tags: { type: 'string', multiple: true },
        names: { type: 'string', multiple: true },
        probe: { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        'load-timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new CliError(describeParseError(error), 2, true);
  }

  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  if (values.module === undefined || values.module.trim() === '') {
    throw new CliError('missing --module <path>: the module that exports or registers the health checks', 2, true);
  }
  return {
    kind: 'run',
    module: values.module,
    tags: list(values.tags, '--tags'),
    names: list(values.names, '--names'),
    probe: probe(values.probe),
    format: values.json === true ? jsonFormat(values.format) : format(values.format),
    timeoutMs: parseMilliseconds(values['timeout-ms'], '--timeout-ms'),
    loadTimeoutMs: parseMilliseconds(values['load-timeout-ms'], '--load-timeout-ms'),
  };
}

/** Comma-separated, repeatable: `--tags a,b --tags c` is `['a', 'b', 'c']`. */
function list(given: string[] | undefined, flag: string): readonly string[] | undefined {
  if (given === undefined) return undefined;
  const items = given.flatMap((value) => value.split(',')).map((item) => item.trim());
  if (items.some((item) => item === '')) throw new CliError(`${flag} needs a comma-separated list of non-empty names, got '${given.join(',')}'`, 2, true);
  return [...new Set(items)];
}

function probe(given: string | undefined): Probe | undefined {
  if (given === undefined) return undefined;
  const found = PROBES.find((candidate) => candidate === given.toLowerCase());
  if (found === undefined) throw new CliError(`--probe must be one of ${PROBES.join(', ')}, got '${given}'`, 2, true);
  return found;
}

function format(given: string | undefined): CliFormat {
  if (given === undefined) return 'text';
  const wanted = given.toLowerCase();
  const found = cliFormats.find((candidate) => candidate === wanted);
  if (found === undefined) throw new CliError(`--format must be one of ${cliFormats.join(', ')}, got '${given}'`, 2, true);
  return found;
}

/** `--json` is `--format json`, for scripts; with another `--format` it is a contradiction, not a choice. */
function jsonFormat(given: string | undefined): CliFormat {
  if (given !== undefined && given.toLowerCase() !== 'json') throw new CliError(`--json asks for JSON, but --format asks for '${given}': give one of them`, 2, true);
  return 'json';
}


function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1];
    if (option !== undefined) return `unknown option '${option}'`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return `unexpected argument '${argument ?? message}' (give the module with --module <path>)`;
  }
  return message.replace(/\.$/, '');
}
