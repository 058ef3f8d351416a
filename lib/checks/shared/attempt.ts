/**
 * @internal Calls `operation` and returns its promise; a synchronous throw
 * (or a non-promise return value) becomes a rejected (or resolved) promise, so
 * an injected client that misbehaves cannot escape the check's error handling.
 */
export function attempt<T>(operation: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(operation());
  });
}
