import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OpenMetricsSerializer, type HealthReport } from 'pulsecheck';
import ts from 'typescript';
import { parse } from 'yaml';
import { promqlReferences, templateLabels } from './promqlReferences.js';

const run = promisify(execFile);

/**
 * The compiler's complaints about the dashboard read as a `Dashboard` of
 * `@grafana/schema` (strict, excess properties included): the JSON is
 * written into a scratch TypeScript file next to the specs, so that the
 * package resolves from node_modules, and type-checked in memory.
 */
function dashboardSchemaErrors(): string[] {
  const json = readFileSync(new URL('pulsecheck-dashboard.json', `file://${monitoring}`), 'utf8');
  const file = fileURLToPath(new URL('./dashboard-schema-check.ts', import.meta.url));
  writeFileSync(file, `import type { Dashboard } from '@grafana/schema';\nexport const dashboard: Dashboard = ${json};\n`);
  try {
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(file, { force: true });
  }
}
const monitoring = fileURLToPath(new URL('../../../docs/monitoring/', import.meta.url));

/** What Prometheus adds itself: the `up` series of every target, and the target labels. */
const prometheusMetrics = new Set(['up']);
const targetLabels = new Set(['job', 'instance']);

/** A report with every kind of check result the serializer writes: each status, critical or not, numeric observations with and without a unit. */
const sample: HealthReport = {
  status: 'fail',
  httpStatus: 503,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 12,
  checks: [
    { name: 'Database', status: 'fail', critical: true, tags: ['ready'], durationMs: 10, output: 'unavailable: refused', errors: [{ kind: 'unavailable', message: 'refused' }], observations: { connections: { value: 3 } } },
    { name: 'Cache', status: 'warn', critical: false, tags: [], durationMs: 2, output: 'warning: slow', errors: [{ kind: 'warning', message: 'slow' }], observations: { latency: { value: 40, unit: 'ms' } } },
    { name: 'Process', status: 'pass', critical: true, tags: ['live'], durationMs: 0.1, output: 'working', errors: [], observations: {} },
  ],
};

/** The metric names and label names the serializer actually writes for the sample, in both flavors. */
function emitted(): { metrics: Set<string>; labels: Set<string> } {
  const metrics = new Set<string>();
  const labels = new Set<string>();
  for (const flavor of ['openmetrics', 'prometheus'] as const) {
    for (const line of new OpenMetricsSerializer({ flavor }).serialize(sample).split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      metrics.add(/^[A-Za-z_:][\w:]*/.exec(line)?.[0] ?? '');
      for (const match of line.matchAll(/[{,]([A-Za-z_]\w*)="/g)) labels.add(match[1] ?? '');
    }
  }
  return { metrics, labels };
}

interface Rule {
  alert: string;
  expr: string;
  annotations?: Record<string, string>;
}

function rules(): Rule[] {
  const file = parse(readFileSync(`${monitoring}pulsecheck-alerts.yaml`, 'utf8')) as { groups: { rules: Rule[] }[] };
  return file.groups.flatMap((group) => group.rules);
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(readFileSync(`${monitoring}pulsecheck-dashboard.json`, 'utf8')) as {
    panels: { targets?: { expr?: string }[] }[];
    templating: { list: { query?: string | { query?: string } }[] };
  };
  const panels = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr ?? ''));
  const variables = dashboard.templating.list.map((variable) => (typeof variable.query === 'object' ? (variable.query.query ?? '') : '')).filter((query) => query.includes('('));
  return [...panels, ...variables];
}

/** What an expression refers to that neither the serializer nor Prometheus provides. */
function unknownReferences(expression: string, known = emitted()): string[] {
  const { metrics, labels } = promqlReferences(expression);
  return [
    ...[...metrics].filter((name) => !known.metrics.has(name) && !prometheusMetrics.has(name)).map((name) => `metric ${name}`),
    ...[...labels].filter((name) => !known.labels.has(name) && !targetLabels.has(name)).map((name) => `label ${name}`),
  ];
}

describe('docs/monitoring', () => {
  describe('the reference check itself', () => {
    it('finds the metrics and labels of an expression, and flags the ones the serializer does not emit', () => {
      expect(promqlReferences('sum by (job, check) (changes(pulsecheck_check_status{status="fail"}[30m])) > 4')).to.deep.equal({
        metrics: new Set(['pulsecheck_check_status']),
        labels: new Set(['job', 'check', 'status']),
      });
      expect(unknownReferences('pulsecheck_check_state{chek="x"} == 1 and on (node) up')).to.deep.equal(['metric pulsecheck_check_state', 'label chek', 'label node']);
    });
  });

  describe('the Prometheus alerting rules', () => {
    it('alert on a failing critical check, a flapping check and a failing scrape', () => {
      expect(rules().map((rule) => rule.alert)).to.deep.equal(['PulsecheckCriticalCheckFailing', 'PulsecheckCheckFlapping', 'PulsecheckScrapeFailing']);
    });

    it('refer only to metrics and labels the OpenMetrics serializer emits (or Prometheus adds)', () => {
      for (const rule of rules()) {
        expect(unknownReferences(rule.expr), `${rule.alert}: ${rule.expr}`).to.deep.equal([]);
        expect(promqlReferences(rule.expr).metrics.size, rule.alert).to.be.greaterThan(0);
        const known = emitted();
        for (const [key, template] of Object.entries(rule.annotations ?? {})) {
          const unknown = [...templateLabels(template)].filter((label) => !known.labels.has(label) && !targetLabels.has(label));
          expect(unknown, `${rule.alert} annotation ${key}`).to.deep.equal([]);
        }
      }
    });
  });

  describe('the Grafana dashboard', () => {
    it('refers only to metrics and labels the OpenMetrics serializer emits (or Prometheus adds)', () => {
      const expressions = dashboardExpressions();
      expect(expressions.length).to.be.greaterThan(5);
      for (const expression of expressions) expect(unknownReferences(expression), expression).to.deep.equal([]);
      const used = new Set(expressions.flatMap((expression) => [...promqlReferences(expression).metrics]));
      expect([...emitted().metrics].filter((name) => !used.has(name)), 'every emitted family has a panel').to.deep.equal([]);
    });

    it('type-checks against the Dashboard type of @grafana/schema', function () {
      this.timeout(60_000);
      expect(dashboardSchemaErrors()).to.deep.equal([]);
    });
  });

  describe('with promtool (Debian package prometheus)', function () {
    this.timeout(30_000);
    let promtool = true;
    before(async function () {
      promtool = await run('promtool', ['--version']).then(
        () => true,
        () => false,
      );
      if (!promtool) {
        if (process.env.CI === 'true') throw new Error('promtool is not installed, and CI=true: .ci/run installs it (apt-get install prometheus)');
        console.warn('    ⚠ SKIPPED: promtool is not installed (apt-get install prometheus); the alerting rules were not checked by Prometheus itself');
        this.skip();
      }
    });

    it('accepts the rules (promtool check rules)', async () => {
      const { stdout } = await run('promtool', ['check', 'rules', 'pulsecheck-alerts.yaml'], { cwd: monitoring });
      expect(stdout).to.include('SUCCESS: 3 rules found');
    });

    it('passes the rules\' unit tests (promtool test rules)', async () => {
      const { stdout } = await run('promtool', ['test', 'rules', 'pulsecheck-alerts.test.yaml'], { cwd: monitoring });
      expect(stdout).to.include('SUCCESS');
    });
  });
});
