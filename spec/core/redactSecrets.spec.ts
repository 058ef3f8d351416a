import { expect } from 'chai';
import { displayText } from '#lib/core/displayText.js';
import { REDACTED, redactSecrets } from '#lib/core/redactSecrets.js';
import { readableCorpus, redactionCorpus } from './redactionCorpus.js';

describe('redactSecrets', () => {
  it('has a corpus of at least 40 secret shapes and some near-misses', () => {
    expect(redactionCorpus.length).to.be.at.least(40);
    expect(readableCorpus.length).to.be.at.least(10);
  });

  describe('redacts', () => {
    for (const { name, text, secrets, redacted } of redactionCorpus) {
      it(`${name}: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-40)}` : text)}`, () => {
        const shown = displayText(text);
        for (const secret of secrets) expect(shown).not.to.include(secret);
        expect(shown).to.include(REDACTED);
        if (redacted !== undefined) expect(redactSecrets(text)).to.equal(redacted);
      });
    }
  });

  describe('leaves readable', () => {
    for (const { name, text } of readableCorpus) {
      it(`${name}: ${JSON.stringify(text)}`, () => {
        expect(redactSecrets(text)).to.equal(text);
        expect(displayText(text)).to.equal(text);
      });
    }
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    for (const { text } of redactionCorpus) {
      const once = redactSecrets(text);
      expect(redactSecrets(once)).to.equal(once);
    }
  });

  it('redacts a URL whose "@" lies beyond the part of a long text that is looked at', () => {
    const shown = displayText(`connect postgres://app:${'s'.repeat(20_000)}@db/app`);
    expect(shown).to.equal(`connect postgres://app:${REDACTED}`);
  });

  it('keeps a host and port cut off by the end of a long text readable', () => {
    const shown = displayText(`${'x '.repeat(4_081)}https://example.com:8443/health/live${'y'.repeat(20_000)}`, 9_000);
    expect(shown).to.match(/ https:\/\/example\.com:8443\/healt$/);
  });
});

describe('displayText', () => {
  it('redacts before it cuts: a URL cut by the 500-character limit shows no part of its password', () => {
    const text = `${'x'.repeat(470)} postgres://user:abcdefghijklmnopqrstuvwxyz@db.example.com/app`;
    const shown = displayText(text);
    expect(shown).to.have.length(500);
    expect(shown).to.include('postgres://user:***@db.ex');
    expect(shown).not.to.match(/abc/);
  });

  it('puts text on one line before redacting, so a value after a line break is redacted', () => {
    expect(displayText('password=\r\n  hunter2 rest\u2028next')).to.equal('password= *** rest next');
  });

  it('keeps runs of spaces without a line break, and trims the ends', () => {
    expect(displayText('  a  b\tc  ')).to.equal('a  b\tc');
  });

  it('never splits a surrogate pair when it cuts', () => {
    const shown = displayText(`${'x'.repeat(498)}😀😀`);
    expect(shown).to.equal(`${'x'.repeat(498)}…`);
    expect(displayText(`${'x'.repeat(497)}😀😀`)).to.equal(`${'x'.repeat(497)}😀…`);
  });
});
