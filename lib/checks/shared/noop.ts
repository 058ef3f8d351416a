/** @internal Does nothing: observes a promise's late settlement on purpose. */
export function noop(): void {
  // intentionally empty
}
