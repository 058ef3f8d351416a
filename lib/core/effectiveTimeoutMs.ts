/**
 * @internal The timeout a check runs under: its own `timeoutMs`, else the
 * service's `defaultTimeoutMs`. The one place this rule is written:
 * `HealthService` (and so `definitions()`), `runCheck`, the OpenAPI
 * description, the Postman collection and `verify-probes` all ask it.
 *
 * @param check - The check, with its own timeout if it set one.
 * @param defaultTimeoutMs - The timeout of a check that sets none.
 * @returns The check's timeout in milliseconds.
 */
export function effectiveTimeoutMs(check: { readonly timeoutMs?: number | undefined }, defaultTimeoutMs: number): number {
  return check.timeoutMs ?? defaultTimeoutMs;
}
