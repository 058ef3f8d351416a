import { Module, type DynamicModule, type FactoryProvider, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthService } from '../core/HealthService.js';
import { describeValue } from '../core/validateOptions.js';
import { healthEndpoints } from '../http/healthEndpoints.js';
import type { RunOptions } from '../core/RunOptions.js';
import { createHealthController } from './createHealthController.js';
import { createNestHealthService } from './createNestHealthService.js';
import { PulsecheckLifecycle } from './PulsecheckLifecycle.js';
import type { PulsecheckModuleAsyncOptions } from './PulsecheckModuleAsyncOptions.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { PULSECHECK_ENDPOINTS, PULSECHECK_OPTIONS } from './tokens.js';
import { routeTable, validateModuleOptions } from './validateModuleOptions.js';

const asyncKeys = ['imports', 'inject', 'useFactory', 'global', 'path', 'routes'];

/**
 * pulsecheck as a NestJS module: the checks are built in pulsecheck's own
 * inversify container (as {@link pulsecheck!healthModule | healthModule} builds them), and every
 * dependency they ask for (`PG_POOL`, `REDIS_CLIENT`, a token or class of
 * your own) is taken from Nest's container, from any module of the
 * application; so each client is provided once, in Nest.
 *
 * The module
 * - provides and exports {@link pulsecheck!HealthService | HealthService} (global by default: inject
 *   it anywhere);
 * - serves `/health`, `/health/live`, `/health/ready` and `/health/startup`
 *   (under `path`, and after Nest's global prefix) through
 *   {@link pulsecheck!healthEndpoints | healthEndpoints}, on the Express and the Fastify platform: content
 *   negotiation, `HEAD`, 405 with `Allow` for other methods,
 *   `Cache-Control: no-store`; the routes are an ordinary, version-neutral
 *   controller, so guards and middleware apply to them;
 * - on shutdown (`app.close()`, or a signal with
 *   `app.enableShutdownHooks()`), turns readiness to 503 before Nest closes
 *   the HTTP server, waits `drainDelayMs`, and stops background mode.
 *
 * A dependency that no Nest module provides is an error at startup naming
 * the check, the parameter and the token. Nest builds providers
 * concurrently: a dependency that an async factory provides is waited for
 * (up to 30 s).
 *
 * @example
 * ```ts
 * import 'reflect-metadata';
 * import { Module } from '@nestjs/common';
 * import { NestFactory } from '@nestjs/core';
 * import pg from 'pg';
 * import { PulsecheckModule } from 'pulsecheck/nest';
 * import { PG_POOL, PostgresHealthCheck } from 'pulsecheck/postgres';
 *
 * @Module({
 *   imports: [PulsecheckModule.forRoot({ checks: [PostgresHealthCheck], drainDelayMs: 5_000 })],
 *   providers: [{ provide: PG_POOL, useFactory: () => new pg.Pool({ connectionString: process.env.DATABASE_URL }) }],
 * })
 * class AppModule {}
 *
 * const app = await NestFactory.create(AppModule);
 * app.enableShutdownHooks();
 * await app.listen(3000);
 * ```
 */
@Module({})
export class PulsecheckModule {
  /**
   * The module with options known up front.
   *
   * @param options - Checks, service defaults, routes, detail, drain delay;
   *   see {@link PulsecheckModuleOptions}.
   * @returns The dynamic module, for a module's `imports`.
   * @throws TypeError or RangeError for a malformed option, at once (the
   *   checks, service options and routes are checked when the application
   *   starts, as {@link pulsecheck!healthModule | healthModule} and {@link pulsecheck!healthEndpoints | healthEndpoints} do).
   *
   * @example
   * ```ts
   * import { Module } from '@nestjs/common';
   * import { HealthCheck } from 'pulsecheck';
   * import { PulsecheckModule } from 'pulsecheck/nest';
   *
   * class ClockHealthCheck extends HealthCheck {
   *   check(): void {}
   * }
   *
   * @Module({ imports: [PulsecheckModule.forRoot({ checks: [ClockHealthCheck], path: '/ops/health', detail: 'status' })] })
   * export class AppModule {}
   * ```
   */
  static forRoot(options: PulsecheckModuleOptions = {}): DynamicModule {
    validateModuleOptions(options, 'PulsecheckModule.forRoot');
    return dynamicModule({ provide: PULSECHECK_OPTIONS, useValue: Object.freeze({ ...options }) }, routeTable(options), options.global ?? true, []);
  }

