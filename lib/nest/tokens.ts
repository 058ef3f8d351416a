/** @internal The Nest token of the resolved {@link PulsecheckModuleOptions}. */
export const PULSECHECK_OPTIONS = Symbol.for('pulsecheck.nest.Options');

/** @internal The Nest token of the module's {@link HealthEndpoints}. */
export const PULSECHECK_ENDPOINTS = Symbol.for('pulsecheck.nest.Endpoints');
