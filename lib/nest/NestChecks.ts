import type { ModuleRef } from '@nestjs/core';
import { Container } from 'inversify';
import { bindHealthModule } from '../core/bindHealthModule.js';
import { checkClasses } from '../core/checkClasses.js';
import { DeferredCheck } from '../core/DeferredCheck.js';
import type { HealthCheck } from '../core/HealthCheck.js';
import { HealthService } from '../core/HealthService.js';
import { SERVICE_OPTION_SCHEMA } from '../core/HealthServiceOptions.js';
import { HEALTH_MODULE_SCHEMA } from '../core/validateHealthModuleOptions.js';
import { pickOptions } from '../options/pickOptions.js';
import { checkDependencies } from './checkDependencies.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { resolveNestDependencies } from './resolveNestDependencies.js';

/**
 * @internal The {@link pulsecheck!HealthService | HealthService} of a {@link PulsecheckModule} and
 * the checks it runs, built in two steps that follow Nest's lifecycle:
 *
 * 1. when Nest builds the module's providers, the service, at once, with
 *    one {@link DeferredCheck} per check class (so it can be injected
 *    anywhere, as any provider can);
 * 2. in `onModuleInit` ({@link PulsecheckLifecycle}), once Nest has built
 *    every provider of the application (an async factory's value
 *    included), the check instances, in an inversify container of their
 *    own (as {@link pulsecheck!healthModule | healthModule} builds them),
 *    each dependency taken from Nest (see {@link resolveNestDependencies}).
 *
 * No step waits nor polls: Nest's lifecycle orders them. A run before step
 * 2 waits for it under each check's timeout.
 */
export class NestChecks {
  /** The service, running the deferred checks. */
  readonly service: HealthService;
  readonly #deferred: readonly DeferredCheck[];
  readonly #container = new Container();
  #built = false;

  /**
   * @param options - The module's options, as `forRoot` (or `forRootAsync`'s
   *   factory provider) validated them: their `healthModule` part is taken
   *   as is, not checked again.
   */
  constructor(options: Readonly<PulsecheckModuleOptions>) {
    const valid = pickOptions(HEALTH_MODULE_SCHEMA, options);
    // Binds the check classes (refusing one inversify cannot build, now rather than at onModuleInit).
    this.#container.load(bindHealthModule(valid));
    this.#deferred = checkClasses(valid).map((target) => new DeferredCheck(target));
    this.service = new HealthService(this.#deferred, pickOptions(SERVICE_OPTION_SCHEMA, valid));
  }

  /**
   * Builds each check with its dependencies from Nest and hands it to the
   * service. Called once, from `onModuleInit`; later calls do nothing.
   *
   * @throws Error naming the check, the parameter and the token when neither
   *   container has a required dependency (and every run of the service
   *   fails with that error from then on).
   */
  build(moduleRef: ModuleRef): void {
    if (this.#built) return;
    this.#built = true;
    try {
      resolveNestDependencies(this.#container, checkDependencies(this.#deferred.map((each) => each.target)), moduleRef);
      // Every class is bound (bindHealthModule): get() builds it, or throws what its constructor throws.
      const instances = this.#deferred.map((each): HealthCheck => this.#container.get<HealthCheck>(each.target as never));
      this.#deferred.forEach((each, index) => {
        each.resolve(instances[index] as HealthCheck);
      });
    } catch (error) {
      for (const each of this.#deferred) each.fail(error);
      throw error;
    }
  }
}
