import { expect } from 'chai';
import type { DetailLevel } from '#lib/render/DetailLevel.js';
import { HealthJsonSerializer } from '#lib/render/HealthJsonSerializer.js';
import { HtmlSerializer } from '#lib/render/HtmlSerializer.js';
import { JsonSerializer } from '#lib/render/JsonSerializer.js';
import { OpenMetricsSerializer } from '#lib/render/OpenMetricsSerializer.js';
import { respond } from '#lib/render/respond.js';
import type { Serializer } from '#lib/render/Serializer.js';
import { secretReport, secrets } from './fixtures.js';

/**
 * Every rendering of each value of `secrets` we know of: raw, and as the
 * HTML page (`987.7 ms`, `4.24 s`) and the metrics (`0.987654` s) format it.
 */
const revealing: Readonly<Record<string, readonly string[]>> = {
  message: ['hunter2', 'db.internal', 'did not finish'],
  duration: [String(secrets.durationMs), '987.7 ms', String(secrets.durationMs / 1000)],
  // the page shows `replicationLag`: the unit is not repeated in the key
  observation: [String(secrets.observationValue), secrets.observationKey, 'replicationLag', secrets.stringObservation],
  tag: [secrets.tag],
  age: [String(secrets.ageMs), '4.24 s'],
  reportDuration: [String(secrets.reportDurationMs), '6.54 s'],
  description: [secrets.description, 'DESCRIBED'],
};
const checkNames = ['DatabaseHealthCheck', 'CacheHealthCheck', 'ClockHealthCheck'];
const errorKinds = ['unavailable', 'timeout'];

interface Case {
  readonly label: string;
  readonly make: (detail: DetailLevel) => Serializer;
  /** The `revealing` groups this serializer shows at `full`, proving the strings above are the ones it would leak. */
  readonly showsAtFull: readonly (keyof typeof revealing)[];
}

const cases: readonly Case[] = [
  { label: 'JsonSerializer (flat)', make: (detail) => new JsonSerializer({ detail }), showsAtFull: ['message'] },
  { label: 'JsonSerializer (detailed)', make: (detail) => new JsonSerializer({ detail, detailed: true }), showsAtFull: ['message', 'duration', 'observation', 'tag', 'age', 'reportDuration', 'description'] },
  // The HTML shows a reused result's age only when it is overdue (HtmlSerializer.sinceWhen.spec), which this report's results are not.
  { label: 'HtmlSerializer', make: (detail) => new HtmlSerializer({ detail }), showsAtFull: ['message', 'duration', 'observation', 'tag', 'reportDuration', 'description'] },
  { label: 'HealthJsonSerializer', make: (detail) => new HealthJsonSerializer({ detail }), showsAtFull: ['message', 'duration', 'observation', 'description'] },
  { label: 'OpenMetricsSerializer', make: (detail) => new OpenMetricsSerializer({ detail }), showsAtFull: ['duration'] },
  { label: 'OpenMetricsSerializer (prometheus)', make: (detail) => new OpenMetricsSerializer({ detail, flavor: 'prometheus' }), showsAtFull: ['duration'] },
];

describe('DetailLevel', () => {
  for (const { label, make, showsAtFull } of cases) {
    describe(label, () => {
      it('shows the values at full (so the checks below can fail)', () => {
        const text = make('full').serialize(secretReport());
        for (const group of showsAtFull) {
          expect(revealing[group]?.some((value) => text.includes(value)), group).to.equal(true);
        }
        for (const name of checkNames) expect(text).to.include(name);
      });

      for (const detail of ['status', 'summary'] as const) {
        it(`leaks no message, duration, observation, tag, age or description at ${detail}`, () => {
          const text = make(detail).serialize(secretReport());
          for (const [group, values] of Object.entries(revealing)) {
            for (const value of values) expect(text, `${group}: ${value}`).not.to.include(value);
          }
        });
      }

      it('keeps the check names at status', () => {
        const text = make('status').serialize(secretReport());
        for (const name of checkNames) expect(text).to.include(name);
      });

      it('shows no check and no error kind at summary', () => {
        const text = make('summary').serialize(secretReport());
        for (const value of [...checkNames, ...errorKinds]) expect(text).not.to.include(value);
        expect(text).to.include('fail');
      });
    });
  }

  it('is full by default, and passed through by respond() for every format', () => {
    for (const format of ['json', 'html', 'health+json', 'openmetrics', 'prometheus']) {
      expect(respond(secretReport(), { format }).body, format).to.include('DatabaseHealthCheck');
      const body = respond(secretReport(), { format, detail: 'summary' }).body;
      expect(body, format).not.to.include('DatabaseHealthCheck');
      expect(body, format).not.to.include(secrets.observationKey);
    }
  });
});
