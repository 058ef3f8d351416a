import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthService } from '../core/HealthService.js';
import type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
import { PULSECHECK_OPTIONS } from './tokens.js';

/**
 * @internal Ties the health service to Nest's lifecycle: background mode
 * (if asked for) starts once the application has bootstrapped; on shutdown,
 * readiness turns 503 and the drain delay elapses before Nest closes the
 * HTTP server (`beforeApplicationShutdown` runs before it), and background
 * mode stops once the server is closed.
 */
@Injectable()
export class PulsecheckLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(PULSECHECK_OPTIONS) private readonly options: PulsecheckModuleOptions,
  ) {}

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
