import type { DynamicModule, ForwardReference, InjectionToken, OptionalFactoryDependency, Type } from '@nestjs/common';
import type { RunOptions } from '../core/RunOptions.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';

/**
 * What {@link PulsecheckModuleAsyncOptions.useFactory} returns: every
 * {@link PulsecheckModuleOptions} but `path`, `routes` and `global`.
 *
 * @example
 * ```ts
 * import type { PulsecheckModuleFactoryOptions } from 'pulsecheck/nest';
 *
 * const made: PulsecheckModuleFactoryOptions = { defaultTimeoutMs: 500, detail: 'status' };
 * console.log(made.detail);
 * ```
 */
export type PulsecheckModuleFactoryOptions = Omit<PulsecheckModuleOptions, 'path' | 'routes' | 'global'>;

/**
 * Options of {@link PulsecheckModule.forRootAsync}: the module's options
 * come from a factory that Nest calls with the providers named in
 * `inject` (from the modules in `imports`, or global ones), say a config
 * service.
 *
 * @example
 * ```ts
 * import type { PulsecheckModuleAsyncOptions } from 'pulsecheck/nest';
 *
 * const HEALTH_CONFIG = Symbol('HealthConfig');
 * const options: PulsecheckModuleAsyncOptions = {
 *   inject: [HEALTH_CONFIG],
 *   useFactory: (config: { timeoutMs: number }) => ({ defaultTimeoutMs: config.timeoutMs }),
 * };
 * console.log(options.inject);
 * ```
 */
export interface PulsecheckModuleAsyncOptions {
  /**
   * Modules whose exported providers `inject` names.
   * @defaultValue `[]`
   */
  readonly imports?: readonly (Type | DynamicModule | Promise<DynamicModule> | ForwardReference)[];
  /**
   * The providers passed to `useFactory`, in order.
   * @defaultValue `[]`
   */
  readonly inject?: readonly (InjectionToken | OptionalFactoryDependency)[];
  /**
   * Returns the module's options (or a promise of them), all but `path`,
   * `routes` and `global`, which Nest must know before the factory runs:
   * give those here, to `forRootAsync` itself (a factory that returns one
   * of them is refused at startup, naming it).
   */
  // Nest passes the injected providers untyped, as its own factory providers do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly useFactory: (...args: any[]) => PulsecheckModuleFactoryOptions | Promise<PulsecheckModuleFactoryOptions>;
  /**
   * Registers the module as global (see {@link PulsecheckModuleOptions.global});
   * given here because Nest must know it before the factory runs.
   * @defaultValue `true`
   */
  readonly global?: boolean;
  /**
   * Where the routes are served (see {@link PulsecheckModuleOptions.path});
   * given here because Nest must know the routes before the factory runs.
   * @defaultValue `'/health'`
   */
  readonly path?: string | false;
  /**
   * The whole route table instead of `path` (see {@link PulsecheckModuleOptions.routes}).
   * @defaultValue the four routes under `path`
   */
  readonly routes?: Readonly<Record<string, RunOptions>>;
}
