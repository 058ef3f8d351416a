/** The objects kept, for the life of the process. */
const kept: object[] = [];

/**
 * @internal Keeps `objects` alive for the life of the process, for their
 * shapes (V8's hidden classes): a shape that no live object has is
 * collected by the next full garbage collection, and V8 then throws away
 * every optimized function that embeds it. A class whose instances all die
 * between two runs (an execution, its context) would so lose the optimized
 * run path at each major collection, and the next runs would pay for
 * running unoptimized and compiling it again (measured with `--trace-deopt`:
 * executeCheck, Execution, ExecutionContext, settle and the deadline
 * timer's methods, after every full collection; see the spec
 * `spec/core/keepShapes.spec.ts`). Give it one instance built exactly as the
 * live ones are (same constructor, same fields, frozen if they are),
 * holding nothing of any service.
 *
 * @param objects - The instances whose shapes to keep.
 */
export function keepShapes(...objects: object[]): void {
  kept.push(...objects);
}
