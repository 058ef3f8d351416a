import type { HealthCheckClass } from './CheckDefinition.js';
import { describeClass } from './describeClass.js';
import { HealthCheck } from './HealthCheck.js';

/** @internal Throws a TypeError (`<where>: class Foo does not extend HealthCheck`) unless `target` is a class extending {@link HealthCheck}. */
export function assertHealthCheckClass(target: unknown, where: string): asserts target is HealthCheckClass {
  const prototype: unknown = typeof target === 'function' ? (target as { prototype?: unknown }).prototype : undefined;
  if (!(prototype instanceof HealthCheck)) {
    throw new TypeError(`${where}: ${describeClass(target)} does not extend HealthCheck`);
  }
}
