/**
 * Spec-side helpers for the Nest specs: a module whose checks depend on an
 * ordinary Nest provider (`Switches`), and starting a real Nest application
 * on either platform, on 127.0.0.1 port 0.
 */
import 'reflect-metadata';
import { Injectable, Module, type DynamicModule, type INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HealthCheck, HealthCheckRegistry, registerHealthCheck, ServiceUnavailable, ServiceWarning } from 'pulsecheck';

/** The two HTTP platforms Nest runs on. */
export const PLATFORMS = ['express', 'fastify'] as const;
/** One of {@link PLATFORMS}. */
export type Platform = (typeof PLATFORMS)[number];

/** What the fixture checks report; a Nest provider, flipped by the specs. */
@Injectable()
export class Switches {
  databaseDown = false;
  cacheSlow = false;
  /** How many times the Database check has run. */
  databaseRuns = 0;
}

/** The registry of the fixture checks. */
export const registry = new HealthCheckRegistry();

@registerHealthCheck({ registry, name: 'Process', tags: ['live'] })
export class ProcessHealthCheck extends HealthCheck {
  check(): void {
    // the process answers, so it is alive
  }
}

@registerHealthCheck({ registry, name: 'Database', tags: ['ready'] })
export class DatabaseHealthCheck extends HealthCheck {
  constructor(private readonly switches: Switches) {
    super();
  }

  check(): void {
    this.switches.databaseRuns += 1;
    if (this.switches.databaseDown) throw new ServiceUnavailable('connect ECONNREFUSED 10.0.0.7:5432');
  }
}

@registerHealthCheck({ registry, name: 'Cache', critical: false, tags: ['ready'] })
export class CacheHealthCheck extends HealthCheck {
  constructor(private readonly switches: Switches) {
    super();
  }

  check(): void {
    if (this.switches.cacheSlow) throw new ServiceWarning('p99 latency 250 ms');
  }
}

/** A root module importing `imports`, providing `Switches` (and `providers`). */
export function rootModule(imports: DynamicModule['imports'], providers: DynamicModule['providers'] = []): DynamicModule {
  @Module({})
  class RootModule {}
  return { module: RootModule, imports: imports ?? [], providers: [Switches, ...providers] };
}

/** A started application. */
export interface StartedNestApp {
  readonly app: INestApplication;
  readonly url: string;
  close(): Promise<void>;
}

/** Creates the application for `module` on `platform` (trailing slashes ignored on Fastify, as Express does). */
export async function createApp(module: DynamicModule, platform: Platform): Promise<INestApplication> {
  // abortOnError: false, or Nest would end the process when a spec makes startup fail on purpose.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest's options class has no behaviour
  const options: NestApplicationOptions = { logger: false, abortOnError: false };
  const app =
    platform === 'fastify'
      ? await NestFactory.create(module, new FastifyAdapter({ routerOptions: { ignoreTrailingSlash: true } }), options)
      : await NestFactory.create(module, options);
  return app;
}

/** Creates the application and initialises it (onModuleInit, where the module builds its checks, as listen() would), without listening. */
export async function initApp(module: DynamicModule, platform: Platform): Promise<INestApplication> {
  const app = await createApp(module, platform);
  return app.init();
}

/** Starts an application on 127.0.0.1, port 0. */
export async function listen(app: INestApplication): Promise<StartedNestApp> {
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let closed = false;
  return {
    app,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
