import { SlotState } from '#lib/core/SlotState.js';
import { HealthCheck, type CheckDefinition } from 'pulsecheck';
import type { CheckSlot } from '#lib/core/CheckSlot.js';

class Idle extends HealthCheck {
  check(): void {}
}

/** A slot for check `name` with `tags`, for the service's units. */
export function slot(name: string, tags: readonly string[] = []): CheckSlot {
  const definition: CheckDefinition = Object.freeze({ target: HealthCheck, name, critical: true, timeoutMs: undefined, tags, description: undefined, cacheTtlMs: undefined });
  return { definition, instance: new Idle(), timeoutMs: 100, cacheTtlMs: 0, flap: undefined, state: new SlotState() };
}
