import type { CheckResult } from '../report/CheckResult.js';
import type { ServiceInfo } from '../report/ServiceInfo.js';
import { BackgroundScheduler } from './BackgroundScheduler.js';
import { CheckExecutor } from './CheckExecutor.js';
import { CheckSelector } from './CheckSelector.js';
import type { CheckSlot } from './CheckSlot.js';
import { checkSlots } from './checkSlots.js';
import { DependencyGate } from './DependencyGate.js';
import { freezeServiceInfo } from './freezeServiceInfo.js';
import { ExecutionRecorder } from './ExecutionRecorder.js';
import type { HealthCheck } from './HealthCheck.js';
import { SERVICE_OPTION_SCHEMA, type HealthServiceOptions } from './HealthServiceOptions.js';
import { KnownResults } from './KnownResults.js';
import { ResultHistory } from './ResultHistory.js';
import { ShutdownGate } from './ShutdownGate.js';
import { SingleFlight } from './SingleFlight.js';
import type { Pending } from './DependencyGate.js';
import { StartupLatch } from './StartupLatch.js';
import { StatusListeners } from './StatusListeners.js';

/** @internal The units a {@link HealthService} delegates to, one per responsibility, wired together. */
export interface ServiceUnits {
  /** Selection and probe rules (and the run options' validation). */
  readonly selector: CheckSelector;
  readonly gate: ShutdownGate;
  readonly latch: StartupLatch;
  /** How each check is answered: known, shared or executed (and recorded). */
  readonly executor: CheckExecutor;
  readonly history: ResultHistory<CheckSlot>;
  readonly listeners: StatusListeners;
  readonly scheduler: BackgroundScheduler<CheckSlot>;
  /** The service's `serviceInfo`, frozen and redacted once, carried by every report; `undefined` when not set. */
  readonly service: ServiceInfo | undefined;
}

/**
 * @internal Builds and wires a service's units from its checks and its
 * validated options: the slots ({@link checkSlots}), one
 * {@link ExecutionRecorder} shared by every path an execution ends on, and
 * one {@link CheckExecutor} that background mode executes through too.
 *
 * @throws TypeError, RangeError or Error as {@link checkSlots},
 *   {@link CheckSelector} and {@link DependencyGate} do (a check that is not
 *   one, two checks with one name, an unknown dependency or a cycle).
 */
export function serviceUnits(checks: readonly HealthCheck[] | undefined, settings: Readonly<HealthServiceOptions>): ServiceUnits {
  const history = new ResultHistory<CheckSlot>(settings.historySize);
  const selector = new CheckSelector(checkSlots(checks, settings));
  const listeners = new StatusListeners();
  const singleFlight = new SingleFlight<CheckSlot, Pending>(settings.singleFlight ?? SERVICE_OPTION_SCHEMA.singleFlight.defaultValue);
  const recorder = new ExecutionRecorder(singleFlight, history, listeners);
  const scheduler: BackgroundScheduler<CheckSlot> = new BackgroundScheduler<CheckSlot>((slot): Promise<CheckResult[]> => executor.background(slot));
  const known = new KnownResults(scheduler, recorder.cache);
  // Bound once: a run answering from known results reads the clock once (ExecutionScope.passTime).
  const passTime = (): number => executor.scope.passTime();
  const executor: CheckExecutor = new CheckExecutor(new DependencyGate(selector.all), recorder, singleFlight, (slot): CheckResult | undefined => known.of(slot, passTime));
  const latch = new StartupLatch(settings.latchStartup ?? SERVICE_OPTION_SCHEMA.latchStartup.defaultValue);
  return { selector, gate: new ShutdownGate(), latch, executor, history, listeners, scheduler, service: freezeServiceInfo(settings.serviceInfo) };
}
