import type { CheckResult } from '../report/CheckResult.js';
import type { HealthCheck } from '../core/HealthCheck.js';
import { HealthCheck as HealthCheckBase } from '../core/HealthCheck.js';
import { definitionOf } from '../core/definitionOf.js';
import type { HealthCheckClass } from '../core/CheckDefinition.js';
import { executeCheck } from '../core/executeCheck.js';
import { effectiveTimeoutMs } from '../core/effectiveTimeoutMs.js';
import { ExecutionScope } from '../core/ExecutionScope.js';
import { PendingExecution } from '../core/PendingExecution.js';
import { DEFAULT_TIMEOUT_MS } from '../core/HealthServiceOptions.js';
import { internalFailure } from '../core/internalFailure.js';
import { optionRules } from '../options/optionRules.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { validateOptions } from '../options/validateOptions.js';
import type { RunCheckOptions } from './RunCheckOptions.js';

/** The schema of {@link RunCheckOptions}, and the `args` a class is constructed with. */
const RUN_CHECK_SCHEMA = {
  timeoutMs: optionRules.positiveMs,
  args: optionRules.custom('an array of constructor arguments', (value): value is readonly unknown[] => Array.isArray(value)),
} as const satisfies OptionSchema<RunCheckOptions & { readonly args?: readonly unknown[] }>;

/**
 * Runs one check once, without a container or a `HealthService`, and
 * returns its {@link CheckResult}: the same execution path as
 * `HealthService.run()` (same timeout handling, abort signal, error kinds,
 * redaction and observations), so the verdict is the one your endpoint
 * would serve. The name, criticality and tags come from the class's
 * `registerHealthCheck` options (or the class name, critical, no tags).
 *
 * Pass an instance, or a class and its constructor arguments.
 *
 * @param check - A {@link HealthCheck} instance, or a class extending it.
 * @param options - The timeout; with a class, `args` for its constructor.
 * @returns The frozen result; it never rejects because the check failed.
 * @throws TypeError when `check` is neither a HealthCheck nor a class extending it.
 * @throws RangeError when `timeoutMs` is not a positive number of milliseconds.
 *
 * @example
 * ```ts
 * import { HealthCheck, ServiceUnavailable } from 'pulsecheck';
 * import { runCheck } from 'pulsecheck/testing';
 *
 * class FlakyHealthCheck extends HealthCheck {
 *   constructor(private readonly up: boolean) {
 *     super();
 *   }
 *   check(): void {
 *     if (!this.up) throw new ServiceUnavailable('down');
 *   }
 * }
 *
 * const result = await runCheck(new FlakyHealthCheck(false), { timeoutMs: 100 });
 * console.log(result.output); // unavailable: down
 * const fromClass = await runCheck(FlakyHealthCheck, { args: [true] });
 * console.log(fromClass.status); // pass
 * ```
 */
export function runCheck(check: HealthCheck, options?: RunCheckOptions): Promise<CheckResult>;
export function runCheck<
  C extends {
    /** Builds the check from `args`. */
    new (...args: never[]): HealthCheck;
  },
>(check: C, options?: RunCheckOptions & { readonly args?: ConstructorParameters<C> }): Promise<CheckResult>;
export async function runCheck(check: unknown, options: RunCheckOptions & { readonly args?: readonly unknown[] } = {}): Promise<CheckResult> {
  const valid = validateOptions(RUN_CHECK_SCHEMA, options, 'runCheck');
  let instance: HealthCheck;
  if (check instanceof HealthCheckBase) {
    if (valid.args !== undefined) throw new TypeError('runCheck: args are for a class; got an instance');
    instance = check;
  } else if (typeof check === 'function' && (check as { prototype?: unknown }).prototype instanceof HealthCheckBase) {
    const args: readonly unknown[] = valid.args ?? [];
    instance = new (check as new (...args: unknown[]) => HealthCheck)(...args);
  } else {
    throw new TypeError(`runCheck: expected a HealthCheck instance or a class extending HealthCheck, got ${check === null ? 'null' : typeof check}`);
  }
  const definition = definitionOf(instance.constructor as HealthCheckClass);
  const timeoutMs = valid.timeoutMs ?? effectiveTimeoutMs(definition, DEFAULT_TIMEOUT_MS);
  const scope = new ExecutionScope();
  try {
    return await PendingExecution.promised(executeCheck(scope, definition, instance, timeoutMs));
  } catch (error) {
    return internalFailure(definition, error);
  } finally {
    // This scope runs nothing else: no timer is left behind.
    scope.timer.release();
  }
}
