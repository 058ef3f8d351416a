/** The metric names and label names a PromQL expression (or a Grafana `label_values()` query) refers to. */
export interface PromqlReferences {
  readonly metrics: Set<string>;
  readonly labels: Set<string>;
}

const keywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/**
 * A small reader of the PromQL used in docs/monitoring: label matchers,
 * grouping clauses, range selectors, function calls and Grafana's
 * `label_values(metric, label)`. Enough for these files; not a PromQL parser.
 */
export function promqlReferences(expression: string): PromqlReferences {
  const metrics = new Set<string>();
  const labels = new Set<string>();
  let rest = expression.replace(/label_values\(\s*([^,]+?)\s*,\s*([A-Za-z_]\w*)\s*\)/g, (_whole, inner: string, label: string) => {
    labels.add(label);
    return inner;
  });
  rest = rest.replace(/\[[^\]]*\]/g, ' ');
  rest = rest.replace(/([A-Za-z_]\w*)\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"/g, (_whole, label: string) => {
    labels.add(label);
    return ' ';
  });
  rest = rest.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_whole, _clause: string, list: string) => {
    for (const label of list.split(',').map((item) => item.trim()).filter((item) => item !== '')) labels.add(label);
    return ' ';
  });
  for (const match of rest.matchAll(/([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    const name = match[1] ?? '';
    if (match[2] !== undefined || keywords.has(name.toLowerCase())) continue;
    metrics.add(name);
  }
  return { metrics, labels };
}

/** The labels an alert's annotation template reads (`{{ $labels.check }}`). */
export function templateLabels(template: string): Set<string> {
  return new Set([...template.matchAll(/\$labels\.([A-Za-z_]\w*)/g)].map((match) => match[1] ?? ''));
}
