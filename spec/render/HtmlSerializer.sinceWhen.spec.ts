import { expect } from 'chai';
import { HtmlSerializer } from '#lib/render/HtmlSerializer.js';
import type { CheckHistory, CheckResult, HistoryEntry } from 'pulsecheck';
import { aReport, unavailable, working } from './fixtures.js';

/** The report's run: 2025-03-04 05:06:07.089 UTC (fixtures' startedAt), 4.5 ms long. */
const now = Date.parse('2025-03-04T05:06:07.089Z') + 4.5;
const minute = 60_000;

function entry(status: HistoryEntry['status'], agoMs: number, output = status === 'pass' ? 'working' : 'unavailable: connection refused'): HistoryEntry {
  return { status, durationMs: 2, time: new Date(now - agoMs).toISOString(), output };
}

function withHistory(check: CheckResult, entries: readonly HistoryEntry[]): CheckResult {
  const history: CheckHistory = { name: check.name, capacity: 60, entries };
  return { ...check, history };
}

const render = (checks: readonly CheckResult[]): string => new HtmlSerializer().serialize(aReport(checks));

/** The markup of the tile whose id is `id`. */
function tile(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `tile ${id}`).to.be.greaterThan(-1);
  return html.slice(start, html.indexOf('</li>\n<', start));
}

