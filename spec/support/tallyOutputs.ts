import type { HealthService } from 'pulsecheck';

/**
 * Runs `service` `runs` times, one after the other, and counts the outputs of
 * its first check: `[['working', 300]]` when every run worked. The no-leak
 * specs use it to drive a check hundreds of times through the real service.
 */
export async function tallyOutputs(service: HealthService, runs: number): Promise<[string, number][]> {
  const outputs = new Map<string, number>();
  for (let run = 0; run < runs; run += 1) {
    const output = (await service.run()).checks[0]?.output ?? '(no check ran)';
    outputs.set(output, (outputs.get(output) ?? 0) + 1);
  }
  return [...outputs];
}
