import { describeThrown } from '../core/describeThrown.js';

/**
 * @internal Hands an unexpected error to the user's `onError`, or emits a
 * process warning when there is none; never throws, whatever was thrown (a
 * Proxy that throws on every trap, an object without prototype): an
 * `onError` that throws, or returns a promise that rejects, is reported as a
 * warning, and a value that cannot be described is named as such.
 */
export function reportError(onError: ((error: unknown) => unknown) | undefined, error: unknown): void {
  if (onError !== undefined) {
    try {
      // A hook typed to return nothing may still be async: its promise is watched, so a rejection is not unhandled.
      const returned = onError(error);
      if (returned !== undefined) settleQuietly(returned);
      return;
    } catch (hookError) {
      error = hookError;
    }
  }
  process.emitWarning(`pulsecheck: health endpoint error: ${describeThrown(error)}`, 'PulsecheckHttpWarning');
}

/** An async `onError` that rejects: its rejection becomes a warning, never an unhandled rejection. */
function settleQuietly(returned: unknown): void {
  try {
    Promise.resolve(returned).catch((hookError: unknown) => {
      reportError(undefined, hookError);
    });
  } catch (hookError) {
    // A promise whose `constructor` getter throws.
    reportError(undefined, hookError);
  }
}

