import type { ComponentType } from '../report/ComponentType.js';
import type { FailAfter } from './FailAfter.js';
import type { HealthCheck } from './HealthCheck.js';

/**
 * A class that builds a {@link HealthCheck}; its constructor arguments come
 * from the container.
 *
 * @example
 * ```ts
 * import { HealthCheck, type HealthCheckClass } from 'pulsecheck';
 *
 * class AlwaysWorking extends HealthCheck { check(): void {} }
 * const checks: HealthCheckClass[] = [AlwaysWorking];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructor parameters are whatever the container injects
export type HealthCheckClass = abstract new (...args: any[]) => HealthCheck;

/**
 * A check class as recorded by {@link registerHealthCheck}, with every
 * option resolved to its value.
 *
 * @example
 * ```ts
 * import { defaultRegistry } from 'pulsecheck';
 *
 * for (const definition of defaultRegistry.list()) {
 *   console.log(definition.name, definition.critical, definition.tags);
 * }
 * ```
 */
export interface CheckDefinition {
  /** The decorated class. */
  readonly target: HealthCheckClass;
  /** The name in reports. */
  readonly name: string;
  /** Whether a failure fails the report. */
  readonly critical: boolean;
  /** The check's own timeout, if it set one (else the module default applies). */
  readonly timeoutMs: number | undefined;
  /** The check's tags. */
  readonly tags: readonly string[];
  /** The human description, if any. */
  readonly description: string | undefined;
  /** The check's own cache TTL, if it set one (else the module default applies). */
  readonly cacheTtlMs: number | undefined;
  /** The check's own `failAfter`, if it set one (else the module default applies). */
  readonly failAfter?: FailAfter | undefined;
  /** The check's own `recoverAfter`, if it set one (else the module default applies). */
  readonly recoverAfter?: number | undefined;
  /** The check's own background interval, if it set one (else the one given to `start()` applies). */
  readonly intervalMs?: number | undefined;
  /** The check's delay before its first background execution, if it set one (else none). */
  readonly initialDelayMs?: number | undefined;
  /** The names of the checks it depends on; present only when it names any. */
  readonly dependsOn?: readonly string[];
  /** The endpoints a failure affects (URI templates); present only when it names any. */
  readonly affectedEndpoints?: readonly string[];
  /**
   * The class's `componentType` from its static `traits` ({@link CheckTraits}),
   * read when the definition is made; present only for `datastore` and
   * `system` (any other check is a `component`).
   */
  readonly componentType?: Exclude<ComponentType, 'component'>;
}
