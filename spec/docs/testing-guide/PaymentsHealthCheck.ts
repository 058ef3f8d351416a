/**
 * The check of docs/guides/testing-checks.md, verbatim (spec/docs/testing-guide.spec.ts
 * runs the guide's tests against it).
 */
import { inject } from 'inversify';
import { HealthCheck, registerHealthCheck, ServiceUnavailable, type CheckContext } from 'pulsecheck';

export interface PaymentsClient {
  ping(options: { signal: AbortSignal }): Promise<{ latencyMs: number }>;
}
export const PAYMENTS_CLIENT = Symbol('PaymentsClient');

@registerHealthCheck({ tags: ['ready'], timeoutMs: 1_000 })
export class PaymentsHealthCheck extends HealthCheck {
  constructor(@inject(PAYMENTS_CLIENT) private readonly payments: PaymentsClient) {
    super();
  }

  async check(context: CheckContext): Promise<void> {
    let latencyMs: number;
    try {
      ({ latencyMs } = await this.payments.ping({ signal: context.signal }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ServiceUnavailable(`payments API unreachable: ${message}`, { cause: error });
    }
    context.observe('latencyMs', latencyMs, 'ms');
    if (latencyMs > 500) context.addWarning(`payments API answered in ${latencyMs} ms`);
  }
}
