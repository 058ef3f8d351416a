/**
 * What a {@link FaultProxy} does to the connections through it:
 * - `pass`: forwards both ways;
 * - `refuse`: stops listening, so a connection is refused (`ECONNREFUSED`);
 *   open connections are cut, as when the service's process dies;
 * - `hang`: accepts new connections and never answers; open connections
 *   stop forwarding (what they send is held, and forwarded once the fault is
 *   `pass` again);
 * - `stall`: forwards requests, but stops each response after
 *   `stallAfterBytes` bytes (mid-response);
 * - `slow`: forwards everything `delayMs` late;
 * - `reset`: resets every connection (TCP RST), open and new.
 *
 * @example
 * ```ts
 * import { FAULTS, type Fault } from 'pulsecheck/testing';
 *
 * const faults: readonly Fault[] = FAULTS.filter((fault) => fault !== 'pass');
 * ```
 */
export type Fault = (typeof FAULTS)[number];

/**
 * Every {@link Fault}, `pass` first.
 *
 * @example
 * ```ts
 * import { FAULTS } from 'pulsecheck/testing';
 *
 * console.log(FAULTS.join(', ')); // pass, refuse, hang, stall, slow, reset
 * ```
 */
export const FAULTS = ['pass', 'refuse', 'hang', 'stall', 'slow', 'reset'] as const;
