import { injectable, unmanaged } from 'inversify';
import { statfs } from 'node:fs/promises';
import type { CheckContext } from '../../core/CheckContext.js';
import { describeThrown } from '../../core/describeThrown.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import type { DiskSpaceHealthCheckOptions } from './DiskSpaceHealthCheckOptions.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { formatBytes } from '../../core/formatBytes.js';
import { applyThreshold, formatPercent, round2, orderThreshold, thresholdRule, type ThresholdSpec } from './thresholds.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

const specs = {
  freePercent: { option: 'freePercent', direction: 'below', percent: true },
  freeBytes: { option: 'freeBytes', direction: 'below', percent: false },
} as const satisfies Record<'freePercent' | 'freeBytes', ThresholdSpec>;

/** The schema of {@link DiskSpaceHealthCheckOptions}: rules and defaults (`path`'s, the working directory, is read at construction). */
const DISK_SPACE_HEALTH_CHECK_SCHEMA = {
  path: optionRules.nonEmptyString,
  freePercent: thresholdRule(specs.freePercent, { warn: 10, fail: 5 }),
  freeBytes: thresholdRule(specs.freeBytes, {}),
} as const satisfies OptionSchema<DiskSpaceHealthCheckOptions>;

/**
 * Checks the free space of the file system holding a path (`fs.statfs`):
 * below the warn {@link Threshold} the check is `warn`, below the fail one
 * `fail`, in percent and/or bytes (see {@link DiskSpaceHealthCheckOptions}
 * for the defaults). A path that cannot be read is `unavailable`.
 *
 * Observes `path`, `freeBytes`, `totalBytes` (bytes) and `freePercent` (%).
 * "Free" is the space available to the process, without the blocks a file
 * system reserves for root, so it can read lower than `df`'s complement of
 * `Use%`.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass, with no constructor for the defaults (the working directory's file
 * system), or with one that passes options to `super`. Options are validated
 * when the check is constructed.
 *
 * @example
 * ```ts
 * import { DiskSpaceHealthCheck, registerHealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ critical: false })
 * class WorkingDirectoryDiskHealthCheck extends DiskSpaceHealthCheck {}
 *
 * @registerHealthCheck({ name: 'UploadsDiskHealthCheck' })
 * class UploadsDiskHealthCheck extends DiskSpaceHealthCheck {
 *   constructor() {
 *     super({ path: '/var/lib/app/uploads', freePercent: { warn: 15, fail: 5 }, freeBytes: { fail: 2 * 1024 ** 3 } });
 *   }
 * }
 * ```
 */
@injectable()
export class DiskSpaceHealthCheck extends HealthCheck {
  /** A `system`, in-process (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'system', externalDependency: false };

  /** The path and limits in force: the options given, each missing one at its default. */
  readonly options: Readonly<Required<DiskSpaceHealthCheckOptions>>;

  /**
   * @param options - The path and limits; each one left out keeps its default.
   * @throws TypeError when `options` is not an object or has an unknown key,
   *   `path` is not a non-empty string, or a limit is not an object with only
   *   `warn` and `fail`.
   * @throws RangeError when a limit is not a positive finite number, a
   *   percentage exceeds 100, or `fail` exceeds `warn`.
   */
  constructor(@unmanaged() options: DiskSpaceHealthCheckOptions = {}) {
    super();
    const owner = new.target.name;
    const valid = validateOptions(DISK_SPACE_HEALTH_CHECK_SCHEMA, options, owner);
    this.options = Object.freeze({
      path: valid.path ?? process.cwd(),
      freePercent: orderThreshold(valid.freePercent ?? DISK_SPACE_HEALTH_CHECK_SCHEMA.freePercent.defaultValue, specs.freePercent, owner),
      freeBytes: orderThreshold(valid.freeBytes ?? DISK_SPACE_HEALTH_CHECK_SCHEMA.freeBytes.defaultValue, specs.freeBytes, owner),
    });
  }

  /**
   * Reads the file system's numbers once and compares them with the limits.
   *
   * @param context - Receives the observations, warnings and errors.
   * @throws ServiceUnavailable when the path's file system cannot be read.
   */
  async check(context: CheckContext): Promise<void> {
    const { path, freePercent, freeBytes } = this.options;
    context.observe('path', path);
    let stats: { bsize: number; blocks: number; bavail: number };
    try {
      stats = await statfs(path);
    } catch (error) {
      throw new ServiceUnavailable(`cannot read the file system of ${path}: ${describeThrown(error)}`, { cause: error });
    }
    const total = stats.blocks * stats.bsize;
    const free = stats.bavail * stats.bsize;
    const percent = total > 0 ? (free / total) * 100 : 0;
    context.observe('freeBytes', free, 'bytes');
    context.observe('totalBytes', total, 'bytes');
    context.observe('freePercent', round2(percent), '%');
    applyThreshold(context, `free space on ${path}`, percent, freePercent, 'below', formatPercent, ` of ${formatBytes(total)}`);
    applyThreshold(context, `free space on ${path}`, free, freeBytes, 'below', formatBytes);
  }
}
