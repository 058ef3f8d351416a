import type { OptionRule } from '../options/OptionRule.js';
import { optionRules } from '../options/optionRules.js';
import { HealthCheckRegistry } from './HealthCheckRegistry.js';

/**
 * @internal The rule of every `registry` option ({@link registerHealthCheck},
 * {@link healthModule}, `PulsecheckModule.forRoot`): a
 * {@link HealthCheckRegistry} (TypeError otherwise).
 */
export const REGISTRY_RULE: OptionRule<HealthCheckRegistry> = optionRules.custom('a HealthCheckRegistry', (value): value is HealthCheckRegistry => value instanceof HealthCheckRegistry);
