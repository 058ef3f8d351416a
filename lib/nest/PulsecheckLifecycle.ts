import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthService } from '../core/HealthService.js';
import { NestChecks } from './NestChecks.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { PULSECHECK_OPTIONS } from './tokens.js';

/**
 * @internal Ties the health service to Nest's lifecycle: its checks are
 * built once Nest has built every provider (`onModuleInit`); background mode
 * (if asked for) starts once the application has bootstrapped; on shutdown,
 * readiness turns 503 and the drain delay elapses before Nest closes the
 * HTTP server (`beforeApplicationShutdown` runs before it), and background
 * mode stops once the server is closed.
 */
@Injectable()
export class PulsecheckLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(PULSECHECK_OPTIONS) private readonly options: PulsecheckModuleOptions,
    @Inject(NestChecks) private readonly checks: NestChecks,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  /** Builds the checks, each dependency taken from Nest: every provider of the application exists by now. */
  onModuleInit(): void {
    this.checks.build(this.moduleRef);
  }

  /** Starts background mode, when the options ask for it. */
  onApplicationBootstrap(): void {
    if (this.options.background !== undefined && !this.health.running) this.health.start(this.options.background);
  }

  /** Readiness turns 503; then waits `drainDelayMs` while the server still answers. */
  async beforeApplicationShutdown(): Promise<void> {
    this.health.beginShutdown();
    const delay = this.options.drainDelayMs ?? 0;
    if (delay > 0) await new Promise<void>((resolve) => setTimeout(resolve, delay).unref());
  }

  /** Stops background mode (and waits for its round in progress). */
  async onApplicationShutdown(): Promise<void> {
    await this.health.stop();
  }
}
