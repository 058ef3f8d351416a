/**
 * Counts the process's active resources by type (`TCPSocketWrap`, `Timeout`,
 * ...) from `process.getActiveResourcesInfo()`, to prove a spec leaves
 * nothing behind.
 */

/** The active resources of this process, counted by type. */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** The resource types of which `after` holds more than `before`, with how many more. */
export function extraResources(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [type, count] of after) {
    const more = count - (before.get(type) ?? 0);
    if (more > 0) extra[type] = more;
  }
  return extra;
}

/**
 * The active resources after one turn of the event loop. Take the `before`
 * of {@link settleResources} with it in a hook or test that is async: mocha
 * arms its own timeout timer (a ref'ed `Timeout`) for a hook or test only
 * once that function has returned its promise, at its first `await`, so a
 * count taken before that misses a timer every later count sees.
 */
export async function activeResourcesAfterATurn(): Promise<Map<string, number>> {
  await new Promise((resolve) => setImmediate(resolve));
  return activeResources();
}

/**
 * Waits (up to `timeoutMs`) until the process holds no more resources than
 * `before`, and returns what is still extra (empty when nothing leaked).
 * Closing sockets and timers settle over a few turns of the event loop.
 * It counts only after a first turn of the loop, when mocha's own timer for
 * the running hook or test is armed (see {@link activeResourcesAfterATurn}):
 * the answer then does not depend on whether anything was still closing
 * when it was called.
 */
export async function settleResources(before: Map<string, number>, timeoutMs = 2000): Promise<Record<string, number>> {
  const deadline = performance.now() + timeoutMs;
  await new Promise((resolve) => setImmediate(resolve));
  for (;;) {
    const extra = extraResources(before, activeResources());
    if (Object.keys(extra).length === 0 || performance.now() > deadline) return extra;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
