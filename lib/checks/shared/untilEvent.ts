import { abortReason } from './untilAborted.js';

/** @internal An event emitter that can also remove its listeners. */
export interface RemovableEmitter {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * @internal Resolves with the name of the first of `events` that `emitter`
 * emits, or rejects with the signal's reason when `signal` aborts first.
 * Every listener it added (on the emitter and on the signal) is removed
 * however it ends.
 */
export function untilEvent(emitter: RemovableEmitter, events: readonly string[], signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const listeners = new Map<string, () => void>();
    const cleanUp = (): void => {
      signal.removeEventListener('abort', onAbort);
      for (const [event, listener] of listeners) emitter.removeListener(event, listener);
    };
    const onAbort = (): void => {
      cleanUp();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (const event of events) {
        const listener = (): void => {
          cleanUp();
          resolve(event);
        };
        listeners.set(event, listener);
        emitter.on(event, listener);
      }
    } catch (error) {
      cleanUp();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the emitter's own throw on unchanged
      reject(error);
    }
  });
}