  /**
   * The module with options from a factory that Nest calls with other
   * providers (a config service, say). `path`, `routes` and `global`, which
   * Nest needs before any provider exists, are given here rather than by
   * the factory.
   *
   * @param options - `imports`, `inject`, `useFactory`, and `path`/`routes`/`global`.
   * @returns The dynamic module, for a module's `imports`.
   * @throws TypeError when `useFactory` is not a function or an option is
   *   unknown, at once; when the factory's options are malformed, at startup.
   *
   * @example
   * ```ts
   * import { Module } from '@nestjs/common';
   * import { PulsecheckModule } from 'pulsecheck/nest';
   *
   * class HealthConfig {
   *   readonly timeoutMs = Number(process.env.HEALTH_TIMEOUT_MS ?? 800);
   * }
   *
   * @Module({ providers: [HealthConfig], exports: [HealthConfig] })
   * class ConfigModule {}
   *
   * @Module({
   *   imports: [
   *     PulsecheckModule.forRootAsync({
   *       imports: [ConfigModule],
   *       inject: [HealthConfig],
   *       useFactory: (config: HealthConfig) => ({ defaultTimeoutMs: config.timeoutMs }),
   *     }),
   *   ],
   * })
   * export class AppModule {}
   * ```
   */
  static forRootAsync(options: PulsecheckModuleAsyncOptions): DynamicModule {
    const owner = 'PulsecheckModule.forRootAsync';
    if (typeof options !== 'object' || options === null) throw new TypeError(`${owner}: options must be an object, got ${describeValue(options)}`);
    const unknown = Object.keys(options).filter((key) => !asyncKeys.includes(key));
    if (unknown.length > 0) throw new TypeError(`${owner}: unknown option ${unknown.map((key) => `'${key}'`).join(', ')} (known: ${asyncKeys.join(', ')})`);
    if (typeof options.useFactory !== 'function') throw new TypeError(`${owner}: useFactory must be a function that returns the module's options`);
    if (options.inject !== undefined && !Array.isArray(options.inject)) throw new TypeError(`${owner}: inject must be an array of tokens`);
    if (options.imports !== undefined && !Array.isArray(options.imports)) throw new TypeError(`${owner}: imports must be an array of modules`);
    const { path, routes, global, useFactory } = options;
    validateModuleOptions({ ...(path === undefined ? {} : { path }), ...(routes === undefined ? {} : { routes }), ...(global === undefined ? {} : { global }) }, owner);
    const provider: FactoryProvider = {
      provide: PULSECHECK_OPTIONS,
      // Nest types its tokens with `any` (Type<any>); they are passed through as given.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
      inject: [...(options.inject ?? [])],
      useFactory: async (...args: unknown[]): Promise<PulsecheckModuleOptions> => {
        const made: unknown = await useFactory(...args);
        validateModuleOptions(made, `${owner}: useFactory()`);
        for (const key of ['path', 'routes', 'global'] as const) {
          if (made[key] !== undefined) throw new TypeError(`${owner}: useFactory() returned '${key}'; give it to forRootAsync() itself, Nest needs it before the factory runs`);
        }
        return Object.freeze({ ...made, ...(routes === undefined ? {} : { routes }) });
      },
    };
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment -- Nest's module types carry `any`
    return dynamicModule(provider, routeTable(options), global ?? true, [...(options.imports ?? [])]);
  }
}

function dynamicModule(options: Provider, routes: Readonly<Record<string, RunOptions>>, global: boolean, imports: NonNullable<DynamicModule['imports']>): DynamicModule {
  const paths = Object.keys(routes);
  return {
    module: PulsecheckModule,
    global,
    imports,
    providers: [
      options,
      {
        provide: HealthService,
        inject: [PULSECHECK_OPTIONS, ModuleRef],
        useFactory: (resolved: PulsecheckModuleOptions, moduleRef: ModuleRef) => createNestHealthService(resolved, moduleRef),
      },
      {
        provide: PULSECHECK_ENDPOINTS,
        inject: [HealthService, PULSECHECK_OPTIONS],
        useFactory: (health: HealthService, resolved: PulsecheckModuleOptions) =>
          healthEndpoints(health, {
            routes,
            ...(resolved.detail === undefined ? {} : { detail: resolved.detail }),
            ...(resolved.detailTimeoutMs === undefined ? {} : { detailTimeoutMs: resolved.detailTimeoutMs }),
            ...(resolved.refreshSeconds === undefined ? {} : { refreshSeconds: resolved.refreshSeconds }),
            ...(resolved.onError === undefined ? {} : { onError: resolved.onError }),
          }),
      },
      PulsecheckLifecycle,
    ],
    controllers: paths.length === 0 ? [] : [createHealthController(paths)],
    exports: [HealthService],
  };
}
