/**
 * @internal How long after the largest timeout of a run (or background round) the
 * service stops waiting for an execution that never settled, and reports it
 * as timed out. Executions end by their own timeouts; this is the backstop
 * for one that, against every rule, does not. So a run settles at most this
 * long after its largest timeout: the CLI gives a run that much beyond
 * `--timeout-ms`, `verify-probes` and the Postman collection count it in the
 * time a response may take.
 */
export const BACKSTOP_GRACE_MS = 250;
