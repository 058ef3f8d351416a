import type { ModuleRef } from '@nestjs/core';
import type { Container, ServiceIdentifier } from 'inversify';
import type { CheckDependency } from './checkDependencies.js';

/**
 * @internal Binds, in pulsecheck's inversify container, every dependency of
 * the checks that the container does not bind itself, to the instance Nest
 * holds (`moduleRef.get(token, { strict: false })`: any module of the
 * application). Called from `onModuleInit`, once Nest has built every
 * provider (an async factory's value included), so nothing is waited for.
 *
 * @throws Error naming the check, the parameter and the token when neither
 *   container has a required dependency, or Nest's value for it is `null`
 *   or `undefined`.
 */
export function resolveNestDependencies(container: Container, dependencies: readonly CheckDependency[], moduleRef: ModuleRef): void {
  const bound = new Set<ServiceIdentifier>();
  for (const dependency of dependencies) {
    const { token } = dependency;
    if (bound.has(token) || container.isBound(token)) continue;
    const value = fromNest(dependency, moduleRef);
    if (value === missing) {
      if (dependency.optional) continue;
      throw new Error(
        `PulsecheckModule: ${dependency.check.name} needs ${describeToken(token)} (${dependency.where}), which no Nest module provides ` +
          'and pulsecheck does not bind: add a provider for it to a module of the application',
      );
    }
    const empty = dependency.multiple && Array.isArray(value) ? value.some((each) => each === undefined || each === null) : value === undefined || value === null;
    if (empty) {
      if (dependency.optional) continue;
      throw new Error(
        `PulsecheckModule: ${dependency.check.name} needs ${describeToken(token)} (${dependency.where}); ` +
          `Nest's provider for it holds ${String(value)}: make its factory return the client`,
      );
    }
    bound.add(token);
    if (dependency.multiple && Array.isArray(value)) {
      for (const each of value) container.bind(token).toConstantValue(each);
    } else {
      container.bind(token).toConstantValue(value);
    }
  }
}

const missing = Symbol('missing');

function fromNest(dependency: CheckDependency, moduleRef: ModuleRef): unknown {
  try {
    return dependency.multiple
      ? moduleRef.get(dependency.token as never, { strict: false, each: true })
      : moduleRef.get(dependency.token as never, { strict: false });
  } catch {
    return missing;
  }
}

/** A token as a reader would write it: `Symbol(pulsecheck.PgPool)`, `'CONFIG'`, `class PaymentsClient`. */
export function describeToken(token: ServiceIdentifier): string {
  if (typeof token === 'symbol') return token.toString();
  if (typeof token === 'string') return `'${token}'`;
  if (typeof token === 'function') return `class ${token.name === '' ? '(anonymous)' : token.name}`;
  return String(token);
}
