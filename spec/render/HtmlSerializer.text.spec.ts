import { expect } from 'chai';
import fc from 'fast-check';
import { HtmlSerializer } from '#lib/render/HtmlSerializer.js';
import type { CheckResult, HistoryEntry } from 'pulsecheck';
import { numRuns } from '../support/arbitraries.js';
import { aCheck, aReport, startedAt } from './fixtures.js';

const bidiControls = /[\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- the characters a page must never carry raw
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A check whose every text field (name, description, error, tag, observation, history output) is `text`. */
function everywhere(text: string): CheckResult {
  const entry: HistoryEntry = { status: 'fail', durationMs: 1, time: startedAt, output: `unavailable: ${text}` };
  return aCheck({
    name: text === '' ? 'x' : text,
    description: `d ${text}`,
    tags: [text],
    errors: [{ kind: 'unavailable', message: text }],
    observations: { [text === '' ? 'k' : text]: { value: text } },
    history: { name: text, capacity: 60, entries: [entry] },
  });
}

/**
 * The page's laid-out text outside isolates: the body without its `<bdi>`
 * elements, without the SVG `<title>` tooltips (laid out on their own) and
 * without attribute values.
 */
function outsideIsolates(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<bdi>[^<]*<\/bdi>/g, '')
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/="[^"]*"/g, '=""');
}

describe('HtmlSerializer: text a check controls', () => {
  it('shows a raw NUL as U+FFFD, and other control characters too', () => {
    const html = new HtmlSerializer().serialize(aReport([everywhere('a\u0000b\u0007c')]));
    expect(html).not.to.match(controls);
    expect(html).to.include('a\ufffdb\ufffdc');
  });

  it('isolates a bidi override (U+202E) in <bdi>, so that it cannot reorder the page around it', () => {
    const html = new HtmlSerializer().serialize(aReport([everywhere('evil\u202Etxt.exe')]));
    expect(html).to.include('<h3><bdi>evil\u202Etxt.exe</bdi></h3>');
    expect(html).to.include('<span class="kind">unavailable:</span> <bdi>evil\u202Etxt.exe</bdi>');
    expect(outsideIsolates(html)).not.to.match(bidiControls);
  });

  it('leaves plain text as it is (no <bdi> where nothing can reorder)', () => {
    const html = new HtmlSerializer().serialize(aReport([everywhere('plain')]));
    expect(html).to.include('<h3>plain</h3>');
    expect(html).not.to.include('<bdi>');
  });

  it('never lets a control character reach the page, nor a bidi control outside an isolate (property)', () => {
    const unit = fc.constantFrom('a', ' ', '<', '&', '"', '\u0000', '\u0001', '\u007f', '\u0085', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', 'ש', 'ع', '\ud800', '\udc00', '😀');
    const text = fc.oneof(fc.string({ unit, maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, (texts, title) => {
        const checks = texts.map((value, index) => everywhere(`${index}${value}`));
        const html = new HtmlSerializer({ title: title.trim() === '' ? 'T' : title }).serialize(aReport(checks));
        expect(html).not.to.match(controls);
        expect(html).not.to.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(outsideIsolates(html)).not.to.match(bidiControls);
      }),
      { numRuns: numRuns(200) },
    );
  });
});
