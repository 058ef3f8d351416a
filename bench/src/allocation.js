// Bytes allocated on the V8 heap by a piece of code, without a heap snapshot: the growth of the used heap over
// the measured calls plus what every garbage collection in between freed (v8.GCProfiler reports the used heap
// before and after each one). Objects that die young are counted too, which is the point: they are the
// allocation rate a run costs, whether or not they survive it.
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Bytes allocated per call of `fn` (awaited `calls` times in sequence). */
export async function bytesAllocatedPerCall(fn, calls) {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  for (let call = 0; call < calls; call += 1) await fn();
  const after = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  let freed = 0;
  for (const gc of statistics) freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  return (after - before + freed) / calls;
}
