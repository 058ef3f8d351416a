import { ClassElementMetadataKind, getClassMetadata, type ClassElementMetadata } from '@inversifyjs/core';
import { LazyServiceIdentifier, type ServiceIdentifier } from 'inversify';
import type { HealthCheckClass } from '../core/CheckDefinition.js';

/** @internal One dependency of a check class, as inversify's metadata records it. */
export interface CheckDependency {
  /** The check class that asks for it. */
  readonly check: HealthCheckClass;
  /** Where: `constructor parameter #0` or `property 'pool'`. */
  readonly where: string;
  /** The service identifier (an `@inject` token, or the parameter's class). */
  readonly token: ServiceIdentifier;
  /** `@optional()`: may stay unresolved. */
  readonly optional: boolean;
  /** `@multiInject()`: every provider of the token. */
  readonly multiple: boolean;
}

/**
 * @internal What each check class asks inversify for (constructor
 * parameters and injected properties), in declaration order; `unmanaged`
 * parameters are left out. Read through `@inversifyjs/core`'s public
 * `getClassMetadata()` and its `ClassElementMetadataKind` (the package
 * inversify 8 is built on, and whose metadata its container reads), so no
 * private reflect key and no constructor source is read.
 *
 * @throws what `getClassMetadata()` throws for a class whose metadata
 *   inversify itself could not use (the container would refuse it too).
 */
export function checkDependencies(classes: readonly HealthCheckClass[]): CheckDependency[] {
  const found: CheckDependency[] = [];
  for (const check of classes) {
    // HealthCheckClass is an abstract constructor type; every class that reaches here is concrete.
    const metadata = getClassMetadata(check as unknown as Parameters<typeof getClassMetadata>[0]);
    metadata.constructorArguments.forEach((element, index) => {
      const dependency = toDependency(check, `constructor parameter #${index}`, element);
      if (dependency !== undefined) found.push(dependency);
    });
    for (const [key, element] of metadata.properties) {
      const dependency = toDependency(check, `property ${typeof key === 'symbol' ? key.toString() : `'${key}'`}`, element);
      if (dependency !== undefined) found.push(dependency);
    }
  }
  return found;
}

function toDependency(check: HealthCheckClass, where: string, element: ClassElementMetadata | undefined): CheckDependency | undefined {
  if (element === undefined || element.kind === ClassElementMetadataKind.unmanaged) return undefined;
  const token: ServiceIdentifier = element.value instanceof LazyServiceIdentifier ? element.value.unwrap() : element.value;
  return { check, where, token, optional: element.optional, multiple: element.kind === ClassElementMetadataKind.multipleInjection };
}
