import { expect } from 'chai';
import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type DataPoint,
  type Histogram,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { HealthCheckRegistry, ServiceUnavailable, ServiceWarning, type HealthService } from 'pulsecheck';
import { HEALTH_METRIC_NAMES, registerHealthMetrics } from 'pulsecheck/opentelemetry';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { namingProblems } from './namingRules.js';

/** A real SDK pipeline: a MeterProvider, a periodic reader that only exports when flushed, and the in-memory exporter. */
function pipeline(): { provider: MeterProvider; collect: () => Promise<MetricData[]> } {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  return {
    provider,
    collect: async () => {
      exporter.reset();
      await reader.forceFlush();
      return exporter.getMetrics().flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics));
    },
  };
}

function metric(all: readonly MetricData[], name: string): MetricData {
  const found = all.find((candidate) => candidate.descriptor.name === name);
  if (found === undefined) throw new Error(`no metric ${name} in ${all.map((candidate) => candidate.descriptor.name).join(', ')}`);
  return found;
}

/** `name/status → value` for the status gauge. */
function statusValues(data: MetricData): Record<string, number> {
  const values: Record<string, number> = {};
  for (const point of data.dataPoints as DataPoint<number>[]) {
    values[`${String(point.attributes[HEALTH_METRIC_NAMES.name])}/${String(point.attributes[HEALTH_METRIC_NAMES.state])}`] = point.value;
  }
  return values;
}

function twoChecks(): { service: HealthService; state: { db: 'up' | 'down'; cache: 'up' | 'slow' } } {
  const registry = new HealthCheckRegistry();
  const state: { db: 'up' | 'down'; cache: 'up' | 'slow' } = { db: 'up', cache: 'up' };
  checkClass(
    registry,
    'Database',
    () => {
      if (state.db === 'down') throw new ServiceUnavailable('connection refused');
    },
    { tags: ['ready', 'db'] },
  );
  checkClass(
    registry,
    'Cache',
    () => {
      if (state.cache === 'slow') throw new ServiceWarning('slow');
    },
    { critical: false, tags: ['ready'] },
  );
  return { service: serviceFor(registry), state };
}

