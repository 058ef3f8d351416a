import type { ModuleRef } from '@nestjs/core';
import { Container } from 'inversify';
import { bindHealthModule } from '../core/bindHealthModule.js';
import { checkClasses } from '../core/checkClasses.js';
import { HealthService } from '../core/HealthService.js';
import { HEALTH_MODULE_SCHEMA } from '../core/validateHealthModuleOptions.js';
import { pickOptions } from '../options/pickOptions.js';
import { checkDependencies } from './checkDependencies.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { resolveNestDependencies } from './resolveNestDependencies.js';

/**
 * @internal Builds the {@link pulsecheck!HealthService | HealthService} of a {@link PulsecheckModule}
 * in an inversify container of its own, as {@link pulsecheck!healthModule | healthModule} does, with
 * each dependency of the checks taken from Nest (see
 * {@link resolveNestDependencies}).
 *
 * @param options - The module's options, as `forRoot` (or `forRootAsync`'s
 *   factory provider) validated them: their `healthModule` part is taken
 *   as is, not checked again.
 */
export async function createNestHealthService(options: Readonly<PulsecheckModuleOptions>, moduleRef: ModuleRef): Promise<HealthService> {
  const valid = pickOptions(HEALTH_MODULE_SCHEMA, options);
  const container = new Container();
  container.load(bindHealthModule(valid));
  await resolveNestDependencies(container, checkDependencies(checkClasses(valid)), moduleRef);
  return container.get(HealthService);
}
