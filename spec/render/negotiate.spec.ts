import { expect } from 'chai';
import { negotiate, parseAccept, parseMediaType, rate, type MediaType } from '#lib/render/negotiate.js';

const offer = (text: string): MediaType => {
  const mediaType = parseMediaType(text);
  if (mediaType === undefined) throw new Error(`bad offer ${text}`);
  return mediaType;
};
const offers = ['text/html', 'application/json', 'application/health+json', 'application/openmetrics-text; version=1.0.0', 'text/plain; version=0.0.4'].map(offer);
const names = ['html', 'json', 'health+json', 'openmetrics', 'prometheus'];
const pick = (accept: unknown): string | undefined => {
  const match = negotiate(accept, offers);
  return match === undefined ? undefined : names[match.index];
};

describe('parseAccept', () => {
  it('parses types, parameters and q-values, lower-casing names', () => {
    const [range] = parseAccept('Application/OpenMetrics-Text; Version=1.0.0; q=0.5');
    expect(range?.type).to.equal('application');
    expect(range?.subtype).to.equal('openmetrics-text');
    expect([...(range?.params ?? [])]).to.deep.equal([['version', '1.0.0']]);
    expect(range?.q).to.equal(0.5);
  });

  it('keeps commas and semicolons inside quoted parameter values', () => {
    const ranges = parseAccept('text/html; foo="a,b;c", application/json');
    expect(ranges.map((range) => range.subtype)).to.deep.equal(['html', 'json']);
    expect(ranges[0]?.params.get('foo')).to.equal('a,b;c');
  });

  it('joins the values of repeated headers', () => {
    expect(parseAccept(['text/html', 'application/json;q=0.5']).map((range) => range.subtype)).to.deep.equal(['html', 'json']);
  });

  it('skips malformed ranges and keeps the valid ones', () => {
    const ranges = parseAccept('garbage, text/, /json, */html, text/html;q=abc, text/html;q=2, application/json, ;;;');
    expect(ranges.map((range) => `${range.type}/${range.subtype}`)).to.deep.equal(['application/json']);
  });

  it('returns nothing for input that is not a header value, and never throws', () => {
    for (const input of [undefined, null, 42, {}, '', ' ', ';;;', 'q=abc', 'text/', '\u0000/\u0000', ',,,']) {
      expect(parseAccept(input), JSON.stringify(input)).to.deep.equal([]);
    }
  });

  it('reads at most 64 ranges of a huge header', () => {
    expect(parseAccept(Array.from({ length: 1000 }, () => 'text/html').join(','))).to.have.length(64);
  });
});

describe('parseAccept, character by character', () => {
  const only = (header: unknown): string[] => parseAccept(header).map((range) => `${range.type}/${range.subtype}`);
  const paramOf = (header: string, name: string): string | undefined => parseAccept(header)[0]?.params.get(name);
  const qOf = (header: string): number | undefined => parseAccept(header)[0]?.q;

  it('reads only the string values of repeated headers', () => {
    expect(only([['text/csv'], { toString: () => 'text/plain' }, 'text/html'])).to.deep.equal(['text/html']);
  });

  it('reads the first 4096 characters of a header and ignores the rest', () => {
    const filler = `text/plain;p=${'x'.repeat(4096 - 'text/plain;p='.length - 1)},`;
    expect(filler).to.have.length(4096);
    expect(only(`${filler}text/html`)).to.deep.equal(['text/plain']);
    expect(paramOf(`${filler}text/html`, 'p')).to.have.length(4096 - 'text/plain;p='.length - 1);
    expect(only(`${filler.slice(0, -1)},a/b`)).to.deep.equal(['text/plain']);
    expect(only(`${filler.slice(0, -4)},a/b`)).to.deep.equal(['text/plain', 'a/b']);
  });

  it('accepts a type and a subtype only when each is a whole token', () => {
    expect(only('@text/html, text@/html, text/@html, text/html@, text/html')).to.deep.equal(['text/html']);
  });

  it('trims the blanks around the subtype, a parameter name and a parameter value', () => {
    const [range] = parseAccept(' text/html ; level = 1 ; q = 0.5 ');
    expect(`${range?.type}/${range?.subtype}`).to.equal('text/html');
    expect(range?.params.get('level')).to.equal('1');
    expect(range?.q).to.equal(0.5);
  });

  it('ignores a parameter without "=" or with a name that is not a token', () => {
    expect([...(parseAccept('text/html;level;@x=1;a b=2;ok=3')[0]?.params ?? [])]).to.deep.equal([['ok', '3']]);
  });

  it('reads q-values as numbers from 0 to 1, written with or without leading or trailing digits', () => {
    const cases: [string, number][] = [['1', 1], ['0', 0], ['0.25', 0.25], ['.25', 0.25], ['00.5', 0.5], ['1.', 1], ['0.125', 0.125], ['1.000', 1]];
    for (const [text, q] of cases) expect(qOf(`text/html;q=${text}`), text).to.equal(q);
  });

  it('skips a range whose q-value is not a plain decimal number from 0 to 1', () => {
    for (const text of ['+1', '-0', '-0.5', '0.5e0', '1e-1', '0x1', '1.5', '2', 'Infinity', '.', '', '0.5.5', '.x5', 'x.5']) {
      expect(only(`text/html;q=${text}`), text).to.deep.equal([]);
    }
  });

  it('unquotes a value only when it is wrapped in a pair of double quotes', () => {
    const cases: [string, string][] = [['"abc"', 'abc'], ['""', ''], ['"', '"'], ['"abc', '"abc'], ['abc"', 'abc"'], ['a"', 'a"'], ['abc', 'abc']];
    for (const [text, value] of cases) expect(paramOf(`text/html;p=${text}`, 'p'), text).to.equal(value);
  });

  it('reads a backslash in a quoted value as escaping the next character, a quote or a separator included', () => {
    const ranges = parseAccept('text/html;p="a\\",b\\\\c\\;d", application/json');
    expect(ranges.map((range) => range.subtype)).to.deep.equal(['html', 'json']);
    expect(ranges[0]?.params.get('p')).to.equal('a",b\\c;d');
  });

  it('keeps a backslash outside quotes, and one that ends a quoted value, as it is', () => {
    expect(paramOf('text/html;p=a\\b', 'p')).to.equal('a\\b');
    expect(paramOf('text/html;p="a\\', 'p')).to.equal('"a\\');
  });
});

