/**
 * The process warnings emitted while `action` runs (and one turn of the event
 * loop after it), with the default printer silenced for the duration so the
 * suite's output stays clean.
 */
export async function warningsDuring(action: () => Promise<void>): Promise<Error[]> {
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => {
    warnings.push(warning);
  };
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', onWarning);
  try {
    await action();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
    for (const printer of printers) process.on('warning', printer);
  }
  return warnings;
}
