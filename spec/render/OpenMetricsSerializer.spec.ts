import { expect } from 'chai';
import { OpenMetricsSerializer } from '#lib/render/OpenMetricsSerializer.js';
import { parseExposition, type ParsedFamily } from './exposition.js';
import { aCheck, aReport, databaseAndQueue, secretReport, working } from './fixtures.js';

const samplesOf = (families: Map<string, ParsedFamily>, name: string) => families.get(name)?.samples ?? [];

describe('OpenMetricsSerializer', () => {
  describe('constructor', () => {
    it('uses the OpenMetrics 1.0.0 content type by default', () => {
      expect(new OpenMetricsSerializer().contentType).to.equal('application/openmetrics-text; version=1.0.0; charset=utf-8');
    });

    it('uses the Prometheus 0.0.4 content type for the prometheus flavor', () => {
      expect(new OpenMetricsSerializer({ flavor: 'prometheus' }).contentType).to.equal('text/plain; version=0.0.4; charset=utf-8');
    });

    it('rejects a prefix that is not a valid metric name', () => {
      expect(() => new OpenMetricsSerializer({ prefix: 'my-app' })).to.throw(TypeError, /prefix must be a metric name prefix matching \[a-zA-Z_\]\[a-zA-Z0-9_\]\*, got 'my-app'/);
      expect(() => new OpenMetricsSerializer({ prefix: '' })).to.throw(TypeError, /prefix/);
      expect(() => new OpenMetricsSerializer({ prefix: '9lives' })).to.throw(TypeError, /prefix/);
    });

    it('rejects an unknown flavor and an unknown option', () => {
      expect(() => new OpenMetricsSerializer({ flavor: 'statsd' as never })).to.throw(TypeError, /flavor must be one of 'openmetrics', 'prometheus', got 'statsd'/);
      expect(() => new OpenMetricsSerializer({ title: 'x' } as never)).to.throw(TypeError, /unknown option 'title'/);
    });
  });

  describe('serialize', () => {
    it('writes a valid OpenMetrics exposition ending with exactly one # EOF', () => {
      const text = new OpenMetricsSerializer().serialize(secretReport());
      parseExposition(text, 'openmetrics');
      expect(text.endsWith('\n# EOF\n')).to.equal(true);
      expect(text.match(/^# EOF$/gm)).to.have.length(1);
    });

    it('writes a valid Prometheus 0.0.4 exposition without # EOF or # UNIT', () => {
      const text = new OpenMetricsSerializer({ flavor: 'prometheus' }).serialize(secretReport());
      parseExposition(text, 'prometheus');
      expect(text).not.to.include('# EOF');
      expect(text).not.to.include('# UNIT');
    });

    it('declares every family as a gauge with HELP, and the duration unit in OpenMetrics', () => {
      const families = parseExposition(new OpenMetricsSerializer().serialize(secretReport()), 'openmetrics');
      expect([...families.keys()]).to.deep.equal([
        'pulsecheck_status',
        'pulsecheck_check_status',
        'pulsecheck_check_critical',
        'pulsecheck_check_duration_seconds',
        'pulsecheck_check_observation',
      ]);
      for (const family of families.values()) {
        expect(family.type, family.name).to.equal('gauge');
        expect(family.help, family.name).to.be.a('string').and.not.equal('');
      }
      expect(families.get('pulsecheck_check_duration_seconds')?.unit).to.equal('seconds');
    });

    it('writes the overall status as a state set: 1 for the current status, 0 for the others', () => {
      const families = parseExposition(new OpenMetricsSerializer().serialize(databaseAndQueue()), 'openmetrics');
      expect(samplesOf(families, 'pulsecheck_status').map(({ labels, value }) => [labels.status, value])).to.deep.equal([
        ['pass', 0],
        ['warn', 0],
        ['fail', 1],
      ]);
    });

    it('writes each check status as a state set', () => {
      const families = parseExposition(new OpenMetricsSerializer().serialize(databaseAndQueue()), 'openmetrics');
      const current = samplesOf(families, 'pulsecheck_check_status').filter(({ value }) => value === 1);
      expect(current.map(({ labels }) => labels)).to.deep.equal([
        { check: 'DatabaseHealthCheck', status: 'pass' },
        { check: 'QueueHealthCheck', status: 'fail' },
      ]);
      expect(samplesOf(families, 'pulsecheck_check_status')).to.have.length(6);
    });

    it('writes criticality, and durations in seconds', () => {
      const report = aReport([working('db', { durationMs: 12.5 }), working('cache', { critical: false, durationMs: 1500 })]);
      const families = parseExposition(new OpenMetricsSerializer().serialize(report), 'openmetrics');
      expect(samplesOf(families, 'pulsecheck_check_critical').map(({ labels, value }) => [labels.check, value])).to.deep.equal([
        ['db', 1],
        ['cache', 0],
      ]);
      expect(samplesOf(families, 'pulsecheck_check_duration_seconds').map(({ labels, value }) => [labels.check, value])).to.deep.equal([
        ['db', 0.0125],
        ['cache', 1.5],
      ]);
    });

    it('prints each duration as the shortest decimal of its seconds (1.507 ms is 0.001507, not 0.0015069999999999999)', () => {
      const report = aReport([working('db', { durationMs: 1.507 }), working('cache', { durationMs: 0.1 }), working('queue', { durationMs: 123456.789 })]);
      const text = new OpenMetricsSerializer().serialize(report);
      expect(text).to.contain('pulsecheck_check_duration_seconds{check="db"} 0.001507\n');
      expect(text).to.contain('pulsecheck_check_duration_seconds{check="cache"} 0.0001\n');
      expect(text).to.contain('pulsecheck_check_duration_seconds{check="queue"} 123.456789\n');
    });

    it('writes numeric observations with key and unit labels, and skips the others', () => {
      const check = working('db', {
        observations: { connections: { value: 12 }, lag: { value: 0.25, unit: 'seconds' }, version: { value: '16.2' }, primary: { value: true } },
      });
      const families = parseExposition(new OpenMetricsSerializer().serialize(aReport([check])), 'openmetrics');
      expect(samplesOf(families, 'pulsecheck_check_observation')).to.deep.equal([
        { name: 'pulsecheck_check_observation', labels: { check: 'db', key: 'connections' }, value: 12 },
        { name: 'pulsecheck_check_observation', labels: { check: 'db', key: 'lag', unit: 'seconds' }, value: 0.25 },
      ]);
    });

    it('writes non-finite observations as NaN, +Inf and -Inf', () => {
      const check = working('db', { observations: { a: { value: Number.NaN }, b: { value: Infinity }, c: { value: -Infinity } } });
      const text = new OpenMetricsSerializer().serialize(aReport([check]));
      parseExposition(text, 'openmetrics');
      expect(text).to.include('key="a"} NaN\n').and.include('key="b"} +Inf\n').and.include('key="c"} -Inf\n');
    });

    it('escapes backslashes, quotes and newlines in label values', () => {
      const name = 'C:\\db "main"\nreplica';
      const text = new OpenMetricsSerializer().serialize(aReport([working(name, { observations: { 'k"\\': { value: 1, unit: 'u\n' } } })]));
      expect(text).to.include('check="C:\\\\db \\"main\\"\\nreplica"');
      const families = parseExposition(text, 'openmetrics');
      expect(samplesOf(families, 'pulsecheck_check_critical')[0]?.labels.check).to.equal(name);
      expect(samplesOf(families, 'pulsecheck_check_observation')[0]?.labels).to.deep.equal({ check: name, key: 'k"\\', unit: 'u\n' });
    });

    it('uses the prefix for every metric name', () => {
      const families = parseExposition(new OpenMetricsSerializer({ prefix: 'billing_health' }).serialize(databaseAndQueue()), 'openmetrics');
      expect([...families.keys()].every((name) => name.startsWith('billing_health_'))).to.equal(true);
      expect(families.has('billing_health_status')).to.equal(true);
    });

    it('writes the overall status alone for a report without checks', () => {
      const text = new OpenMetricsSerializer().serialize(aReport());
      expect([...parseExposition(text, 'openmetrics').keys()]).to.deep.equal(['pulsecheck_status']);
    });

    it('writes status and criticality only at detail status', () => {
      const text = new OpenMetricsSerializer({ detail: 'status' }).serialize(secretReport());
      expect([...parseExposition(text, 'openmetrics').keys()]).to.deep.equal(['pulsecheck_status', 'pulsecheck_check_status', 'pulsecheck_check_critical']);
    });

    it('writes the overall status only at detail summary', () => {
      const text = new OpenMetricsSerializer({ detail: 'summary', flavor: 'prometheus' }).serialize(secretReport());
      expect([...parseExposition(text, 'prometheus').keys()]).to.deep.equal(['pulsecheck_status']);
      expect(text).not.to.include('DatabaseHealthCheck');
    });

    it('shows a warning check as warn', () => {
      const families = parseExposition(new OpenMetricsSerializer().serialize(aReport([aCheck({ name: 'disk', errors: [{ kind: 'warning', message: 'w' }] })])), 'openmetrics');
      expect(samplesOf(families, 'pulsecheck_check_status').find(({ value }) => value === 1)?.labels.status).to.equal('warn');
      expect(samplesOf(families, 'pulsecheck_status').find(({ value }) => value === 1)?.labels.status).to.equal('warn');
    });
  });
});
