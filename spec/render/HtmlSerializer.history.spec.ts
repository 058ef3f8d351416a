import { expect } from 'chai';
import fc from 'fast-check';
import { HtmlSerializer } from '#lib/render/HtmlSerializer.js';
import { HealthCheckRegistry, ServiceUnavailable, type CheckHistory, type CheckResult, type HistoryEntry } from 'pulsecheck';
import { checkClass, serviceFor } from '../core/fixtures.js';
import { hostileValues } from '../core/hostileValues.js';
import { numRuns } from '../support/arbitraries.js';
import { aReport, hostile, working } from './fixtures.js';

const t0 = Date.UTC(2025, 2, 4, 5, 0, 0);

function entry(status: HistoryEntry['status'], durationMs: number, index: number, output = status === 'pass' ? 'working' : `unavailable: #${index}`): HistoryEntry {
  return { status, durationMs, time: new Date(t0 + index * 30_000).toISOString(), output };
}

function withHistory(entries: readonly HistoryEntry[], name = 'Db'): CheckResult {
  const history: CheckHistory = { name, capacity: 60, entries };
  return { ...working(name), history };
}

/** The page of `checks`, its run ending at the newest entry's time (so the shared window is exactly the entries' span). */
function render(checks: readonly CheckResult[], detail: 'full' | 'status' | 'summary' = 'full'): string {
  const times = checks
    .flatMap((check): unknown[] => (Array.isArray(check.history?.entries) ? [...(check.history.entries as readonly unknown[])] : []))
    .map((entry) => {
      const time: unknown = typeof entry === 'object' && entry !== null ? (entry as { time?: unknown }).time : undefined;
      return typeof time === 'string' ? Date.parse(time) : Number.NaN;
    })
    .filter((time) => Number.isFinite(time));
  const overrides = times.length === 0 ? {} : { startedAt: new Date(Math.max(...times)).toISOString(), durationMs: 0 };
  return new HtmlSerializer({ detail }).serialize(aReport(checks, overrides));
}

const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'h1', 'p', 'strong', 'span', 'time', 'main', 'section', 'h2', 'ul', 'li', 'h3', 'dl', 'dt', 'dd', 'footer', 'ol', 'svg', 'polyline', 'rect', 'bdi', 'a']);
const allowedAttributes = new Set(['lang', 'charset', 'name', 'content', 'class', 'aria-hidden', 'aria-labelledby', 'aria-label', 'id', 'datetime', 'title', 'viewBox', 'preserveAspectRatio', 'role', 'focusable', 'vector-effect', 'points', 'x', 'y', 'width', 'height', 'href']);

/**
 * Asserts that every `<` after the stylesheet opens one of the page's own
 * tags, with only its own attributes, each value quoted without `"`, `<` or
 * `>` in it, and that every `&` starts one of the five entities escapeHtml
 * writes: whatever a check reported, it reached the page as text.
 */
