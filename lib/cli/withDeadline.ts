import type { CliError } from './CliError.js';

/** @internal Settles like `promise`, or rejects with the error `late()` makes after `ms`; leaves no timer behind. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, late: () => CliError): Promise<T> {
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
