/**
 * Recipe: pulsecheck in a NestJS 11 or 12 application, on the Express or the
 * Fastify platform.
 *
 * `PulsecheckModule.forRoot()` builds the checks; what they need (the pg
 * pool under `PG_POOL`, the application's own `OrdersQueue`) is provided
 * once, in Nest. `HealthService` is injectable anywhere; `/health`,
 * `/health/live`, `/health/ready` and `/health/startup` are served; on
 * shutdown, readiness answers 503 for `drainDelayMs` before the server closes.
 */
import 'reflect-metadata';
import { Controller, Get, Inject, Injectable, Module, type DynamicModule, type INestApplication, type NestApplicationOptions, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import pg from 'pg';
import { HealthCheck, HealthCheckRegistry, HealthService, registerHealthCheck, type CheckContext } from 'pulsecheck';
import { PulsecheckModule } from 'pulsecheck/nest';
import { PG_POOL, PostgresHealthCheck } from 'pulsecheck/postgres';

/** The registry of this application's own checks. */
export const registry = new HealthCheckRegistry();

// The bundled PostgreSQL check joins the application's own ones; PG_POOL comes from Nest (below).
registry.add({ target: PostgresHealthCheck, name: 'postgres', tags: ['ready'] });

/** An ordinary Nest provider of the application: orders waiting to be sent. */
@Injectable()
export class OrdersQueue {
  readonly pending: string[] = [];
}

/** Warns when orders pile up; its dependency comes from Nest. */
@registerHealthCheck({ registry, name: 'orders-queue', critical: false, tags: ['ready'] })
export class OrdersQueueHealthCheck extends HealthCheck {
  constructor(private readonly queue: OrdersQueue) {
    super();
  }

  check(context: CheckContext): void {
    const depth = this.queue.pending.length;
    context.observe('depth', depth);
    if (depth > 1_000) context.addWarning(`${depth} orders waiting`);
  }
}

/** Ends the pool once Nest has closed the HTTP server. */
@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** The application's own routes; `HealthService` is injected like any provider. */
@Controller()
class OrdersController {
  constructor(private readonly health: HealthService) {}

  @Get()
  home(): { service: string } {
    return { service: 'orders' };
  }

  @Get('orders/accepting')
  async accepting(): Promise<{ accepting: boolean }> {
    const report = await this.health.run({ probe: 'readiness' });
    return { accepting: report.status !== 'fail' };
  }
}

/** Options of {@link createNestApp}. */
export interface NestAppOptions {
  /** The PostgreSQL connection string. */
  readonly databaseUrl: string;
  /** Which HTTP platform Nest runs on. */
  readonly platform?: 'express' | 'fastify';
  /** How long readiness answers 503 before the server closes, on shutdown. */
  readonly drainDelayMs?: number;
  /** Nest's logger: `false` for none. */
  readonly logger?: NestApplicationOptions['logger'];
}

/** The application module. */
@Module({})
export class AppModule {
  /**
   * The module, with its database.
   *
   * @param options - The connection string and the drain delay.
   * @returns The dynamic module for `NestFactory.create`.
   */
  static forRoot(options: NestAppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PulsecheckModule.forRoot({
          registry,
          drainDelayMs: options.drainDelayMs ?? 0,
          defaultTimeoutMs: 1_000,
        }),
      ],
      providers: [
        OrdersQueue,
        { provide: PG_POOL, useFactory: () => new pg.Pool({ connectionString: options.databaseUrl, max: 2 }) },
        PoolCloser,
      ],
      controllers: [OrdersController],
    };
  }
}

/**
 * Builds the Nest application (not yet listening).
 *
 * @param options - Database, platform and drain delay.
 * @returns The application; call `app.enableShutdownHooks()` and `await app.listen(port)`.
 */
export async function createNestApp(options: NestAppOptions): Promise<INestApplication> {
  const module = AppModule.forRoot(options);
  // Nest declares its options as a class without behaviour, and documents them as object literals.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const appOptions: NestApplicationOptions = { logger: options.logger ?? ['error', 'warn'] };
  return options.platform === 'fastify'
    ? NestFactory.create(module, new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }), appOptions)
    : NestFactory.create(module, appOptions);
}
