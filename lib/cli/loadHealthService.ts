import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Container } from 'inversify';
import { defaultRegistry } from '../core/defaultRegistry.js';
import { healthModule } from '../core/healthModule.js';
import { HealthService } from '../core/HealthService.js';
import { CliError } from './CliError.js';
import { describeFirstLine } from './describeFirstLine.js';

/** @internal How {@link loadHealthService} builds a service when the module only registers checks. */
export interface LoadOptions {
  /** The directory a relative module path is resolved against. */
  readonly cwd: string;
  /** The default timeout of the checks, when the CLI builds the service itself. */
  readonly defaultTimeoutMs: number | undefined;
}

/**
 * @internal Imports the module at `modulePath` and gets a HealthService
 * from it, by this contract:
 *
 * 1. its export named `health`, else its default export, may be a
 *    `HealthService`, an Inversify `Container` in which `HealthService` is
 *    bound (`healthModule()` loaded), or a function (sync or async, called
 *    with no arguments) that returns one of those two;
 * 2. if it has neither export, the checks it registered in the default
 *    registry (with `@registerHealthCheck()`) are run through a fresh
 *    container with `healthModule()`.
 *
 * @throws CliError (exit 2) when the file does not exist, the import throws,
 *   the export is of another kind, the function throws, or nothing usable is
 *   found.
 */
export async function loadHealthService(modulePath: string, options: LoadOptions): Promise<HealthService> {
  const path = resolve(options.cwd, modulePath);
  if (!existsSync(path)) throw new CliError(`module not found: ${path}`);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`module ${modulePath} threw while loading: ${describeFirstLine(error)}`);
  }

  const exportName = 'health' in namespace ? 'health' : 'default' in namespace ? 'default' : undefined;
  if (exportName === undefined) return fromRegistry(modulePath, options);

  let value = namespace[exportName];
  const what = `export '${exportName}' of ${modulePath}`;
  if (typeof value === 'function') {
    if (/^class\b/.test(Function.prototype.toString.call(value))) {
      throw new CliError(`${what} is a class; export a HealthService, a Container or a function returning one`);
    }
    try {
      value = await (value as () => unknown)();
    } catch (error) {
      throw new CliError(`${what} threw: ${describeFirstLine(error)}`);
    }
  }
  if (isHealthService(value)) return value;
  if (isContainer(value)) {
    try {
      return await value.getAsync(HealthService);
    } catch (error) {
      throw new CliError(`could not get the HealthService from the container of ${what} (is healthModule() loaded into it?): ${describeFirstLine(error)}`);
    }
  }
  throw new CliError(`${what} is ${kindOf(value)}; expected a HealthService, a Container or a function returning one`);
}

function fromRegistry(modulePath: string, options: LoadOptions): HealthService {
  if (defaultRegistry.size === 0) {
    throw new CliError(`${modulePath} exports neither 'health' nor a default export, and registered no checks with @registerHealthCheck()`);
  }
  try {
    const container = new Container();
    container.load(healthModule(options.defaultTimeoutMs === undefined ? {} : { defaultTimeoutMs: options.defaultTimeoutMs }));
    return container.get(HealthService);
  } catch (error) {
    throw new CliError(
      `could not build the checks registered by ${modulePath}: ${describeFirstLine(error)} (checks with dependencies need a module that exports a Container, or a function returning one, with those bound)`,
    );
  }
}

function isHealthService(value: unknown): value is HealthService {
  return value instanceof HealthService || (typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function');
}

function isContainer(value: unknown): value is Container {
  if (value instanceof Container) return true;
  const candidate = value as { getAsync?: unknown; isBound?: unknown } | null;
  return typeof value === 'object' && candidate !== null && typeof candidate.getAsync === 'function' && typeof candidate.isBound === 'function';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') {
    try {
      const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return `an object (${typeof name === 'string' ? name : 'no prototype'})`;
    } catch {
      return 'an object';
    }
  }
  return `a ${typeof value}`;
}
