import { expect } from 'chai';
import { parseExposition } from './exposition.js';

// The validator the OpenMetrics specs rely on must itself reject what is invalid.
describe('parseExposition (spec helper)', () => {
  const valid = '# HELP a_b Help.\n# TYPE a_b gauge\na_b{x="1"} 1\na_b{x="2"} 0.5\n';

  it('accepts a valid Prometheus exposition and parses its samples', () => {
    const families = parseExposition(valid, 'prometheus');
    expect(families.get('a_b')?.samples).to.deep.equal([
      { name: 'a_b', labels: { x: '1' }, value: 1 },
      { name: 'a_b', labels: { x: '2' }, value: 0.5 },
    ]);
  });

  it('decodes escaped label values', () => {
    const families = parseExposition('# TYPE m gauge\nm{l="a\\\\b\\"c\\nd"} 1\n', 'prometheus');
    expect(families.get('m')?.samples[0]?.labels).to.deep.equal({ l: 'a\\b"c\nd' });
  });

  const invalid: [string, string, 'openmetrics' | 'prometheus', RegExp][] = [
    ['no final line feed', '# TYPE m gauge\nm 1', 'prometheus', /line feed/],
    ['no # EOF in OpenMetrics', valid, 'openmetrics', /no # EOF/],
    ['# EOF in Prometheus', `${valid}# EOF\n`, 'prometheus', /# EOF in the Prometheus/],
    ['content after # EOF', `${valid}# EOF\na_b 1\n`, 'openmetrics', /after # EOF/],
    ['two # EOF', `${valid}# EOF\n# EOF\n`, 'openmetrics', /after # EOF/],
    ['a sample of no declared family', '# TYPE m gauge\nn 1\n', 'prometheus', /belongs to no declared family/],
    ['a sample before TYPE', 'm 1\n', 'prometheus', /before any TYPE/],
    ['an interleaved family', '# TYPE m gauge\nm 1\n# TYPE n gauge\nn 1\nm{a="b"} 1\n', 'prometheus', /outside its family block/],
    ['a family declared twice', '# TYPE m gauge\nm 1\n# TYPE n gauge\n# TYPE m gauge\n', 'prometheus', /appears twice/],
    ['an invalid metric name', '# TYPE 1m gauge\n', 'prometheus', /invalid metric name/],
    ['an invalid label name', '# TYPE m gauge\nm{a-b="1"} 1\n', 'prometheus', /invalid label name/],
    ['an unescaped quote in a label value', '# TYPE m gauge\nm{a="x"y"} 1\n', 'prometheus', /labels not separated|malformed/],
    ['an invalid escape', '# TYPE m gauge\nm{a="\\t"} 1\n', 'prometheus', /invalid escape/],
    ['a repeated label', '# TYPE m gauge\nm{a="1",a="2"} 1\n', 'prometheus', /repeated/],
    ['a duplicate label set', '# TYPE m gauge\nm{a="1"} 1\nm{a="1"} 2\n', 'prometheus', /duplicate label set/],
    ['a non-numeric value', '# TYPE m gauge\nm abc\n', 'prometheus', /invalid value/],
    ['an empty line', '# TYPE m gauge\n\nm 1\n', 'prometheus', /empty line/],
    ['a UNIT that is not a suffix', '# TYPE m_seconds gauge\n# UNIT m_seconds bytes\n# EOF\n', 'openmetrics', /not a suffix/],
    ['HELP after samples', '# TYPE m gauge\nm 1\n# HELP m late\n', 'prometheus', /after the samples/],
  ];
  for (const [what, text, flavor, message] of invalid) {
    it(`rejects ${what}`, () => {
      expect(() => parseExposition(text, flavor)).to.throw(message);
    });
  }
});
