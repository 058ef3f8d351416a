import { Module, type DynamicModule, type FactoryProvider, type Provider } from '@nestjs/common';
import { HealthService } from '../core/HealthService.js';
import { healthEndpoints } from '../http/healthEndpoints.js';
import { HEALTH_ENDPOINTS_SCHEMA } from '../http/HealthEndpointsOptions.js';
import { callerOf } from '../options/callerOf.js';
import { validateOptions } from '../options/validateOptions.js';
import type { RunOptions } from '../core/RunOptions.js';
import { createHealthController } from './createHealthController.js';
import { NestChecks } from './NestChecks.js';
import { PulsecheckLifecycle } from './PulsecheckLifecycle.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import type { PulsecheckModuleAsyncOptions, PulsecheckModuleFactoryOptions } from './PulsecheckModuleAsyncOptions.js';
import { PULSECHECK_MODULE_SCHEMA, type PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { PULSECHECK_ENDPOINTS, PULSECHECK_OPTIONS } from './tokens.js';
import { routeTable, validateModuleOptions } from './validateModuleOptions.js';

const { path, routes, global, ...factoryRules } = PULSECHECK_MODULE_SCHEMA;

/** The schema of what `forRootAsync`'s factory returns: the module's, but `path`, `routes` and `global`. */
const FACTORY_SCHEMA = factoryRules satisfies OptionSchema<PulsecheckModuleFactoryOptions>;

/** The schema of {@link PulsecheckModuleAsyncOptions}: `path`, `routes` and `global` by the module's own rules. */
const ASYNC_SCHEMA = {
  imports: optionRules.custom('an array of modules', (value): value is NonNullable<PulsecheckModuleAsyncOptions['imports']> => Array.isArray(value)),
  inject: optionRules.custom('an array of tokens', (value): value is NonNullable<PulsecheckModuleAsyncOptions['inject']> => Array.isArray(value)),
  useFactory: optionRules.required(optionRules.custom("a function that returns the module's options", (value): value is PulsecheckModuleAsyncOptions['useFactory'] => typeof value === 'function')),
  global,
  path,
  routes,
} as const satisfies OptionSchema<PulsecheckModuleAsyncOptions>;

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
 * The checks are built in the module's `onModuleInit`, once Nest has built
 * every provider of the application (so a dependency that an async factory
 * provides is there, with nothing polled nor waited for). A dependency that
 * no Nest module provides is an error at startup (`app.init()`, or
 * `app.listen()`) naming the check, the parameter and the token. A run
 * before then (from a provider's constructor, say) waits for the checks
 * under each check's timeout.
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
   * @throws TypeError or RangeError for a malformed option, at once, naming
   *   `PulsecheckModule.forRoot` and the option: every option, with the same
   *   words as {@link pulsecheck!healthModule | healthModule} and
   *   {@link pulsecheck!healthEndpoints | healthEndpoints} use. Only what
   *   needs the running application is checked at startup: a route's check
   *   names, and the checks' dependencies.
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
    const valid = validateModuleOptions(PULSECHECK_MODULE_SCHEMA, options, 'PulsecheckModule.forRoot');
    return dynamicModule({ provide: PULSECHECK_OPTIONS, useValue: valid }, routeTable(valid), valid.global ?? PULSECHECK_MODULE_SCHEMA.global.defaultValue, []);
  }

  /**
   * The module with options from a factory that Nest calls with other
   * providers (a config service, say). `path`, `routes` and `global`, which
   * Nest needs before any provider exists, are given here rather than by
   * the factory.
   *
   * @param options - `imports`, `inject`, `useFactory`, and `path`/`routes`/`global`.
   * @returns The dynamic module, for a module's `imports`.
   * @throws TypeError or RangeError for a malformed option given here, at
   *   once; when the factory's options are malformed (or include `path`,
   *   `routes` or `global`), at startup, naming `PulsecheckModule.forRootAsync: useFactory()`.
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
    const valid = validateModuleOptions(ASYNC_SCHEMA, options, owner);
    const { useFactory } = valid;
    const provider: FactoryProvider = {
      provide: PULSECHECK_OPTIONS,
      // Nest's tokens, passed through as given.
      inject: [...(valid.inject ?? [])],
      useFactory: async (...args: unknown[]): Promise<Readonly<PulsecheckModuleFactoryOptions>> => {
        const made: unknown = await useFactory(...args);
        const where = `${owner}: useFactory()`;
        for (const key of ['path', 'routes', 'global'] as const) {
          if (typeof made === 'object' && made !== null && key in made) {
            throw new TypeError(`${where} returned '${key}'; give it to forRootAsync() itself, Nest needs it before the factory runs`);
          }
        }
        return validateModuleOptions(FACTORY_SCHEMA, made, where);
      },
    };
    return dynamicModule(provider, routeTable(valid), valid.global ?? PULSECHECK_MODULE_SCHEMA.global.defaultValue, [...(valid.imports ?? [])]);
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
      { provide: NestChecks, inject: [PULSECHECK_OPTIONS], useFactory: (resolved: PulsecheckModuleOptions) => new NestChecks(resolved) },
      // The service exists at once; its checks are built in onModuleInit (PulsecheckLifecycle), once every Nest provider does.
      { provide: HealthService, inject: [NestChecks], useFactory: (checks: NestChecks) => checks.service },
      {
        provide: PULSECHECK_ENDPOINTS,
        inject: [HealthService, PULSECHECK_OPTIONS],
        // Validated already (by forRoot, or by the factory provider): this names the caller for healthEndpoints's later errors.
        useFactory: (health: HealthService, resolved: PulsecheckModuleOptions) =>
          healthEndpoints(
            health,
            validateOptions(
              HEALTH_ENDPOINTS_SCHEMA,
              { routes, detail: resolved.detail, detailTimeoutMs: resolved.detailTimeoutMs, refreshSeconds: resolved.refreshSeconds, onError: resolved.onError },
              callerOf(resolved, 'PulsecheckModule'),
            ),
          ),
      },
      PulsecheckLifecycle,
    ],
    controllers: paths.map((path) => createHealthController(path)),
    exports: [HealthService],
  };
}
