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

    it('prefers the earlier offer at equal specificity', () => {
      expect(pick('application/health+json;q=0.5, application/json;q=0.5')).to.equal('json');
      expect(pick('application/json, text/html')).to.equal('html');
    });
  });

  describe('rate', () => {
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
