import type { HealthStatus } from '../report/HealthStatus.js';
import type { LatestResult } from './ResultCache.js';

/**
 * @internal What changes for one check of a service: one object per
 * {@link CheckSlot}, made with it. The units that record an execution reach
 * their part with a field read instead of a map lookup each (single-flight
 * three times per execution, the cache, the history and the status
 * listeners once each: six hash lookups, 5 % of the engine's instructions
 * per run and a share of its data-cache misses; background mode's schedule
 * once per answer). Each field belongs to one
 * unit, which alone reads and writes it. A slot belongs to one service, so
 * its state to that service's units: one slot given to the units of two
 * services would mix their records.
 */
export class SlotState {
  /** {@link SingleFlight}: the execution in flight, offered to joiners. */
  inFlight: object | undefined = undefined;
  /** {@link ResultCache}: the latest result and when it was recorded, updated in place. */
  latest: { result: LatestResult['result']; finishedAt: number } | undefined = undefined;
  /** {@link ResultHistory}: the check's ring, made at its first record. */
  ring: object | undefined = undefined;
  /** {@link StatusListeners}: the status last notified. */
  lastStatus: HealthStatus | undefined = undefined;
  /** {@link BackgroundScheduler}: the check's schedule while background mode runs. */
  loop: object | undefined = undefined;
  /** Its failAfter/recoverAfter streak (FlapFilter's; only that unit writes it). */
  flap: object | undefined = undefined;
}

/** @internal A key the recording units keep their state on: a {@link CheckSlot} (or, in specs, any holder). */
export interface SlotKey {
  readonly state: SlotState;
}
