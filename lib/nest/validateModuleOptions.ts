import type { RunOptions } from '../core/RunOptions.js';
import { validateHealthModuleOptions } from '../core/validateHealthModuleOptions.js';
import { DEFAULT_HEALTH_ROUTES } from '../http/defaultHealthRoutes.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';

/**
 * @internal Validates a {@link PulsecheckModule}'s options by `schema`
 * (`PULSECHECK_MODULE_SCHEMA`, or a part of it), with the two rules that
 * join options (`registry` or `checks`, `path` or `routes`), naming `where`:
 * the function the user called.
 *
 * @returns A frozen, validated copy: `healthModule()`, `healthEndpoints()`
 *   and the `HealthService` take their parts of it without checking again.
 * @throws TypeError or RangeError naming the option.
 */
export function validateModuleOptions<T extends Partial<PulsecheckModuleOptions>>(schema: OptionSchema<T>, options: unknown, where: string): Readonly<T> {
  const valid = validateHealthModuleOptions(schema, options, where);
  if (valid.path !== undefined && valid.routes !== undefined) throw new TypeError(`${where}: give either path or routes, not both`);
  return valid;
}

/** @internal The route table the options ask for: `routes`, or the four default routes under `path`; empty for `path: false`. */
export function routeTable(options: Pick<PulsecheckModuleOptions, 'path' | 'routes'>): Readonly<Record<string, RunOptions>> {
  if (options.routes !== undefined) return options.routes;
  if (options.path === false) return {};
  const base = trimTrailingSlashes(options.path ?? '/health');
  const table: Record<string, RunOptions> = {};
  for (const [path, run] of Object.entries(DEFAULT_HEALTH_ROUTES)) {
    const rest = path.slice('/health'.length);
    table[base === '' && rest === '' ? '/' : `${base}${rest}`] = run;
  }
  return table;
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end -= 1;
  return path.slice(0, end);
}
