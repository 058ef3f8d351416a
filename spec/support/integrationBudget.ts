/** The check timeout the integration specs use for failure cases (hung servers, dead connections). */
export const timeoutMs = 300;
/** How much later than its timeout a check may report, on a shared, busy machine. */
export const margin = 300;
/** A check expected to work gets a generous budget: the machine is shared and busy. */
export const workingTimeoutMs = 5000;

let sequence = 0;

/**
 * A name for one of this spec run's connections (pg application_name, Redis
 * CLIENT SETNAME, AMQP connection_name), unique per process and call, so a
 * spec only ever counts and kills its own connections on the shared servers.
 */
export function uniqueConnectionName(): string {
  sequence += 1;
  return `pulsecheck-spec-${process.pid}-${sequence}`;
}
