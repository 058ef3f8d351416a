import { redactSecrets } from '../core/redactSecrets.js';
import type { CheckResult } from '../report/CheckResult.js';
import type { HealthReport } from '../report/HealthReport.js';
import type { Observation } from '../report/Observation.js';

/**
 * @internal The report with `redactSecrets` applied to every string a check
 * or its author controls: names, descriptions, tags, outputs, error
 * messages, observation keys, units and string values. The CLI prints this copy, in every format,
 * so a secret in a check's name or an observation never reaches the
 * terminal or a probe log. (Redacting the rendered text instead would
 * mangle it: `pass: 3 checks` reads like a password parameter, and a JSON
 * value would lose its quotes.) Other fields are kept as they are.
 */
export function redactReport(report: HealthReport): HealthReport {
  return { ...report, checks: report.checks.map(redactCheck) };
}

function redactCheck(check: CheckResult): CheckResult {
  return {
    ...check,
    name: redactSecrets(check.name),
    ...(typeof check.description === 'string' ? { description: redactSecrets(check.description) } : {}),
    tags: check.tags.map((tag) => redactSecrets(tag)),
    output: redactSecrets(check.output),
    errors: check.errors.map((error) => ({ ...error, message: redactSecrets(error.message) })),
    observations: Object.fromEntries(Object.entries(check.observations).map(([key, observation]) => [redactSecrets(key), redactObservation(observation)])),
  };
}

function redactObservation(observation: Observation): Observation {
  const value = typeof observation.value === 'string' ? redactSecrets(observation.value) : observation.value;
  return observation.unit === undefined ? { ...observation, value } : { ...observation, value, unit: redactSecrets(observation.unit) };
}
