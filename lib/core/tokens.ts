import type { ServiceIdentifier } from 'inversify';
import type { HealthCheck } from './HealthCheck.js';
import type { HealthServiceOptions } from './HealthServiceOptions.js';

/**
 * The service identifier every check is bound under by {@link healthModule};
 * {@link HealthService} receives them all with `@multiInject(HEALTH_CHECK)`.
 * Bind your own instances under it to add checks without the decorator.
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HEALTH_CHECK, HealthCheck } from 'pulsecheck';
 *
 * class AlwaysWorking extends HealthCheck { check(): void {} }
 * const container = new Container();
 * container.bind(HEALTH_CHECK).toConstantValue(new AlwaysWorking());
 * ```
 */
export const HEALTH_CHECK: ServiceIdentifier<HealthCheck> = Symbol.for('pulsecheck.HealthCheck');

/**
 * The service identifier of the {@link HealthServiceOptions} that
 * {@link healthModule} binds from its own options; {@link HealthService}
 * reads it (optionally).
 *
 * @example
 * ```ts
 * import { Container } from 'inversify';
 * import { HEALTH_SERVICE_OPTIONS, HealthService } from 'pulsecheck';
 *
 * const container = new Container();
 * container.bind(HEALTH_SERVICE_OPTIONS).toConstantValue({ defaultTimeoutMs: 500 });
 * container.bind(HealthService).toSelf().inSingletonScope();
 * ```
 */
export const HEALTH_SERVICE_OPTIONS: ServiceIdentifier<HealthServiceOptions> = Symbol.for('pulsecheck.HealthServiceOptions');
