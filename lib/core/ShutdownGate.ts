import type { CheckResult } from '../report/CheckResult.js';
import type { CheckDefinition } from './CheckDefinition.js';
import { buildResult } from './executeCheck.js';
import { HealthCheck } from './HealthCheck.js';
import { PROBE_TAGS, type Probe } from './Probe.js';
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
 * @internal The shutdown gate: once closed (on SIGTERM), readiness answers
 * a critical `shutdown` failure without running checks; other probes are
 * unaffected. It never reopens.
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

  /** The `shutdown` result a run of `probe` answers with, or `undefined` when the gate lets it through. */
  answer(probe: Probe | undefined): CheckResult | undefined {
    if (!this.#closed || probe !== 'readiness') return undefined;
    return buildResult(shutdownDefinition, 0, [makeCheckError('unavailable', 'shutting down')], {});
  }
}
