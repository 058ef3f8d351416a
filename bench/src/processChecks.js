// Two checks of the process itself, the kind a liveness probe runs: event-loop delay and heap usage.
// (pulsecheck's bundled process checks are written in parallel; these do the same work.)
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Starts the event-loop delay histogram (a single native timer) and returns the two checks plus a stop(). */
export function processChecks({ maxDelayMs = 1_000, maxHeapBytes = 1_500 * 1024 * 1024 } = {}) {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  return {
    checks: [
      {
        name: 'event-loop',
        async work() {
          const p99Ms = histogram.percentile(99) / 1e6;
          histogram.reset();
          if (p99Ms > maxDelayMs) throw new Error(`event-loop delay p99 ${p99Ms.toFixed(0)} ms exceeds ${maxDelayMs} ms`);
        },
      },
      {
        name: 'heap',
        async work() {
          const { heapUsed } = process.memoryUsage();
          if (heapUsed > maxHeapBytes) throw new Error(`heap ${heapUsed} bytes exceeds ${maxHeapBytes}`);
        },
      },
    ],
    stop() {
      histogram.disable();
    },
  };
}
