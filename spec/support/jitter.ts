/** A deterministic jitter in [0, 1) for step `n` and a seed: the demo dashboards' durations vary, the same way every run. */
export function jitter(n: number, seed: number): number {
  const x = Math.sin(n * 12.9898 + seed * 78.233) * 43758.5453;
  return x - Math.floor(x);
}
