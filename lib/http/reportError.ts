import { describeThrown } from '../core/describeThrown.js';

/**
 * @internal Hands an unexpected error to the user's `onError`, or emits a
 * process warning when there is none; never throws (an `onError` that
 * throws is reported as a warning).
 */
export function reportError(onError: ((error: unknown) => void) | undefined, error: unknown): void {
  if (onError !== undefined) {
    try {
      onError(error);
      return;
    } catch (hookError) {
      error = hookError;
    }
  }
  process.emitWarning(`pulsecheck: health endpoint error: ${describeThrown(error)}`, 'PulsecheckHttpWarning');
}
