/**
 * @internal Emits a process warning of type `PulsecheckNotifierWarning`
 * (prefixed `pulsecheck: `); never throws, whatever a `'warning'` handler does.
 */
export function warnNotifier(message: string): void {
  try {
    process.emitWarning(`pulsecheck: ${message}`, 'PulsecheckNotifierWarning');
  } catch {
    // a process 'warning' handler cannot break a run nor a delivery
  }
}