describe('parseMediaType', () => {
  it('reads the first 4096 characters of a header and ignores the rest', () => {
    const parsed = parseMediaType(`text/plain;p=${'x'.repeat(5000)}`);
    expect(parsed?.params.get('p')).to.have.length(4096 - 'text/plain;p='.length);
  });
});

describe('negotiate', () => {
  it('picks the exact type asked for', () => {
    expect(pick('application/json')).to.equal('json');
    expect(pick('text/html')).to.equal('html');
    expect(pick('application/health+json')).to.equal('health+json');
    expect(pick('application/openmetrics-text')).to.equal('openmetrics');
    expect(pick('text/plain')).to.equal('prometheus');
  });

  it('breaks ties between wildcard matches by offer order', () => {
    expect(pick('*/*')).to.equal('html');
    expect(pick('application/*')).to.equal('json');
    expect(pick('text/*')).to.equal('html');
  });

  it('prefers the higher q-value', () => {
    expect(pick('text/html;q=0.5, application/json')).to.equal('json');
    expect(pick('application/json;q=0.4, application/health+json;q=0.6')).to.equal('health+json');
  });

  it('prefers the more specific match when q-values tie', () => {
    expect(pick('*/*, application/health+json')).to.equal('health+json');
    expect(pick('application/*, text/plain')).to.equal('prometheus');
  });

  it('lets a more specific range override a wildcard one for the same offer', () => {
    expect(pick('text/html;q=0, */*')).to.equal('json');
    expect(pick('*/*;q=0, application/json')).to.equal('json');
    expect(pick('application/*;q=0.1, application/json;q=0, */*;q=0.5')).to.equal('html');
  });

  it('excludes types with q=0', () => {
    expect(pick('application/json;q=0')).to.equal(undefined);
    expect(pick('*/*;q=0')).to.equal(undefined);
  });

  it('does not match an offer whose declared parameter differs', () => {
    expect(pick('application/openmetrics-text;version=0.0.1')).to.equal(undefined);
    expect(pick('text/plain;version=1.0.0')).to.equal(undefined);
  });

  it('ignores parameters the offer does not declare', () => {
    expect(pick('application/openmetrics-text;version=1.0.0;escaping=allow-utf-8')).to.equal('openmetrics');
    expect(pick('text/html;charset=utf-8')).to.equal('html');
  });

  describe('when two ranges name the same type', () => {
    it('takes the higher q, whichever comes first', () => {
      expect(pick('text/html;q=0.2, text/html;q=0.9, application/json;q=0.5')).to.equal('html');
      expect(pick('text/html;q=0.9, text/html;q=0.2, application/json;q=0.5')).to.equal('html');
      expect(negotiate('text/html;q=0.2, text/html;q=0.9', offers)?.q).to.equal(0.9);
    });

    it('lets a refusal lose to an acceptance of the same type', () => {
      expect(pick('text/html;q=0, text/html;q=0.3, application/json;q=0.1')).to.equal('html');
    });
  });

  describe('when ranges of different specificity name one offer', () => {
    it('lets the most specific decide even when a wildcard has a higher q', () => {
      expect(pick('text/*, text/html;q=0.2')).to.equal('prometheus');
      expect(pick('text/html;q=0.2, */*')).to.equal('json');
      expect(negotiate('text/html;q=0.2, text/*', [offers[0] as MediaType])?.q).to.equal(0.2);
    });

    it('lets a range with the offer\'s own parameter beat the bare type, even with a lower q', () => {
      expect(pick('text/plain;version=0.0.4;q=0.3, text/plain;q=0.8, application/json;q=0.5')).to.equal('json');
      expect(rate('text/plain;version=0.0.4;q=0.3, text/plain;q=0.8', offers)[4]).to.deep.equal({ q: 0.3, specificity: 2, params: 1 });
    });
  });

  describe('when two offers tie on q', () => {
    it('prefers the one matched by the more specific range', () => {
      expect(pick('text/*;q=0.5, application/json;q=0.5')).to.equal('json');
      expect(pick('application/json;q=0.5, text/*;q=0.5')).to.equal('json');
    });

    it('prefers the one matched with more of its parameters, between exact ranges', () => {
      expect(pick('text/plain;version=0.0.4;q=0.5, application/openmetrics-text;q=0.5')).to.equal('prometheus');
      expect(pick('text/plain;q=0.5, application/openmetrics-text;version=1.0.0;q=0.5')).to.equal('openmetrics');
    });

    it('prefers the more specific match over the one with more parameters', () => {
      const both = [offer('text/html'), offer('text/plain; level=1')];
      expect(negotiate('text/html, text/*;level=1', both)?.index).to.equal(0);
      expect(negotiate('text/*;level=1, text/html', both)?.index).to.equal(0);
    });

    it('prefers the earlier offer at equal specificity', () => {
      expect(pick('application/health+json;q=0.5, application/json;q=0.5')).to.equal('json');
      expect(pick('application/json, text/html')).to.equal('html');
    });
  });

  describe('rate', () => {
    it('lets a later exact range with more of the offer\'s parameters decide, even with a lower q', () => {
      expect(rate('text/plain;q=0.9, text/plain;version=0.0.4;q=0.2', offers)[4]).to.deep.equal({ q: 0.2, specificity: 2, params: 1 });
    });

    it('counts only the range parameters the offer declares', () => {
      expect(rate('text/html;level=1;q=0.7', offers)[0]).to.deep.equal({ q: 0.7, specificity: 2, params: 0 });
      expect(rate('text/plain;version=0.0.4;charset=utf-8', offers)[4]).to.deep.equal({ q: 1, specificity: 2, params: 1 });
    });

    it('compares parameter values without regard to case', () => {
      const utf8 = [offer('text/plain; charset=UTF-8')];
      expect(rate('text/plain;charset=utf-8', utf8)[0]).to.deep.equal({ q: 1, specificity: 2, params: 1 });
      expect(rate('text/plain;charset=Utf-8', [offer('text/plain; charset=utf-8')])[0]).to.deep.equal({ q: 1, specificity: 2, params: 1 });
      expect(rate('text/plain;charset=latin1', utf8)[0]).to.equal(undefined);
    });

    it('tells a refused offer (q 0) from one no range names (undefined)', () => {
      const ratings = rate('application/json;q=0, text/html', offers);
      expect(ratings[1]).to.deep.equal({ q: 0, specificity: 2, params: 0 });
      expect(ratings[0]).to.deep.equal({ q: 1, specificity: 2, params: 0 });
      expect(ratings[2]).to.equal(undefined);
    });
  });

  it('reports how specific the winning range was', () => {
    expect(negotiate('*/*', offers)?.specificity).to.equal(0);
    expect(negotiate('application/*', offers)?.specificity).to.equal(1);
    expect(negotiate('application/json', offers)?.specificity).to.equal(2);
  });

  it('picks nothing for a header that matches no offer or has no valid range', () => {
    expect(pick('image/png')).to.equal(undefined);
    expect(pick('garbage')).to.equal(undefined);
    expect(pick(undefined)).to.equal(undefined);
  });
});
