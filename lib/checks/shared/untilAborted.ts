/**
 * @internal Settles like `promise`, or rejects with the signal's reason as
 * soon as `signal` aborts, whichever comes first. Its abort listener is removed
 * when `promise` settles, and a rejection of `promise` after the abort is
 * observed (never unhandled). `promise` itself is not cancelled: the caller
 * releases what it holds when this rejects with the abort reason.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the driver's rejection on unchanged
        reject(error);
      },
    );
  });
}

/** @internal The reason a signal was aborted with, as an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The health check was aborted', 'AbortError');
}
