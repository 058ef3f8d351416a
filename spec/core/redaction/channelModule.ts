// A module for the CLI (`pulsecheck --module`, `openapi`, `postman`): its `health` builds, at each load, a
// service whose checks throw, record, warn and observe the text of `globalThis.pulsecheckRedactionText`,
// and one check whose NAME carries it (check names reach the CLI's output and the API documents).
import { HealthCheckRegistry, ServiceUnavailable, type HealthService } from 'pulsecheck';
import { checkClass, serviceFor } from '../fixtures.js';

declare global {
  var pulsecheckRedactionText: string | undefined;
}

/** The checks of every channel spec: each puts `text` where a check controls text. */
export function registerLeakyChecks(registry: HealthCheckRegistry, text: string): void {
  checkClass(registry, 'thrown', () => {
    throw new Error(text);
  });
  checkClass(registry, 'thrownString', () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a check may throw anything
    throw `failed: ${text}`;
  });
  checkClass(registry, 'unavailable', () => Promise.reject(new ServiceUnavailable(`query failed: ${text}`)));
  checkClass(registry, 'recorded', (context) => {
    context.addError(text);
    context.addWarning(text);
  });
  checkClass(registry, 'split', (context) => {
    context.addError('auth failed: password=');
    throw new Error(`${text} (continued)`);
  });
  checkClass(registry, 'observed', (context) => {
    context.observe(text, 1, text);
    context.observe('value', text);
    context.observe('numeric', 2, `ms ${text}`);
  });
}

export function health(): HealthService {
  const text = globalThis.pulsecheckRedactionText ?? '';
  const registry = new HealthCheckRegistry();
  registerLeakyChecks(registry, text);
  checkClass(registry, `named ${text}`, () => undefined);
  return serviceFor(registry);
}
