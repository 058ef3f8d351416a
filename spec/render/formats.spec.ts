import { expect } from 'chai';
import { fallbackFormat, findFormat, formats, normalizeFormatName, offers } from '#lib/render/formats.js';

describe('formats', () => {
  it('has unique names and an offer for each media type', () => {
    const names = formats.map((format) => normalizeFormatName(format.name));
    expect(new Set(names).size).to.equal(names.length);
    expect(offers).to.have.length(formats.reduce((count, format) => count + format.mediaTypes.length, 0));
  });

  it('falls back to JSON', () => {
    expect(fallbackFormat.name).to.equal('json');
  });

  describe('findFormat', () => {
    it('finds a format by name, case-insensitively', () => {
      expect(findFormat('HTML')?.name).to.equal('html');
      expect(findFormat(' json ')?.name).to.equal('json');
      expect(findFormat('OpenMetrics')?.name).to.equal('openmetrics');
      expect(findFormat('prometheus')?.name).to.equal('prometheus');
    });

    it('finds health+json by its spellings, including a query string that decoded + as a space', () => {
      for (const name of ['health+json', 'healthjson', 'Health-JSON', 'health json', 'HEALTH_JSON']) {
        expect(findFormat(name)?.name, name).to.equal('health+json');
      }
    });

    it('finds nothing for an unknown, empty or non-string name', () => {
      for (const name of ['xml', '', '  ', '+', undefined, null, 42, ['json']]) {
        expect(findFormat(name), String(name)).to.equal(undefined);
      }
    });
  });
});
