import { injectable, unmanaged } from 'inversify';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { CheckContext } from '../../core/CheckContext.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import type { MemoryHealthCheckOptions } from './MemoryHealthCheckOptions.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionDefaults } from '../../options/optionDefaults.js';
import { validateOptions } from '../../options/validateOptions.js';
import { formatBytes } from '../../core/formatBytes.js';
import { applyThreshold, formatPercent, round2, orderThreshold, thresholdRule, type ThresholdSpec } from './thresholds.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

const specs = {
  heapUsedPercent: { option: 'heapUsedPercent', direction: 'above', percent: true },
  heapUsedBytes: { option: 'heapUsedBytes', direction: 'above', percent: false },
  rssPercent: { option: 'rssPercent', direction: 'above', percent: true },
  rssBytes: { option: 'rssBytes', direction: 'above', percent: false },
} as const satisfies Record<keyof MemoryHealthCheckOptions, ThresholdSpec>;

/** The schema of {@link MemoryHealthCheckOptions}: rules and defaults. */
const MEMORY_HEALTH_CHECK_SCHEMA = {
  heapUsedPercent: thresholdRule(specs.heapUsedPercent, { warn: 85, fail: 95 }),
  heapUsedBytes: thresholdRule(specs.heapUsedBytes, {}),
  rssPercent: thresholdRule(specs.rssPercent, { warn: 85, fail: 95 }),
  rssBytes: thresholdRule(specs.rssBytes, {}),
} as const satisfies OptionSchema<MemoryHealthCheckOptions>;

const defaults = optionDefaults(MEMORY_HEALTH_CHECK_SCHEMA) as Required<MemoryHealthCheckOptions>;

/**
 * Checks this process's memory: the V8 heap in use against the heap size
 * limit, and the resident set size (RSS) against the memory the process may
 * use (its container's cgroup limit, else the machine's memory), each against
 * a warn and a fail {@link Threshold}, in percent and/or bytes (see
 * {@link MemoryHealthCheckOptions} for the defaults). Crossing a warn
 * threshold makes the check `warn`, a fail threshold `fail`.
 *
 * Observes `heapUsed`, `heapLimit`, `rss`, `memoryLimit` (bytes),
 * `heapUsedPercent` and `rssPercent` (%). It reads the numbers when it runs
 * and starts nothing in the background.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass, with no constructor for the defaults, or with one that passes
 * options to `super`. Options are validated when the check is constructed.
 *
 * @example
 * ```ts
 * import { MemoryHealthCheck, registerHealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ tags: ['live'] })
 * class ProcessMemoryHealthCheck extends MemoryHealthCheck {}
 *
 * @registerHealthCheck({ name: 'HeapHealthCheck', critical: false })
 * class HeapHealthCheck extends MemoryHealthCheck {
 *   constructor() {
 *     super({ heapUsedPercent: { warn: 70, fail: 90 }, rssPercent: {} });
 *   }
 * }
 * ```
 */
@injectable()
export class MemoryHealthCheck extends HealthCheck {
  /** A `system`, in-process (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'system', externalDependency: false };

  /** The limits in force: the options given, each missing one at its default. */
  readonly options: Readonly<Required<MemoryHealthCheckOptions>>;

  /**
   * @param options - The limits; each one left out keeps its default.
   * @throws TypeError when `options` is not an object, has an unknown key, or
   *   a limit is not an object with only `warn` and `fail`.
   * @throws RangeError when a limit is not a positive finite number, a
   *   percentage exceeds 100, or `warn` exceeds `fail`.
   */
  constructor(@unmanaged() options: MemoryHealthCheckOptions = {}) {
    super();
    const owner = new.target.name;
    const valid = validateOptions(MEMORY_HEALTH_CHECK_SCHEMA, options, owner);
    this.options = Object.freeze({
      heapUsedPercent: orderThreshold(valid.heapUsedPercent ?? defaults.heapUsedPercent, specs.heapUsedPercent, owner),
      heapUsedBytes: orderThreshold(valid.heapUsedBytes ?? defaults.heapUsedBytes, specs.heapUsedBytes, owner),
      rssPercent: orderThreshold(valid.rssPercent ?? defaults.rssPercent, specs.rssPercent, owner),
      rssBytes: orderThreshold(valid.rssBytes ?? defaults.rssBytes, specs.rssBytes, owner),
    });
  }

  /**
   * Reads the memory numbers once and compares them with the limits.
   *
   * @param context - Receives the observations, warnings and errors.
   */
  check(context: CheckContext): void {
    const heap = getHeapStatistics();
    const heapUsed = heap.used_heap_size;
    const heapLimit = heap.heap_size_limit;
    const rss = process.memoryUsage.rss();
    const memoryLimit = memoryLimitBytes();
    const heapUsedPercent = (heapUsed / heapLimit) * 100;
    const rssPercent = (rss / memoryLimit) * 100;

    context.observe('heapUsed', heapUsed, 'bytes');
    context.observe('heapLimit', heapLimit, 'bytes');
    context.observe('heapUsedPercent', round2(heapUsedPercent), '%');
    context.observe('rss', rss, 'bytes');
    context.observe('memoryLimit', memoryLimit, 'bytes');
    context.observe('rssPercent', round2(rssPercent), '%');

    const { options } = this;
    applyThreshold(context, 'heap used', heapUsedPercent, options.heapUsedPercent, 'above', formatPercent, ` of the ${formatBytes(heapLimit)} heap limit`);
    applyThreshold(context, 'heap used', heapUsed, options.heapUsedBytes, 'above', formatBytes);
    applyThreshold(context, 'RSS', rssPercent, options.rssPercent, 'above', formatPercent, ` of the ${formatBytes(memoryLimit)} memory limit`);
    applyThreshold(context, 'RSS', rss, options.rssBytes, 'above', formatBytes);
  }
}

/** The memory this process may use: its cgroup limit when there is one below the machine's memory. */
function memoryLimitBytes(): number {
  const machine = totalmem();
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  return constrained > 0 && constrained < machine ? constrained : machine;
}
