import type { ModuleRef } from '@nestjs/core';
import type { Container, ServiceIdentifier } from 'inversify';
import type { CheckDependency } from './checkDependencies.js';

/** How long a dependency that Nest has but has not built yet (an async factory still running) is waited for. */
const readyWithinMs = 30_000;
const pollMs = 10;

/**
 * @internal Binds, in pulsecheck's inversify container, every dependency of
 * the checks that the container does not bind itself, to the instance Nest
 * holds (`moduleRef.get(token, { strict: false })`: any module of the
 * application). Nest builds providers concurrently, so an async factory's
 * value may not exist yet when the health service is built (Nest holds
 * `null` until the factory returns): it is waited for (up to 30 s), polling
 * every 10 ms.
 *
 * @throws Error naming the check, the parameter and the token when neither
 *   container has a required dependency, or Nest's value never comes.
 */
export async function resolveNestDependencies(container: Container, dependencies: readonly CheckDependency[], moduleRef: ModuleRef): Promise<void> {
  // Let every provider that Nest builds without waiting for I/O finish first.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const bound = new Set<ServiceIdentifier>();
  for (const dependency of dependencies) {
    const { token } = dependency;
    if (bound.has(token) || container.isBound(token)) continue;
    const value = await fromNest(dependency, moduleRef);
    if (value === missing) {
      if (dependency.optional) continue;
      throw new Error(
        `PulsecheckModule: ${dependency.check.name} needs ${describeToken(token)} (${dependency.where}), which no Nest module provides ` +
          'and pulsecheck does not bind: add a provider for it to a module of the application',
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

async function fromNest(dependency: CheckDependency, moduleRef: ModuleRef): Promise<unknown> {
  const started = Date.now();
  for (;;) {
    let value: unknown;
    try {
      value = dependency.multiple
        ? moduleRef.get(dependency.token as never, { strict: false, each: true })
        : moduleRef.get(dependency.token as never, { strict: false });
    } catch {
      return missing;
    }
    // Nest's instance of a factory provider is null (or undefined) until the factory has returned.
    const ready = Array.isArray(value) && dependency.multiple ? value.every((each) => each !== undefined && each !== null) : value !== undefined && value !== null;
    if (ready) return value;
    if (Date.now() - started >= readyWithinMs) {
      throw new Error(
        `PulsecheckModule: ${dependency.check.name} needs ${describeToken(dependency.token)} (${dependency.where}); ` +
          `Nest has a provider for it, but it was still null or undefined after ${readyWithinMs} ms`,
      );
    }
    await new Promise<void>((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A token as a reader would write it: `Symbol(pulsecheck.PgPool)`, `'CONFIG'`, `class PaymentsClient`. */
export function describeToken(token: ServiceIdentifier): string {
  if (typeof token === 'symbol') return token.toString();
  if (typeof token === 'string') return `'${token}'`;
  if (typeof token === 'function') return `class ${token.name === '' ? '(anonymous)' : token.name}`;
  return String(token);
}
