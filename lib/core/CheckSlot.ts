import type { CheckDefinition } from './CheckDefinition.js';
import type { FlapRule } from './FlapRule.js';
import type { HealthCheck } from './HealthCheck.js';
import type { SlotState } from './SlotState.js';

/**
 * @internal One check as a {@link HealthService} runs it: its definition,
 * its instance, and the timeout, cache TTL and flap rule that apply to it. Immutable;
 * what changes (latest result, in-flight execution, history, last status)
 * lives in its {@link SlotState}, each part owned by one unit.
 */
export interface CheckSlot {
  readonly definition: CheckDefinition;
  readonly instance: HealthCheck;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
  /** Its flap-suppression rule; `undefined` when it suppresses nothing. */
  readonly flap: FlapRule | undefined;
  /** What changes for it (see {@link SlotState}). */
  readonly state: SlotState;
}