describe('registerHealthMetrics', () => {
  describe('having a real MeterProvider with an in-memory exporter', () => {
    it('reports each check\'s status as a gauge: 1 for the current state, 0 for the others, with name, criticality and one attribute per tag', async () => {
      const { provider, collect } = pipeline();
      const { service, state } = twoChecks();
      registerHealthMetrics(service, { meterProvider: provider });
      await service.run();
      let status = metric(await collect(), 'health.check.status');
      expect(status.descriptor.unit).to.equal('1');
      expect(status.dataPointType).to.equal(DataPointType.GAUGE);
      expect(statusValues(status)).to.deep.equal({
        'Database/pass': 1,
        'Database/warn': 0,
        'Database/fail': 0,
        'Cache/pass': 1,
        'Cache/warn': 0,
        'Cache/fail': 0,
      });
      const database = (status.dataPoints as DataPoint<number>[]).find((point) => point.attributes['health.check.name'] === 'Database');
      expect(database?.attributes).to.deep.include({ 'health.check.critical': true, 'health.check.tag.ready': true, 'health.check.tag.db': true });
      const cache = (status.dataPoints as DataPoint<number>[]).find((point) => point.attributes['health.check.name'] === 'Cache');
      expect(Object.keys(cache?.attributes ?? {}).sort()).to.deep.equal(['health.check.critical', 'health.check.name', 'health.check.state', 'health.check.tag.ready']);

      state.db = 'down';
      state.cache = 'slow';
      await service.run();
      status = metric(await collect(), 'health.check.status');
      expect(statusValues(status)).to.deep.include({ 'Database/fail': 1, 'Database/pass': 0, 'Cache/warn': 1, 'Cache/pass': 0 });
      await provider.shutdown();
    });

    it('records every execution\'s duration in a histogram, in seconds, with the status it ended in', async () => {
      const { provider, collect } = pipeline();
      const { service, state } = twoChecks();
      registerHealthMetrics(service, { meterProvider: provider });
      await service.run();
      await service.run();
      state.db = 'down';
      const report = await service.run();
      const duration = metric(await collect(), 'health.check.duration');
      expect(duration.descriptor.unit).to.equal('s');
      expect(duration.dataPointType).to.equal(DataPointType.HISTOGRAM);
      const points = duration.dataPoints as DataPoint<Histogram>[];
      const count = (name: string, status: string): number =>
        points.filter((point) => point.attributes['health.check.name'] === name && point.attributes['health.check.state'] === status).reduce((sum, point) => sum + point.value.count, 0);
      expect(count('Database', 'pass')).to.equal(2);
      expect(count('Database', 'fail')).to.equal(1);
      expect(count('Cache', 'pass')).to.equal(3);
      const failed = points.find((point) => point.attributes['health.check.state'] === 'fail');
      const databaseMs = report.checks.find((check) => check.name === 'Database')?.durationMs ?? Number.NaN;
      expect(failed?.value.sum).to.be.closeTo(databaseMs / 1000, 1e-9);
      expect(failed?.value.buckets.boundaries).to.include.members([0.005, 0.1, 1, 10]);
      await provider.shutdown();
    });

    it('emits only names that follow the semantic conventions, no attribute named like a metric (the gauge had a health.check.status attribute)', async () => {
      const { provider, collect } = pipeline();
      const { service } = twoChecks();
      registerHealthMetrics(service, { meterProvider: provider });
      await service.run();
      const all = await collect();
      const metricNames = all.map((data) => data.descriptor.name);
      const attributeNames = [...new Set(all.flatMap((data) => (data.dataPoints as DataPoint<unknown>[]).flatMap((point) => Object.keys(point.attributes))))];
      expect(metricNames.sort()).to.deep.equal(['health.check.duration', 'health.check.status']);
      expect(attributeNames.sort()).to.deep.equal(['health.check.critical', 'health.check.name', 'health.check.state', 'health.check.tag.db', 'health.check.tag.ready']);
      expect(namingProblems(metricNames, attributeNames)).to.deep.equal([]);
      await provider.shutdown();
    });

    it('stops recording and observing once unregistered, and can be called twice', async () => {
      const { provider, collect } = pipeline();
      const { service } = twoChecks();
      const unregister = registerHealthMetrics(service, { meter: provider.getMeter('app') });
      await service.run();
      unregister();
      unregister();
      await service.run();
      const all = await collect();
      const duration = all.find((candidate) => candidate.descriptor.name === 'health.check.duration');
      const total = ((duration?.dataPoints ?? []) as DataPoint<Histogram>[]).reduce((sum, point) => sum + point.value.count, 0);
      expect(total, 'only the run before unregister()').to.equal(2);
      expect(all.find((candidate) => candidate.descriptor.name === 'health.check.status')?.dataPoints ?? []).to.deep.equal([]);
      await provider.shutdown();
    });

    it('uses the global meter provider when given neither meter nor provider', async () => {
      const { provider, collect } = pipeline();
      expect(metrics.setGlobalMeterProvider(provider)).to.equal(true);
      try {
        const { service } = twoChecks();
        const unregister = registerHealthMetrics(service);
        await service.run();
        const all = await collect();
        expect(statusValues(metric(all, 'health.check.status'))).to.include({ 'Database/pass': 1 });
        unregister();
      } finally {
        metrics.disable();
        await provider.shutdown();
      }
    });
  });

  describe('when called with bad input', () => {
    it('throws TypeErrors that name the problem', () => {
      const { service } = twoChecks();
      const provider = new MeterProvider();
      expect(() => registerHealthMetrics({} as never)).to.throw(TypeError, 'registerHealthMetrics: service must be a HealthService');
      expect(() => registerHealthMetrics(service, { meter: provider.getMeter('a'), meterProvider: provider })).to.throw(TypeError, 'either meter or meterProvider, not both');
      expect(() => registerHealthMetrics(service, { meterProvider: {} as never })).to.throw(TypeError, 'meterProvider must be an OpenTelemetry MeterProvider');
      expect(() => registerHealthMetrics(service, { meter: {} as never })).to.throw(TypeError, 'meter must be an OpenTelemetry Meter');
      expect(() => registerHealthMetrics(service, { meters: provider } as never)).to.throw(TypeError, /meters/);
    });

    it('refuses a second registration of the same service with the same meter provider (it would count every execution twice), and accepts it once the first is stopped', async () => {
      const { service } = twoChecks();
      const { provider, collect } = pipeline();
      try {
        const stop = registerHealthMetrics(service, { meterProvider: provider });
        expect(() => registerHealthMetrics(service, { meterProvider: provider })).to.throw(TypeError, 'registerHealthMetrics: this HealthService is already registered with this meter');
        await service.run();
        const durations = metric(await collect(), HEALTH_METRIC_NAMES.duration).dataPoints as DataPoint<Histogram>[];
        expect(durations.map((point) => point.value.count)).to.deep.equal([1, 1]);
        stop();
        const again = registerHealthMetrics(service, { meterProvider: provider });
        again();
        const other = pipeline();
        registerHealthMetrics(service, { meterProvider: other.provider })();
        await other.provider.shutdown();
      } finally {
        await provider.shutdown();
      }
    });

    it('refuses, with a TypeError naming the meter, a meter that throws when creating its instruments or returns something else', () => {
      const { service } = twoChecks();
      const real = new MeterProvider().getMeter('real');
      const throwing = { ...real, createObservableGauge: () => { throw new Error('no gauges here'); }, createHistogram: real.createHistogram.bind(real) };
      expect(() => registerHealthMetrics(service, { meter: throwing as never })).to.throw(TypeError, 'registerHealthMetrics: the meter could not create its instruments: no gauges here');
      const noGauge = { createObservableGauge: () => undefined, createHistogram: real.createHistogram.bind(real) };
      expect(() => registerHealthMetrics(service, { meter: noGauge as never })).to.throw(TypeError, "the meter's createObservableGauge() returned undefined");
      const noHistogram = { createObservableGauge: real.createObservableGauge.bind(real), createHistogram: () => ({}) };
      expect(() => registerHealthMetrics(service, { meter: noHistogram as never })).to.throw(TypeError, "the meter's createHistogram() returned");
      // Refused registrations leave nothing behind: a good meter is accepted afterwards.
      registerHealthMetrics(service, { meter: real })();
    });
  });
});
