import { ContainerModule } from 'inversify';
import { pickOptions } from '../options/pickOptions.js';
import { checkClasses } from './checkClasses.js';
import { ensureInjectable } from './ensureInjectable.js';
import type { HealthCheck } from './HealthCheck.js';
import type { HealthModuleOptions } from './healthModule.js';
import { HealthService } from './HealthService.js';
import { SERVICE_OPTION_SCHEMA } from './HealthServiceOptions.js';
import { HEALTH_CHECK, HEALTH_SERVICE_OPTIONS } from './tokens.js';

/**
 * @internal The module {@link healthModule} returns, from options already
 * validated by {@link validateHealthModuleOptions} (by `healthModule` or by
 * `PulsecheckModule.forRoot`): binds each check class as a singleton under
 * its class and under {@link HEALTH_CHECK}, the service options (marked
 * valid, so the `HealthService` constructor does not check them again) and
 * {@link HealthService}.
 *
 * @param valid - The frozen object the validation returned.
 */
export function bindHealthModule(valid: Readonly<HealthModuleOptions>): ContainerModule {
  const classes = checkClasses(valid);
  const serviceOptions = pickOptions(SERVICE_OPTION_SCHEMA, valid);

  // Every decorator has run by now, so this never precedes a user's own @injectable().
  for (const target of classes) ensureInjectable(target);

  return new ContainerModule(({ bind }) => {
    for (const target of classes) {
      // HealthCheckClass is an abstract constructor type; every class that reaches here is concrete.
      const concrete = target as unknown as new () => HealthCheck;
      bind(concrete).toSelf().inSingletonScope();
      bind(HEALTH_CHECK).toService(concrete);
    }
    bind(HEALTH_SERVICE_OPTIONS).toConstantValue(serviceOptions);
    bind(HealthService).toSelf().inSingletonScope();
  });
}