/** Per rect of a tile's strip: its class, x and width. */
function bars(markup: string): { status: string; x: number; width: number }[] {
  return [...markup.matchAll(/<rect class="(pass|warn|fail)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((match) => ({ status: match[1] ?? '', x: Number(match[2]), width: Number(match[3]) }));
}

describe('HtmlSerializer: since when', () => {
  describe('a failing check', () => {
    it('says, in words on the tile (no hover), since when and for how long it has been failing, from its history', () => {
      const db = withHistory(unavailable('Db', 'connection refused'), [entry('pass', 5 * minute), entry('pass', 4 * minute), entry('fail', 3 * minute), entry('fail', 2 * minute), entry('fail', 0)]);
      expect(tile(render([db]), 'check-Db')).to.include('<p class="since">Failing for 3.0 min, since <time datetime="2025-03-04T05:03:07.093Z">05:03:07 UTC</time></p>');
    });

    it('says "at least ... or earlier" when the failure reaches back to the oldest entry kept', () => {
      const db = withHistory(unavailable('Db', 'x'), [entry('fail', 2 * minute), entry('fail', 0)]);
      expect(render([db])).to.include('Failing for at least 2.0 min, since <time datetime="2025-03-04T05:04:07.093Z">05:04:07 UTC</time> or earlier</p>');
    });

    it('counts the executions that flap suppression reported as warn into the failure', () => {
      const db = withHistory(unavailable('Db', 'x'), [entry('pass', 4 * minute), entry('warn', 3 * minute), entry('warn', 2 * minute), entry('fail', minute)]);
      expect(render([db])).to.include('Failing for 3.0 min, since');
      const warned = withHistory(unavailable('Db', 'x'), [entry('pass', 4 * minute), entry('warn', 3 * minute, 'warning: disk 91% full'), entry('fail', minute)]);
      expect(render([warned])).to.include('Failing for 1.0 min, since');
    });

    it('says how long a pending failure has lasted, and that it is not yet confirmed', () => {
      const pending = withHistory(
        { ...unavailable('Api', 'x'), status: 'warn', suppressed: { observed: 'fail', streak: 2, needed: 3, forMs: 30_000 } },
        [entry('pass', 2 * minute), entry('warn', 30_000), entry('warn', 0)],
      );
      expect(render([pending])).to.include('<p class="since">Failing, not yet confirmed, for 30.00 s, since');
      const noHistory = { ...unavailable('Api', 'x'), status: 'warn' as const, suppressed: { observed: 'fail' as const, streak: 2, needed: 3, forMs: 30_000 } };
      expect(render([noHistory])).to.include('<p class="since">Failing, not yet confirmed, for 30.00 s</p>');
    });

    it('says nothing of the kind for a passing check, nor without history', () => {
      expect(render([withHistory(working('Db'), [entry('fail', minute), entry('pass', 0)])])).not.to.include('class="since"');
      expect(render([unavailable('Db', 'x')])).not.to.include('class="since"');
    });
  });

  describe('the history strips', () => {
    const long = withHistory(working('Slow'), [entry('pass', 10 * minute), entry('fail', 5 * minute), entry('pass', 4 * minute)]);
    const short = withHistory(unavailable('Fast', 'x'), [entry('pass', 6 * minute), entry('fail', 5 * minute), entry('pass', 4 * minute), entry('fail', 30_000)]);

    it('are drawn on one time axis shared by every tile, so that an outage lines up across tiles', () => {
      const html = render([long, short]);
      const slow = bars(tile(html, 'check-Slow'));
      const fast = bars(tile(html, 'check-Fast'));
      // the window is 10 min for both: 5 min ago is at x = 500 of 1000 on each tile
      expect(slow.find((bar) => bar.status === 'fail')?.x).to.equal(500);
      expect(fast.find((bar) => bar.status === 'fail')?.x).to.equal(500);
      expect(slow.find((bar) => bar.status === 'fail')?.width).to.equal(100);
      expect(fast.find((bar) => bar.status === 'fail')?.width).to.equal(100);
      // the shorter history starts later on the same axis, what is before it marked as not kept
      expect(fast[0]?.x).to.equal(400);
      expect(tile(html, 'check-Fast')).to.include('<rect class="none" x="0" y="4" width="400" height="2">');
    });

    it('label both ends of the axis, the same on every tile, and the page states the window', () => {
      const html = render([long, short]);
      expect(html.match(/<p class="axis" aria-hidden="true"><span>−10.0 min<\/span><span>now<\/span><\/p>/g)).to.have.length(2);
      expect(html).to.include('History on every tile: the same 10.0 min, from <time datetime="2025-03-04T04:56:07.093Z">04:56:07 UTC</time> to now');
    });

    it('give the uptime over a stated span of time, not a count of results alone', () => {
      const html = render([long, short]);
      expect(tile(html, 'check-Slow')).to.include('Uptime <strong>66.67%</strong> over the last 10.0 min (3 results)');
      expect(tile(html, 'check-Fast')).to.include('Uptime <strong>50%</strong> over the last 6.0 min (4 results)');
      expect(html).not.to.match(/over the last \d+ results?</);
    });

    it('list the same runs for screen readers, with their times, states and outputs', () => {
      expect(tile(render([short]), 'check-Fast')).to.include(
        '<ol class="vh"><li>05:00:07 to 05:01:07 UTC: Passing</li><li>05:01:07 to 05:02:07 UTC: Failing: unavailable: connection refused</li><li>05:02:07 to 05:05:37 UTC: Passing</li><li>05:05:37 to now: Failing: unavailable: connection refused</li></ol>',
      );
    });
  });

  describe('a blocked check', () => {
    const redis = withHistory(unavailable('Redis', 'ECONNREFUSED'), [entry('pass', 2 * minute), entry('fail', minute), entry('fail', 0)]);
    const cache = withHistory({ ...unavailable('Cache warm', 'blocked by Redis'), blockedBy: 'Redis' }, [entry('pass', 2 * minute), entry('fail', minute, 'unavailable: blocked by Redis')]);
    const orphan = { ...unavailable('Orphan', 'blocked by Elsewhere'), blockedBy: 'Elsewhere' };

    it('is shown apart from the root causes, marked blocked, with a link to its root cause\'s tile', () => {
      const html = render([cache, redis, orphan]);
      expect(html.indexOf('id="group-fail"')).to.be.lessThan(html.indexOf('id="group-blocked"'));
      expect(html).to.include('<h2 id="group-blocked"><span class="icon" aria-hidden="true">⊘</span> Blocked by a failing dependency <span class="count">(2)</span></h2>');
      const blocked = tile(html, 'check-Cache-warm');
      expect(html).to.include('<li class="tile blocked" id="check-Cache-warm">');
      expect(blocked).to.include('⊘</span> Blocked</span>');
      expect(blocked).to.include('<p class="cause">Root cause: <a href="#check-Redis">Redis</a></p>');
      expect(blocked).to.include('Blocked for 1.0 min, since');
      expect(html).to.include('<li class="tile fail" id="check-Redis">');
      expect(html).to.include('3 checks: 1 failing, 2 blocked');
    });

    it('is linked back from its root cause, and names a root cause not on the page without a link', () => {
      const html = render([cache, redis, orphan]);
      expect(tile(html, 'check-Redis')).to.include('<p class="cause">Blocks 1: <a href="#check-Cache-warm">Cache warm</a></p>');
      expect(tile(html, 'check-Orphan')).to.include('<p class="cause">Root cause: Elsewhere</p>');
    });

    it('gets a unique id even when names clash once made into ids', () => {
      const html = render([working('a b'), working('a-b'), working('a b')]);
      expect(html).to.include('id="check-a-b"').and.include('id="check-a-b-2"').and.include('id="check-a-b-3"');
    });
  });

  describe('the age of a reused result', () => {
    const every30s = [entry('pass', 90_000), entry('pass', 60_000), entry('pass', 30_000), entry('pass', 100)];

    it('is not shown while the result is younger than the check\'s interval', () => {
      const fresh = withHistory({ ...working('Db'), cached: true, ageMs: 680.9 }, every30s);
      expect(render([fresh])).not.to.include('class="badge">cached');
      expect(render([{ ...working('Db'), cached: true, ageMs: 680.9 }])).not.to.include('cached');
    });

    it('is shown when the result is older than the check\'s interval (a missed beat)', () => {
      const overdue = withHistory({ ...working('Db'), cached: true, ageMs: 95_000 }, every30s);
      expect(render([overdue])).to.include('<span class="badge">cached, 1.6 min old (runs every 30.00 s)</span>');
    });
  });
});
