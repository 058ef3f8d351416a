import * as conventions from '@opentelemetry/semantic-conventions/incubating';

/**
 * The semantic conventions' naming rule: lowercase namespaces separated by
 * `.`, words within one by `_`, each starting with a letter. Every metric
 * and attribute name the conventions package exports follows it (the
 * naming spec checks that, so the rule here cannot drift from theirs).
 */
export const conventionNamePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** Every metric (`METRIC_*`) and attribute (`ATTR_*`) name the conventions package registers. */
export const registeredNames: readonly string[] = Object.entries(conventions)
  .filter(([key, value]) => /^(METRIC|ATTR)_/.test(key) && typeof value === 'string')
  .map(([, value]) => value as string);

/** The namespaces a name lives in: `health.check.status` → `health`, `health.check`. */
export function namespacesOf(name: string): string[] {
  const parts = name.split('.');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('.'));
}

/**
 * The problems of a set of metric and attribute names under the conventions
 * (metric and attribute names share one namespace): an empty list when
 * every name follows {@link conventionNamePattern}, no attribute is named
 * like a metric or one of its namespaces, and no attribute lives inside a
 * metric's name.
 */
export function namingProblems(metricNames: readonly string[], attributeNames: readonly string[]): string[] {
  const problems: string[] = [];
  for (const name of [...metricNames, ...attributeNames]) {
    if (!conventionNamePattern.test(name)) problems.push(`${name} breaks the naming rule`);
  }
  const metricNamespaces = new Set(metricNames.flatMap(namespacesOf));
  for (const attribute of attributeNames) {
    if (metricNames.includes(attribute)) problems.push(`attribute ${attribute} is named like a metric`);
    if (metricNamespaces.has(attribute)) problems.push(`attribute ${attribute} is a metric namespace`);
    for (const metric of metricNames) {
      if (attribute.startsWith(`${metric}.`)) problems.push(`attribute ${attribute} lives inside metric ${metric}`);
    }
  }
  return problems;
}

/** The name a Prometheus exporter writes for an OpenTelemetry name: every `.` (and other invalid character) becomes `_`. */
export function prometheusName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, '_');
}
