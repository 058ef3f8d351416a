import type { ModuleRef } from '@nestjs/core';
import { Container } from 'inversify';
import { defaultRegistry } from '../core/defaultRegistry.js';
import { healthModule } from '../core/healthModule.js';
import { HealthService } from '../core/HealthService.js';
import { SERVICE_OPTION_KEYS } from '../core/HealthServiceOptions.js';
import { checkDependencies } from './checkDependencies.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { resolveNestDependencies } from './resolveNestDependencies.js';

/**
 * @internal Builds the {@link pulsecheck!HealthService | HealthService} of a {@link PulsecheckModule}
 * in an inversify container of its own, as {@link pulsecheck!healthModule | healthModule} does, with
 * each dependency of the checks taken from Nest (see
 * {@link resolveNestDependencies}).
 */
export async function createNestHealthService(options: PulsecheckModuleOptions, moduleRef: ModuleRef): Promise<HealthService> {
  const moduleOptions: Record<string, unknown> = {};
  for (const key of [...SERVICE_OPTION_KEYS, 'registry', 'checks'] as const) {
    if (options[key] !== undefined) moduleOptions[key] = options[key];
  }
  // Validates the checks and the service options, as for any container.
  const module = healthModule(moduleOptions);
  const classes = options.checks ?? (options.registry ?? defaultRegistry).list().map((definition) => definition.target);
  const container = new Container();
  container.load(module);
  await resolveNestDependencies(container, checkDependencies(classes), moduleRef);
  return container.get(HealthService);
}
