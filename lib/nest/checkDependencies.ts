import { LazyServiceIdentifier, type ServiceIdentifier } from 'inversify';
import type { HealthCheckClass } from '../core/CheckDefinition.js';

/** @internal One dependency of a check class, as inversify's metadata records it. */
export interface CheckDependency {
  /** The check class that asks for it. */
  readonly check: HealthCheckClass;
  /** Where: `constructor parameter #0 (pool)` or `property 'pool'`. */
  readonly where: string;
  /** The service identifier (an `@inject` token, or the parameter's class). */
  readonly token: ServiceIdentifier;
  /** `@optional()`: may stay unresolved. */
  readonly optional: boolean;
  /** `@multiInject()`: every provider of the token. */
  readonly multiple: boolean;
}

/**
 * The key under which inversify 8 (`@inversifyjs/core`) keeps a class's
 * injection metadata. inversify does not export a reader of its own; the
 * shape read here is pinned by spec/nest/checkDependencies.spec.ts, so an
 * upgrade that changes it fails there first.
 */
const classMetadataKey = '@inversifyjs/core/classMetadataReflectKey';
const multipleInjection = 0;
const singleInjection = 1;

interface ElementMetadata {
  readonly kind: number;
  readonly value?: unknown;
  readonly optional?: boolean;
}

/**
 * @internal What each check class asks inversify for (constructor
 * parameters and injected properties), in declaration order; `unmanaged`
 * parameters are left out.
 *
 * @throws TypeError when a class has no readable injection metadata.
 */
export function checkDependencies(classes: readonly HealthCheckClass[]): CheckDependency[] {
  const found: CheckDependency[] = [];
  for (const check of classes) {
    const metadata: unknown = Reflect.getOwnMetadata(classMetadataKey, check);
    if (metadata === undefined) continue; // no @inject and no injectable(): a class without dependencies
    if (typeof metadata !== 'object' || metadata === null) throw new TypeError(`PulsecheckModule: cannot read the injection metadata of ${check.name}`);
    const { constructorArguments, properties } = metadata as { constructorArguments?: unknown; properties?: unknown };
    const names = parameterNames(check);
    if (Array.isArray(constructorArguments)) {
      constructorArguments.forEach((element: unknown, index) => {
        const name = names[index];
        const dependency = toDependency(check, `constructor parameter #${index}${name === undefined ? '' : ` (${name})`}`, element);
        if (dependency !== undefined) found.push(dependency);
      });
    }
    if (properties instanceof Map) {
      for (const [key, element] of properties as Map<unknown, unknown>) {
        const dependency = toDependency(check, `property ${typeof key === 'symbol' ? key.toString() : `'${String(key)}'`}`, element);
        if (dependency !== undefined) found.push(dependency);
      }
    }
  }
  return found;
}

function toDependency(check: HealthCheckClass, where: string, element: unknown): CheckDependency | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const { kind, value, optional } = element as ElementMetadata;
  if (kind !== singleInjection && kind !== multipleInjection) return undefined;
  const token = value instanceof LazyServiceIdentifier ? (value.unwrap() as ServiceIdentifier) : value;
  if (token === undefined || token === null) return undefined;
  return { check, where, token: token as ServiceIdentifier, optional: optional === true, multiple: kind === multipleInjection };
}

/**
 * The constructor's parameter names, read from its source, for error
 * messages only; empty when the source does not show them plainly. Linear:
 * one scan up to the first `)`.
 */
function parameterNames(target: HealthCheckClass): string[] {
  let source: string;
  try {
    source = Function.prototype.toString.call(target).slice(0, 10_000);
  } catch {
    return [];
  }
  const start = source.indexOf('constructor(');
  if (start === -1) return [];
  const end = source.indexOf(')', start);
  if (end === -1) return [];
  const names: string[] = [];
  // Up to the first part that is not a plain name (with or without a default): later ones could be misaligned.
  for (const part of source.slice(start + 'constructor('.length, end).split(',')) {
    const name = /^\s*([A-Za-z_$][\w$]*)\s*(?:=|$)/.exec(part)?.[1];
    if (name === undefined) break;
    names.push(name);
  }
  return names;
}
