import { injectable } from 'inversify';
import type { HealthCheckClass } from './CheckDefinition.js';

/**
 * @internal Applies inversify's `@injectable()` to a class that has no
 * `@injectable()` of its own yet, through inversify's public API only:
 * `injectable()` refuses a second application ("Cannot apply @injectable
 * decorator multiple times"), and that refusal is the answer "already
 * injectable". Called once a class is fully declared (by {@link healthModule},
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

function isAlreadyInjectable(error: unknown): boolean {
  return error instanceof Error && /@injectable decorator multiple times/.test(error.message);
}