function expectOnlyOwnMarkup(html: string): void {
  const body = html.slice(html.indexOf('</style>'));
  let index = body.indexOf('<');
  while (index !== -1) {
    const tag = /^<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>/.exec(body.slice(index));
    expect(tag, `markup at ${body.slice(index, index + 60)}`).not.to.equal(null);
    expect(allowedTags.has(tag?.[1] ?? ''), `tag ${tag?.[1]}`).to.equal(true);
    for (const attribute of (tag?.[2] ?? '').matchAll(/\s+([a-zA-Z-]+)="[^"]*"/g)) expect(allowedAttributes.has(attribute[1] ?? ''), `attribute ${attribute[1]}`).to.equal(true);
    index = body.indexOf('<', index + 1);
  }
  for (const ampersand of body.matchAll(/&/g)) expect(body.slice(ampersand.index, ampersand.index + 6)).to.match(/^&(amp|lt|gt|quot|#39);/);
}

/** The y coordinates of the sparkline's points. */
function ys(html: string): number[] {
  const points = /<polyline[^>]* points="([^"]*)"/.exec(html)?.[1];
  expect(points, 'a sparkline').to.be.a('string');
  return (points ?? '').split(' ').map((point) => Number(point.split(',')[1]));
}

describe('HtmlSerializer with history', () => {
  describe('the status strip and the uptime', () => {
    it('draws one bar per run of one status, oldest at the left, with its times, status and output as a tooltip and as text', () => {
      const html = render([withHistory([entry('pass', 2, 0), entry('fail', 800, 1, 'timeout: no answer within 800 ms'), entry('warn', 3, 2, 'warning: slow')])]);
      expect(html).to.include('<svg class="strip" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">');
      expect(html).to.include('<rect class="pass" x="0" y="5.5" width="500" height="4.5"><title>05:00:00 to 05:00:30 UTC: Passing</title></rect>');
      expect(html).to.include('<rect class="fail" x="500" y="0" width="500" height="10"><title>05:00:30 to 05:01:00 UTC: Failing: timeout: no answer within 800 ms</title></rect>');
      expect(html).to.include('<rect class="warn" x="1000" y="3" width="4" height="7"><title>05:01:00 to now: Warning: warning: slow</title></rect>');
      expect(html).to.include('<li>05:00:30 to 05:01:00 UTC: Failing: timeout: no answer within 800 ms</li>');
    });

    it('states the uptime over a time span: the share of its results that are not fail', () => {
      const html = render([withHistory([entry('pass', 2, 0), entry('warn', 2, 1), entry('fail', 2, 2)])]);
      expect(html).to.include('<p class="uptime">Uptime <strong>66.67%</strong> over the last 1.0 min (3 results)</p>');
      expect(render([withHistory([entry('pass', 2, 0)])])).to.include('Uptime <strong>100%</strong> over the last 1.00 s (1 result)<');
    });

    it('draws the newest 120 runs at most', () => {
      const entries = Array.from({ length: 150 }, (_, index) => entry(index % 2 === 0 ? 'fail' : 'pass', 1, index));
      const html = render([withHistory(entries)]);
      expect(html.match(/<rect class="(pass|fail)"/g)).to.have.length(120);
    });

    it('draws nothing for a check without history, or with no entries yet', () => {
      for (const check of [working('Db'), withHistory([])]) {
        const html = render([check]);
        expect(html).not.to.include('class="history"');
        expect(html).not.to.include('<svg');
      }
    });

    it('draws history at detail full only', () => {
      const check = withHistory([entry('fail', 2, 0, 'unavailable: secret host db-7.internal')]);
      for (const detail of ['status', 'summary'] as const) {
        const html = render([check], detail);
        expect(html, detail).not.to.include('class="history"');
        expect(html, detail).not.to.include('db-7.internal');
      }
    });

    it('never throws on a malformed history (the report may be hand-made), drawing what is well formed', () => {
      const odd = [null, 1, 'x', { entries: 'no' }, { entries: [null, 7, { status: 'weird', durationMs: Number.NaN, time: 'soon', output: 42 }] }];
      for (const history of odd) {
        const html = render([{ ...working('Db'), history: history as never }]);
        expect(html).to.include('<h3>Db</h3>');
      }
      // an entry without a time cannot be placed on the time axis: nothing is drawn
      const html = render([{ ...working('Db'), history: odd[4] as never }]);
      expect(html).not.to.include('class="history"');
      expect(html).not.to.include('<svg');
    });
  });

  describe('the duration sparkline', () => {
    it('scales from zero to the largest duration, oldest at the left', () => {
      const html = render([withHistory([entry('pass', 0, 0), entry('pass', 5, 1), entry('pass', 10, 2)])]);
      expect(/points="([^"]*)"/.exec(html)?.[1]).to.equal('0,22 50,12 100,2');
      expect(html).to.include('aria-label="Duration over the same time: 3 results, median 5.00 ms, maximum 10.0 ms"');
      expect(html).to.include('<span>median 5.00 ms</span><span>max 10.0 ms</span>');
    });

    it('draws a level line in the middle for one result, and for equal durations (zero included)', () => {
      expect(/points="([^"]*)"/.exec(render([withHistory([entry('pass', 4, 0)])]))?.[1]).to.equal('0,12 100,12');
      expect(ys(render([withHistory([entry('pass', 4, 0), entry('pass', 4, 1), entry('pass', 4, 2)])]))).to.deep.equal([12, 12, 12]);
      expect(ys(render([withHistory([entry('pass', 0, 0), entry('pass', 0, 1)])]))).to.deep.equal([12, 12]);
    });

    it('clips one huge outlier at four times the 90th percentile rather than flattening the rest, and says so', () => {
      const entries = [...Array.from({ length: 19 }, (_, index) => entry('pass', 2 + (index % 2), index)), entry('fail', 30_000, 19, 'timeout: 30 s')];
      const html = render([withHistory(entries)]);
      const points = ys(html);
      expect(points.at(-1)).to.equal(2);
      // the others keep their shape: 2 ms and 3 ms are a quarter of the way apart
      expect(new Set(points.slice(0, -1))).to.deep.equal(new Set([22 - (2 / 12) * 20, 22 - (3 / 12) * 20].map((y) => Math.round(y * 10) / 10)));
      expect(html).to.include('maximum 30.00 s, scale clipped at 12.0 ms');
      expect(html).to.include('max 30.00 s (off the scale)');
    });

    it('skips durations that are not finite non-negative numbers', () => {
      const html = render([withHistory([entry('pass', Number.NaN, 0), entry('pass', -1, 1), entry('pass', 3, 2), entry('pass', 6, 3)])]);
      expect(ys(html)).to.deep.equal([12, 2].map((y, index) => (index === 0 ? 22 - (3 / 6) * 20 : y)));
    });
  });

  describe('escaping', () => {
    it('escapes hostile outputs and check names in the strip and the labels', () => {
      const html = render([withHistory([entry('fail', 2, 0, `unavailable: ${hostile.message}`)], hostile.name)]);
      expect(html).not.to.include(hostile.message);
      expect(html).not.to.include('<img');
      expect(html).to.include('Failing: unavailable: &quot;onload=&quot;alert(1)&quot; &lt;img src=x onerror=alert(2)&gt; &amp;amp; done');
    });

    it('writes no style attribute and no script: the page keeps working under a CSP that allows only its own <style>', () => {
      const html = render([withHistory([entry('pass', 2, 0), entry('fail', 9, 1)])]);
      expect(html).not.to.match(/\sstyle=/);
      expect(html).not.to.include('<script');
      expect(html.match(/<style>/g)).to.have.length(1);
    });

    it('draws the history of a real service whose checks throw hostile values and HTML, all of it escaped', async () => {
      const registry = new HealthCheckRegistry();
      const thrown = [...Object.values(hostileValues), () => new Error(hostile.message), () => `<script>alert("thrown")</script>`, () => new ServiceUnavailable(hostile.title)];
      thrown.forEach((make, index) => {
        let round = 0;
        checkClass(registry, index === 0 ? hostile.name : `Check${index}`, () => {
          round += 1;
          if (round % 2 === 0) throw make();
        });
      });
      const service = serviceFor(registry);
      for (let round = 0; round < 3; round += 1) await service.run();
      const report = await service.run({ history: true });
      expect(report.checks.every((check) => check.history?.entries.length === 4)).to.equal(true);
      const html = new HtmlSerializer().serialize(report);
      expect(html.match(/<svg class="strip"/g)).to.have.length(thrown.length);
      expectOnlyOwnMarkup(html);
      expect(html).not.to.include('<script>alert');
    });

    it('lets nothing a check or a report controls reach the page unescaped (property)', () => {
      const nasty = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '=', '/', ' ', 'a', 'on', 'script', '\u0000', '\u2028', '😀', '\ud800'), maxLength: 40 });
      const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 40 }));
      const anEntry = fc.record({
        status: fc.oneof(fc.constantFrom('pass', 'warn', 'fail'), text),
        durationMs: fc.oneof(fc.double(), fc.constantFrom(0, 1, 1e300)),
        time: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), text),
        output: text,
      });
      fc.assert(
        fc.property(text, fc.array(anEntry, { maxLength: 8 }), (name, entries) => {
          const html = render([{ ...working(name === '' ? 'x' : name), history: { name, capacity: 60, entries } as never }]);
          expectOnlyOwnMarkup(html);
        }),
        { numRuns: numRuns(200) },
      );
    });
  });
});
