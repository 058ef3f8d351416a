import { InversifyCoreError, InversifyCoreErrorKind } from '@inversifyjs/core';
import { injectable } from 'inversify';
import type { HealthCheckClass } from './CheckDefinition.js';

/**
 * @internal Applies inversify's `@injectable()` to a class that has no
 * `@injectable()` of its own yet, through inversify's public API only:
 * `injectable()` refuses a second application with an
 * `InversifyCoreError` of kind `injectionDecoratorConflict` (its public
 * error kinds, from `@inversifyjs/core`), and that refusal is the answer
 * "already injectable". Called once a class is fully declared (by {@link healthModule},
 * and for the base of a decorated subclass), so it never runs before a
 * user's own `@injectable()`, whichever order the decorators are written in.
 *
 * @throws whatever else `injectable()` throws.
 */
export function ensureInjectable(target: HealthCheckClass): void {
  try {
    injectable()(target);
  } catch (error) {
    if (!isAlreadyInjectable(error)) throw error;
  }
}

/** inversify's own answer, by its public error kind: `@injectable()` met a class that already has it. */
function isAlreadyInjectable(error: unknown): boolean {
  return InversifyCoreError.isErrorOfKind(error, InversifyCoreErrorKind.injectionDecoratorConflict);
}
