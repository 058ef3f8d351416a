import { expect } from 'chai';
import fc from 'fast-check';
import { buildResult } from '#lib/core/buildResult.js';
import { ResultHistory, boundedOutput } from '#lib/core/ResultHistory.js';
import { DEFAULT_HISTORY_SIZE, HISTORY_OUTPUT_MAX_LENGTH, MAX_HISTORY_SIZE, type CheckResult } from 'pulsecheck';
import { numRuns } from '../support/arbitraries.js';
import { slot } from './unitFixtures.js';

const t0 = 1_700_000_000_000;

describe('ResultHistory', () => {
  // A slot belongs to one service: each spec gets its own, so no unit sees another's state on it.
  let key = slot('Db');
  beforeEach(() => {
    key = slot('Db');
  });
  const passing = buildResult(key.definition, 3, [], {});
  const failing = (message: string): CheckResult => buildResult(key.definition, 7, [{ kind: 'unavailable', message }], {});

  describe('record() then snapshot()', () => {
    it('keeps the executions oldest first, with status, duration, ISO time and output', () => {
      const history = new ResultHistory(5);
      history.record(key, passing, t0);
      history.record(key, failing('refused'), t0 + 1_000);
      expect(history.snapshot(key, 'Db', 0)).to.deep.equal({
        name: 'Db',
        capacity: 5,
        entries: [
          { status: 'pass', durationMs: 3, time: '2023-11-14T22:13:20.000Z', output: 'working' },
          { status: 'fail', durationMs: 7, time: '2023-11-14T22:13:21.000Z', output: 'unavailable: refused' },
        ],
        uptimePercent: 50,
      });
    });

    it('drops the oldest entry once full, so that it never holds more than its capacity', () => {
      const history = new ResultHistory(3);
      for (let index = 0; index < 10; index += 1) history.record(key, failing(`#${index}`), t0 + index);
      const { entries } = history.snapshot(key, 'Db', 0);
      expect(entries.map((entry) => entry.output)).to.deep.equal(['unavailable: #7', 'unavailable: #8', 'unavailable: #9']);
    });

    it('counts pass and warn as up, fail as down, rounded to two decimals', () => {
      const history = new ResultHistory(3);
      history.record(key, passing, t0);
      history.record(key, buildResult(key.definition, 1, [{ kind: 'warning', message: 'slow' }], {}), t0);
      history.record(key, failing('x'), t0);
      expect(history.snapshot(key, 'Db', 0).uptimePercent).to.equal(66.67);
    });

    it('has no uptime and no entries before the first execution', () => {
      expect(new ResultHistory(3).snapshot(key, 'Db', 0)).to.deep.equal({ name: 'Db', capacity: 3, entries: [] });
    });

    it('returns a frozen copy that later executions do not change', () => {
      const history = new ResultHistory(2);
      history.record(key, passing, t0);
      const before = history.snapshot(key, 'Db', 0);
      history.record(key, failing('a'), t0);
      history.record(key, failing('b'), t0);
      expect(before.entries).to.have.length(1);
      expect(before.entries[0]?.status).to.equal('pass');
      expect(Object.isFrozen(before) && Object.isFrozen(before.entries) && Object.isFrozen(before.entries[0])).to.equal(true);
    });

    it('formats an entry when a snapshot reads it, yet always shows what was recorded at that position: any interleaving of records and snapshots matches a plain list', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }),
          fc.array(fc.oneof(fc.record({ fails: fc.boolean(), atMs: fc.integer({ min: 0, max: 10_000_000 }) }), fc.constant('snapshot' as const)), { maxLength: 40 }),
          (capacity, steps) => {
            const history = new ResultHistory(capacity);
            const key = slot('Db');
            const model: { status: string; durationMs: number; time: string; output: string }[] = [];
            for (const [index, step] of steps.entries()) {
              if (step === 'snapshot') {
                expect(history.snapshot(key, 'Db', 0).entries).to.deep.equal(model.slice(-capacity));
                continue;
              }
              const result = step.fails ? failing(`#${index}`) : passing;
              history.record(key, result, t0 + step.atMs);
              model.push({ status: result.status, durationMs: result.durationMs, time: new Date(t0 + step.atMs).toISOString(), output: result.output });
            }
            expect(history.snapshot(key, 'Db', 0).entries).to.deep.equal(model.slice(-capacity));
          },
        ),
        { numRuns: numRuns(200) },
      );
    });

    it("dates an entry when it is read, from the monotonic time it ended and the wall clock's lead then", () => {
      const history = new ResultHistory(2);
      const ended = performance.now() - 5_000;
      history.record(key, passing, ended);
      const before = Date.now();
      const [entry] = history.snapshot(key, 'Db').entries;
      const dated = Date.parse(entry?.time ?? '');
      expect(dated).to.be.within(before - 5_000 - 50, Date.now() - 5_000 + 50);
      expect(history.snapshot(key, 'Db', 1_000).entries[0], 'the entry is dated once, at its first reading').to.equal(entry);
    });

    it('keeps nothing with capacity 0', () => {
      const history = new ResultHistory(0);
      history.record(key, passing, t0);
      expect(history.snapshot(key, 'Db', 0)).to.deep.equal({ name: 'Db', capacity: 0, entries: [] });
    });
  });

  describe('bounds', () => {
    it('stays at its capacity in entries, and at most HISTORY_OUTPUT_MAX_LENGTH characters per output, over many executions', () => {
      const history = new ResultHistory(DEFAULT_HISTORY_SIZE);
      const huge = 'x'.repeat(100_000);
      for (let index = 0; index < 5_000; index += 1) history.record(key, index % 2 === 0 ? passing : failing(`${index} ${huge}`), t0 + index);
      const { entries } = history.snapshot(key, 'Db', 0);
      expect(entries).to.have.length(DEFAULT_HISTORY_SIZE);
      for (const entry of entries) {
        expect(entry.output.length).to.be.at.most(HISTORY_OUTPUT_MAX_LENGTH);
        expect(entry.time).to.have.length(24);
        expect(Object.keys(entry)).to.deep.equal(['status', 'durationMs', 'time', 'output']);
      }
      expect(entries.at(-1)?.output).to.equal(`unavailable: 4999 ${'x'.repeat(HISTORY_OUTPUT_MAX_LENGTH - 19)}…`);
    });

    it('cuts any output to at most HISTORY_OUTPUT_MAX_LENGTH characters, keeps short ones whole and never splits a surrogate pair', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (output) => {
          const kept = boundedOutput(output);
          expect(kept.length).to.be.at.most(HISTORY_OUTPUT_MAX_LENGTH);
          if (output.length <= HISTORY_OUTPUT_MAX_LENGTH) expect(kept).to.equal(output);
          else {
            expect(kept.endsWith('…')).to.equal(true);
            expect(output.startsWith(kept.slice(0, -1))).to.equal(true);
            const last = kept.charCodeAt(kept.length - 2);
            expect(last >= 0xd800 && last <= 0xdbff, 'a lone high surrogate before the ellipsis').to.equal(false);
          }
        }),
        { numRuns: numRuns(300) },
      );
    });

    describe('boundedOutput(output), at the cut', () => {
      const max = HISTORY_OUTPUT_MAX_LENGTH;
      const x = (count: number): string => 'x'.repeat(count);
      const cases: [string, string, string][] = [
        ['keeps an output of exactly the limit whole', x(max), x(max)],
        ['cuts an output one over the limit, keeping limit - 1 characters and the ellipsis', x(max + 1), `${x(max - 1)}…`],
        ['drops a high surrogate (U+D800) that would end the kept text, with its low half', `${x(max - 2)}\ud800\udc00${x(10)}`, `${x(max - 2)}…`],
        ['drops the last high surrogate (U+DBFF) too', `${x(max - 2)}\udbff\udfff${x(10)}`, `${x(max - 2)}…`],
        ['keeps a whole pair that ends the kept text', `${x(max - 3)}\ud800\udc00${x(10)}`, `${x(max - 3)}\ud800\udc00…`],
        ['keeps a character above the surrogates (U+FFFF) that ends the kept text', `${x(max - 2)}\uffff${x(10)}`, `${x(max - 2)}\uffff…`],
        ['keeps the last kept character when only a later one is a high surrogate', `${x(max)}\ud800\udc00`, `${x(max - 1)}…`],
      ];
      for (const [behaviour, output, kept] of cases) {
        it(behaviour, () => {
          expect(boundedOutput(output)).to.equal(kept);
        });
      }

      it('keeps no output at all for a value that is not a string (a hand-made result)', () => {
        for (const output of [undefined, null, 42, { toString: () => 'x' }]) expect(boundedOutput(output as unknown as string)).to.equal('');
      });
    });
  });

  describe('new ResultHistory(capacity)', () => {
    it(`defaults to ${DEFAULT_HISTORY_SIZE} and accepts 0 to ${MAX_HISTORY_SIZE}`, () => {
      expect(new ResultHistory(undefined).capacity).to.equal(DEFAULT_HISTORY_SIZE);
      expect(new ResultHistory(0).capacity).to.equal(0);
      expect(new ResultHistory(MAX_HISTORY_SIZE).capacity).to.equal(MAX_HISTORY_SIZE);
    });

    const refused: [unknown, string][] = [
      [-1, '-1'],
      [1.5, '1.5'],
      [MAX_HISTORY_SIZE + 1, '10001'],
      [Number.NaN, 'NaN'],
      [Infinity, 'Infinity'],
      ['60', "'60'"],
      [null, 'null'],
      [true, 'true (boolean)'],
    ];
    for (const [bad, shown] of refused) {
      it(`refuses ${shown} with a RangeError naming historySize and showing the value`, () => {
        expect(() => new ResultHistory(bad)).to.throw(RangeError).with.property('message', `HealthService: historySize must be a whole number from 0 to 10000, got ${shown}`);
      });
    }

    it('names the given owner in its error', () => {
      expect(() => new ResultHistory(-1, 'healthModule')).to.throw(RangeError, /^healthModule: historySize must/);
    });
  });
});
