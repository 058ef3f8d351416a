/**
 * `pulsecheck/testing`: for people who unit-test their own checks.
 * {@link runCheck} runs one check without a container; {@link FaultProxy}
 * puts a real TCP proxy in front of a dependency that can refuse, hang,
 * stall, slow down or reset; {@link assertCheckConforms} uses it to assert
 * that a check reports the right error kind in time, leaks nothing and
 * shows no secret. Importing `pulsecheck` does not load this entry point.
 *
 * @packageDocumentation
 */
export { assertCheckConforms } from './assertCheckConforms.js';
export type { ConformanceOptions, ConformanceSubject } from './ConformanceOptions.js';
export { CONFORMANCE_DEFAULTS } from './conformanceDefaults.js';
export { FAULTS, type Fault } from './Fault.js';
export { FaultProxy, type FaultProxyOptions } from './FaultProxy.js';
export { FAULT_PROXY_DEFAULTS } from './faultProxyDefaults.js';
export { runCheck } from './runCheck.js';
export type { RunCheckOptions } from './RunCheckOptions.js';
