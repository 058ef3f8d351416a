/**
 * The NestJS recipe of docs/guides/grpc.md: PulsecheckModule provides
 * HealthService, and a provider of the application adds grpc.health.v1.Health
 * to the grpc-js Server it owns (public API only), closing it with the app.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { Injectable, Module, type INestApplicationContext, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Server } from '@grpc/grpc-js';
import { HealthService } from 'pulsecheck';
import { addGrpcHealthService, type GrpcHealthServiceHandle } from 'pulsecheck/grpc';
import { PulsecheckModule } from 'pulsecheck/nest';
import { bind, HealthClientFixture } from '../grpc/fixtures.js';
import { registry, Switches } from './nestFixtures.js';

@Injectable()
class GrpcHealthServer implements OnModuleInit, OnApplicationShutdown {
  readonly server = new Server();
  port = 0;
  #handle: GrpcHealthServiceHandle | undefined;

  constructor(private readonly health: HealthService) {}

  async onModuleInit(): Promise<void> {
    this.#handle = addGrpcHealthService(this.server, this.health);
    this.port = await bind(this.server);
  }

  onApplicationShutdown(): void {
    this.#handle?.close();
    this.server.forceShutdown();
  }
}

@Module({ imports: [PulsecheckModule.forRoot({ registry })], providers: [Switches, GrpcHealthServer] })
class AppModule {}

describe('pulsecheck/nest with pulsecheck/grpc: a provider serving grpc.health.v1.Health', function () {
  this.timeout(20_000);
  let app: INestApplicationContext;
  let client: HealthClientFixture;

  before(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest's options class has no behaviour
    app = await NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
    await app.init();
    client = new HealthClientFixture(app.get(GrpcHealthServer).port);
  });

  after(async () => {
    client.close();
    await app.close();
  });

  it('should answer from the checks Nest built, their dependencies from its container', async () => {
    expect(await client.check('')).to.deep.equal({ status: 'SERVING' });
    app.get(Switches).databaseDown = true;
    expect(await client.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
    expect(await client.check('liveness')).to.deep.equal({ status: 'SERVING' });
    app.get(Switches).databaseDown = false;
    expect(await client.check('readiness')).to.deep.equal({ status: 'SERVING' });
  });

  it('should answer NOT_SERVING for readiness once the module began shutting down', async () => {
    const stream = client.watch('readiness');
    expect(await stream.nth(0)).to.equal('SERVING');
    app.get(HealthService).beginShutdown();
    expect(await client.check('readiness')).to.deep.equal({ status: 'NOT_SERVING' });
    expect(await stream.nth(1), 'Watch hears it with the next Check').to.equal('NOT_SERVING');
    stream.cancel();
  });
});
