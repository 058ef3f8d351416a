import { BACKGROUND_OPTION_KEYS } from '../core/BackgroundOptions.js';
import type { RunOptions } from '../core/RunOptions.js';
import { DEFAULT_HEALTH_ROUTES } from '../http/defaultHealthRoutes.js';
import { assertKnownKeys, assertNonNegativeMs, assertOptionalBoolean, describeValue } from '../core/validateOptions.js';
import { MODULE_OPTION_KEYS, type PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';

/**
 * @internal Checks what {@link pulsecheck!healthModule | healthModule} and {@link pulsecheck!healthEndpoints | healthEndpoints} do
 * not (they check the rest when the service is built): the keys, `path`
 * against `routes`, `drainDelayMs`, `background`, `global`.
 *
 * @throws TypeError or RangeError naming the option.
 */
export function validateModuleOptions(options: unknown, owner: string): asserts options is PulsecheckModuleOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner}: options must be an object, got ${describeValue(options)}`);
  }
  assertKnownKeys(options, MODULE_OPTION_KEYS, owner);
  const { path, routes, drainDelayMs, background, global } = options as PulsecheckModuleOptions;
  if (path !== undefined && path !== false && (typeof path !== 'string' || !path.startsWith('/'))) {
    throw new TypeError(`${owner}: path must be a string that starts with '/' (or false), got ${describeValue(path)}`);
  }
  if (path !== undefined && routes !== undefined) throw new TypeError(`${owner}: give either path or routes, not both`);
  if (routes !== undefined && (typeof routes !== 'object' || routes === null || Array.isArray(routes))) {
    throw new TypeError(`${owner}: routes must be an object mapping paths to run options, got ${describeValue(routes)}`);
  }
  if (drainDelayMs !== undefined) assertNonNegativeMs(drainDelayMs, 'drainDelayMs', owner);
  if (background !== undefined) {
    if (typeof background !== 'object' || background === null) throw new TypeError(`${owner}: background must be an object such as { intervalMs: 10_000 }, got ${describeValue(background)}`);
    assertKnownKeys(background, BACKGROUND_OPTION_KEYS, `${owner}: background`);
  }
  assertOptionalBoolean(global, 'global', owner);
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
