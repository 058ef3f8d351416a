import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './buildResult.js';
import { HealthCheck } from './HealthCheck.js';
import { PROBE_TAGS } from './Probe.js';
import type { RunOptions } from './RunOptions.js';
import { makeCheckError } from './toCheckError.js';

const shutdownDefinition: CheckDefinition = Object.freeze({
  target: HealthCheck,
  name: 'shutdown',
  critical: true,
  timeoutMs: undefined,
  tags: Object.freeze([PROBE_TAGS.readiness]),
  description: 'The service is draining before it stops.',
  cacheTtlMs: undefined,
});

/**
 * @internal The shutdown gate: once closed (on SIGTERM), readiness and the
 * whole service (a run with no probe, tags nor names: what `/health` serves)
 * answer a critical `shutdown` failure without running checks, so a load
 * balancer pointed at either sees the drain. Liveness keeps answering (a
 * draining pod must not be restarted), startup too (Kubernetes stops
 * probing it once it passed), and so does a run that selects checks by tag
 * or name (an explicit question about those checks). It never reopens.
 */
export class ShutdownGate {
  #closed = false;

  /** Closes the gate. */
  close(): void {
    this.#closed = true;
  }

  /** Whether the gate is closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The `shutdown` result a run with these options answers with, or `undefined` when the gate lets it through. */
  answer(options: RunOptions): CheckResult | undefined {
    if (!this.#closed) return undefined;
    const { probe } = options;
    const wholeService = probe === undefined && options.tags === undefined && options.names === undefined;
    if (probe !== 'readiness' && !wholeService) return undefined;
    return buildResult(shutdownDefinition, 0, [makeCheckError('unavailable', 'shutting down')], {});
  }
}
