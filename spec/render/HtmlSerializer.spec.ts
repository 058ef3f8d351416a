import { expect } from 'chai';
import { HtmlSerializer } from '#lib/render/HtmlSerializer.js';
import { aCheck, aReport, databaseAndQueue, hostile, hostileReport, secretReport, unavailable, working } from './fixtures.js';

const render = (...args: Parameters<HtmlSerializer['serialize']>): string => new HtmlSerializer().serialize(...args);

/** The markup of the tile of the check named `name` (escaped as it appears in the page). */
function tileOf(html: string, name: string): string {
  const start = html.indexOf(`<h3>${name}</h3>`);
  expect(start, `tile of ${name}`).to.be.greaterThan(-1);
  const end = html.indexOf('</li>\n', html.indexOf('<p class="state">', start));
  return html.slice(start, end);
}

describe('HtmlSerializer', () => {
  it('has the content type text/html; charset=utf-8', () => {
    expect(new HtmlSerializer().contentType).to.equal('text/html; charset=utf-8');
  });

  describe('constructor', () => {
    it('rejects a refreshSeconds that is not a positive integer', () => {
      for (const value of [0, -5, 1.5, Number.NaN, Infinity, '10']) {
        expect(() => new HtmlSerializer({ refreshSeconds: value as never }), String(value)).to.throw(RangeError, /HtmlSerializer: refreshSeconds must be a positive integer/);
      }
    });

    it('rejects an empty title and an unknown option', () => {
      expect(() => new HtmlSerializer({ title: ' ' })).to.throw(TypeError, /title must be a non-empty string/);
      expect(() => new HtmlSerializer({ refresh: 5 } as never)).to.throw(TypeError, /HtmlSerializer: unknown option 'refresh'/);
    });
  });

  describe('serialize', () => {
    it('writes one complete document with a language, a viewport and a colour scheme', () => {
      const html = render(databaseAndQueue());
      expect(html.startsWith('<!doctype html>\n<html lang="en">')).to.equal(true);
      expect(html.trimEnd().endsWith('</html>')).to.equal(true);
      expect(html).to.include('<meta charset="utf-8">');
      expect(html).to.include('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).to.include('@media (prefers-color-scheme:dark)');
      expect(html).to.match(/grid-template-columns:repeat\(auto-fill,minmax\(min\(100%,/);
    });

    it('loads nothing from outside: no script, link, import, url(), src or href', () => {
      const html = render(secretReport());
      for (const forbidden of ['<script', '<link', '@import', 'url(', 'src=', 'href=', '<img', '<iframe', '@font-face']) {
        expect(html.toLowerCase(), forbidden).not.to.include(forbidden);
      }
    });

    it('reloads itself through a meta refresh only when refreshSeconds is set', () => {
      expect(render(databaseAndQueue())).not.to.include('http-equiv="refresh"');
      const html = new HtmlSerializer({ refreshSeconds: 15 }).serialize(databaseAndQueue());
      expect(html).to.include('<meta http-equiv="refresh" content="15">');
      expect(html).to.include('refreshes every 15 s');
    });

    it('shows the overall status in words, with the HTTP code, in the banner and the page title', () => {
      const failing = render(databaseAndQueue());
      expect(failing).to.include('<header class="banner fail">');
      expect(failing).to.match(/<strong><span aria-hidden="true">✖<\/span> Unhealthy<\/strong> <span class="code">fail · HTTP 503<\/span>/);
      expect(failing).to.include('<title>Unhealthy · Health</title>');
      const warning = render(aReport([unavailable('cache', 'x', { critical: false })]));
      expect(warning).to.include('Degraded</strong> <span class="code">warn · HTTP 200</span>');
      expect(render(aReport([working('db')]))).to.include('Healthy</strong> <span class="code">pass · HTTP 200</span>');
    });

    it('uses the title in the heading and the page title', () => {
      const html = new HtmlSerializer({ title: 'Billing API' }).serialize(databaseAndQueue());
      expect(html).to.include('<h1>Billing API</h1>');
      expect(html).to.include('<title>Unhealthy · Billing API</title>');
    });

    it('groups the checks failing first, then warning, then passing, keeping report order within a group', () => {
      const report = aReport([
        working('p1'),
        aCheck({ name: 'w1', errors: [{ kind: 'warning', message: 'w' }] }),
        unavailable('f1', 'x'),
        working('p2'),
        unavailable('f2', 'y', { critical: false }),
      ]);
      const html = render(report);
      const positions = ['group-fail', 'f1', 'f2', 'group-warn', 'w1', 'group-pass', 'p1', 'p2'].map((marker) =>
        html.indexOf(marker.startsWith('group-') ? `<h2 id="${marker}">` : `<h3>${marker}</h3>`),
      );
      expect(positions.every((position) => position > -1)).to.equal(true);
      expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
      expect(html).to.match(/Failing <span class="count">\(2\)<\/span>/);
      expect(html).to.include('5 checks: 2 failing, 1 warning, 2 passing');
    });

    it('leaves out a group without checks', () => {
      const html = render(aReport([working('db')]));
      expect(html).to.include('id="group-pass"');
      expect(html).not.to.include('id="group-fail"');
      expect(html).not.to.include('id="group-warn"');
    });

    it('shows, on a tile, the state in words, each error line, duration, observations and tags', () => {
      const check = aCheck({
        name: 'db',
        durationMs: 12.345,
        tags: ['ready', 'sql'],
        errors: [{ kind: 'unavailable', message: 'connection refused' }, { kind: 'timeout', message: 'did not finish within 800 ms' }],
        observations: { connections: { value: 7 }, utilization: { value: 42, unit: '%' }, lag: { value: 1.5, unit: 's' } },
      });
      const tile = tileOf(render(aReport([check])), 'db');
      expect(tile).to.include('<span aria-hidden="true">✖</span> Failing');
      expect(tile).to.include('<li><span class="kind">unavailable:</span> connection refused</li><li><span class="kind">timeout:</span> did not finish within 800 ms</li>');
      expect(tile).to.include('<dt>Duration</dt><dd>12.3 ms</dd>');
      expect(tile).to.include('<dt>connections</dt><dd>7</dd>').and.include('<dt>utilization</dt><dd>42%</dd>').and.include('<dt>lag</dt><dd>1.5 s</dd>');
      expect(tile).to.include('<ul class="tags"><li>ready</li><li>sql</li></ul>');
      expect(tile).not.to.include('non-critical');
    });

    it('shows byte and millisecond observations in readable units', () => {
      const check = aCheck({
        name: 'disk',
        observations: {
          freeBytes: { value: 84_390_211_584, unit: 'bytes' },
          heapUsed: { value: 12_557_272, unit: 'bytes' },
          tiny: { value: 2_048, unit: 'bytes' },
          small: { value: 512, unit: 'bytes' },
          latencyMs: { value: 24.662, unit: 'ms' },
          slowMs: { value: 1_500, unit: 'ms' },
        },
      });
      const tile = tileOf(render(aReport([check])), 'disk');
      expect(tile).to.include('<dt>free</dt><dd>78.6 GiB</dd>');
      expect(tile).to.include('<dt>heapUsed</dt><dd>12.0 MiB</dd>');
      expect(tile).to.include('<dt>tiny</dt><dd>2.00 KiB</dd>');
      expect(tile).to.include('<dt>small</dt><dd>512 bytes</dd>');
      expect(tile).to.include('<dt>latency</dt><dd>24.7 ms</dd>');
      expect(tile).to.include('<dt>slow</dt><dd>1.50 s</dd>');
    });

    it('does not repeat an observation\'s unit in its key: latency 3.37 ms, not latencyMs 3.37 ms', () => {
      const check = aCheck({
        name: 'units',
        observations: {
          latencyMs: { value: 3.37, unit: 'ms' },
          connect_wait_ms: { value: 2, unit: 'ms' },
          freePercent: { value: 8.1, unit: '%' },
          'rss-pct': { value: 40, unit: '%' },
          uptimeSeconds: { value: 12, unit: 's' },
          poolClients: { value: 4, unit: 'clients' },
          p99Ms: { value: 1.25, unit: 'ms' },
          Ms: { value: 1, unit: 'ms' },
          problems: { value: 3, unit: 'ms' },
          timeoutMs: { value: 800 },
          heapUsedBytes: { value: 100, unit: 'MiB' },
        },
      });
      const tile = tileOf(render(aReport([check])), 'units');
      expect(tile).to.include('<dt>latency</dt><dd>3.37 ms</dd>');
      expect(tile).to.include('<dt>connect_wait</dt><dd>2.00 ms</dd>');
      expect(tile).to.include('<dt>free</dt><dd>8.1%</dd>');
      expect(tile).to.include('<dt>rss</dt><dd>40%</dd>');
      expect(tile).to.include('<dt>uptime</dt><dd>12 s</dd>');
      expect(tile).to.include('<dt>pool</dt><dd>4 clients</dd>');
      expect(tile).to.include('<dt>p99</dt><dd>1.25 ms</dd>');
      // kept whole: nothing but the unit, no word boundary, no unit shown, another unit
      expect(tile).to.include('<dt>Ms</dt><dd>1.00 ms</dd>');
      expect(tile).to.include('<dt>problems</dt><dd>3.00 ms</dd>');
      expect(tile).to.include('<dt>timeoutMs</dt><dd>800</dd>');
      expect(tile).to.include('<dt>heapUsedBytes</dt><dd>100 MiB</dd>');
    });

    it('keeps the keys of two observations that would shorten to one label: freeBytes and freePercent are not both "free"', () => {
      const check = aCheck({
        name: 'disk',
        observations: {
          freeBytes: { value: 2 * 1024 ** 3, unit: 'bytes' },
          totalBytes: { value: 8 * 1024 ** 3, unit: 'bytes' },
          freePercent: { value: 25, unit: '%' },
        },
      });
      const tile = tileOf(render(aReport([check])), 'disk');
      expect(tile).to.match(/<dt>freeBytes<\/dt><dd>2(\.0+)? GiB<\/dd>/);
      expect(tile).to.include('<dt>freePercent</dt><dd>25%</dd>');
      expect(tile).to.match(/<dt>total<\/dt><dd>8(\.0+)? GiB<\/dd>/);
      expect(tile).not.to.include('<dt>free</dt>');
    });

    it('writes a counted unit in the singular for one: 1 client, 0 clients, 2 clients', () => {
      const check = aCheck({
        name: 'pool',
        observations: {
          total: { value: 1, unit: 'clients' },
          idle: { value: 0, unit: 'clients' },
          waiting: { value: 2, unit: 'clients' },
          entries: { value: 1, unit: 'entries' },
          processes: { value: 1, unit: 'processes' },
          matches: { value: -1, unit: 'matches' },
          small: { value: 1, unit: 'bytes' },
          rate: { value: 1, unit: 'ops' },
          seconds: { value: 1, unit: 's' },
          half: { value: 1.5, unit: 'clients' },
          word: { value: '1', unit: 'clients' },
          upper: { value: 1, unit: 'Clients' },
          glass: { value: 1, unit: 'glass' },
        },
      });
      const tile = tileOf(render(aReport([check])), 'pool');
      expect(tile).to.include('<dt>total</dt><dd>1 client</dd>');
      expect(tile).to.include('<dt>idle</dt><dd>0 clients</dd>');
      expect(tile).to.include('<dt>waiting</dt><dd>2 clients</dd>');
      expect(tile).to.include('<dt>entries</dt><dd>1 entry</dd>');
      expect(tile).to.include('<dt>processes</dt><dd>1 process</dd>');
      expect(tile).to.include('<dt>matches</dt><dd>-1 match</dd>');
      expect(tile).to.include('<dt>small</dt><dd>1 byte</dd>');
      expect(tile).to.include('<dt>rate</dt><dd>1 ops</dd>');
      expect(tile).to.include('<dt>seconds</dt><dd>1 s</dd>');
      expect(tile).to.include('<dt>half</dt><dd>1.5 clients</dd>');
      expect(tile).to.include('<dt>word</dt><dd>1 clients</dd>');
      expect(tile).to.include('<dt>upper</dt><dd>1 Clients</dd>');
      expect(tile).to.include('<dt>glass</dt><dd>1 glass</dd>');
    });

    it('shows the description under the name, escaped, and no empty paragraph without one', () => {
      const html = render(
        aReport([
          working('search', { description: 'Elasticsearch <cluster> for "product" search & more' }),
          working('plain'),
          working('blank', { description: '   ' }),
        ]),
      );
      expect(tileOf(html, 'search')).to.include(
        '<p class="desc">Elasticsearch &lt;cluster&gt; for &quot;product&quot; search &amp; more</p>',
      );
      expect(tileOf(html, 'plain')).not.to.include('class="desc"');
      expect(tileOf(html, 'blank')).not.to.include('class="desc"');
    });

    it('leaves the description out at detail status and summary, as it does tags', () => {
      const report = aReport([working('search', { description: 'Elasticsearch cluster-DESCRIBED', tags: ['x'] })]);
      for (const detail of ['status', 'summary'] as const) {
        expect(new HtmlSerializer({ detail }).serialize(report), detail).not.to.include('DESCRIBED');
      }
    });

    it('marks a non-critical check with a badge', () => {
      const tile = tileOf(render(aReport([unavailable('cache', 'down', { critical: false })])), 'cache');
      expect(tile).to.include('<span class="badge">non-critical</span>');
    });

    it('shows the last checked time in UTC, dated back by the age for a cached result', () => {
      const html = render(aReport([working('fresh'), working('reused', { cached: true, ageMs: 65_000 })]));
      expect(tileOf(html, 'fresh')).to.include('<dt>Last checked</dt><dd><time datetime="2025-03-04T05:06:07.089Z">2025-03-04 05:06:07 UTC</time></dd>');
      const reused = tileOf(html, 'reused');
      expect(reused).to.include('<time datetime="2025-03-04T05:05:02.089Z">2025-03-04 05:05:02 UTC</time>');
      // no age badge: without a history there is no interval to be late for (see HtmlSerializer.sinceWhen.spec)
      expect(reused).not.to.include('class="badge">cached');
    });

    it('shows when the report ran and how long it took', () => {
      expect(render(databaseAndQueue())).to.include('checked <time datetime="2025-03-04T05:06:07.089Z">2025-03-04 05:06:07 UTC</time> · in 4.50 ms');
    });

    it('escapes every string from the report and the title', () => {
      const html = new HtmlSerializer({ title: hostile.title }).serialize(hostileReport());
      for (const value of Object.values(hostile)) expect(html, value).not.to.include(value);
      expect(html).not.to.include('<script');
      expect(html).not.to.include('<img');
      expect(html).to.include('<h3>&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;</h3>');
      expect(html).to.include('&quot;onload=&quot;alert(1)&quot; &lt;img src=x onerror=alert(2)&gt; &amp;amp; done');
      expect(html).to.include('<li>&lt;b&gt;tag&lt;/b&gt;&#39;</li>');
      expect(html).to.include('<dt>&lt;i&gt;key&lt;/i&gt;</dt><dd>&lt;/dd&gt;&lt;script&gt;evil()&lt;/script&gt; &quot;&gt;&lt;u&gt;unit</dd>');
      expect(html).to.include('<dd>3 &quot;&gt;&lt;u&gt;unit</dd>');
      expect(html).to.include('<title>Unhealthy · &lt;/title&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</title>');
    });

    it('renders a sensible page for a report without checks', () => {
      const html = render(aReport());
      expect(html).to.include('Healthy</strong>');
      expect(html).to.include('No checks ran for this report');
      expect(html).to.include('No checks · checked');
      expect(html).not.to.include('<section');
    });

    it('does not throw on a report start that is not a date, and leaves the time out', () => {
      const html = render(aReport([working('db')], { startedAt: 'soon' }));
      expect(html).not.to.include('<time');
      expect(html).to.include('<h3>db</h3>');
    });

    it('shows a check with an unknown status word as failing rather than dropping it', () => {
      const odd = { ...working('odd'), status: 'unknown' as never };
      expect(tileOf(render(aReport([odd])), 'odd')).to.include('Failing');
    });

    it('shows names and state words only at detail status', () => {
      const html = new HtmlSerializer({ detail: 'status' }).serialize(databaseAndQueue());
      const tile = tileOf(html, 'QueueHealthCheck');
      expect(tile).to.include('Failing');
      expect(tile).not.to.include('connection refused');
      expect(tile).not.to.include('<dl');
      expect(html).to.include('2 checks: 1 failing, 1 passing');
    });

    it('shows the banner alone at detail summary', () => {
      const html = new HtmlSerializer({ detail: 'summary' }).serialize(databaseAndQueue());
      expect(html).to.include('Unhealthy</strong> <span class="code">fail · HTTP 503</span>');
      expect(html).not.to.include('DatabaseHealthCheck');
      expect(html).not.to.include('<main');
      expect(html).not.to.include('class="meta"');
    });
  });
});
