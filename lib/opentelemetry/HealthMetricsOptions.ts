import type { Meter, MeterProvider } from '@opentelemetry/api';

/**
 * Where {@link registerHealthMetrics} creates its instruments: give a
 * `meter`, or a `meterProvider` (a meter named `pulsecheck` is taken from
 * it), or neither (the global meter provider of `@opentelemetry/api`).
 *
 * @example
 * ```ts
 * import { MeterProvider } from '@opentelemetry/sdk-metrics';
 * import type { HealthMetricsOptions } from 'pulsecheck/opentelemetry';
 *
 * const options: HealthMetricsOptions = { meterProvider: new MeterProvider() };
 * console.log('meterProvider' in options); // true
 * ```
 */
export interface HealthMetricsOptions {
  /** The meter to create the instruments with. Not together with `meterProvider`. */
  readonly meter?: Meter;
  /** The provider to get a meter named `pulsecheck` from. Not together with `meter`. */
  readonly meterProvider?: MeterProvider;
}
