import type { CliError } from './CliError.js';

/**
 * @internal Settles like `promise`, or rejects with the error `late()` makes
 * after `ms` (no limit when `ms` is undefined); leaves no timer behind.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number | undefined, late: () => CliError): Promise<T> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(late());
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
