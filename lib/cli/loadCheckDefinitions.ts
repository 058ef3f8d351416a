import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckDefinition } from '../core/CheckDefinition.js';
import { defaultRegistry } from '../core/defaultRegistry.js';
import { CliError } from './CliError.js';
import { loadHealthService } from './loadHealthService.js';
import { describeFirstLine } from './describeFirstLine.js';

/**
 * @internal The checks a module describes, for the `openapi` and `postman`
 * commands, which only need their names, tags, criticality and timeouts:
 * the `definitions()` of the service its `health` (or default) export gives
 * (by the contract of {@link loadHealthService}), or, when it has neither
 * export, the checks it registered with `@registerHealthCheck()`, without
 * building them (so a module of check classes whose clients come from a
 * container, such as the example service's checks.ts, is enough).
 *
 * @throws CliError (exit 2) when the file does not exist, the import throws,
 *   or the module yields no checks.
 */
export async function loadCheckDefinitions(modulePath: string, cwd: string): Promise<readonly CheckDefinition[]> {
  const path = resolve(cwd, modulePath);
  if (!existsSync(path)) throw new CliError(`module not found: ${path}`);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`module ${modulePath} threw while loading: ${describeFirstLine(error)}`);
  }
  if (!('health' in namespace) && !('default' in namespace)) {
    if (defaultRegistry.size === 0) {
      throw new CliError(`${modulePath} exports neither 'health' nor a default export, and registered no checks with @registerHealthCheck()`);
    }
    return defaultRegistry.list();
  }
  const service = await loadHealthService(modulePath, { cwd, defaultTimeoutMs: undefined });
  if (typeof service.definitions !== 'function') throw new CliError(`the service of ${modulePath} has no definitions() to take the check names from`);
  return service.definitions();
}
