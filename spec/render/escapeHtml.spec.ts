import { expect } from 'chai';
import { escapeHtml } from '#lib/render/escapeHtml.js';

describe('escapeHtml', () => {
  it('escapes the five characters special in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes an ampersand that already starts an entity, so it shows as written', () => {
    expect(escapeHtml('&amp;')).to.equal('&amp;amp;');
  });

  it('leaves other text, including non-ASCII, unchanged', () => {
    expect(escapeHtml('Datenbank — ✔ ok / 100%')).to.equal('Datenbank — ✔ ok / 100%');
  });

  it('accepts numbers and booleans', () => {
    expect(escapeHtml(3.5)).to.equal('3.5');
    expect(escapeHtml(false)).to.equal('false');
  });
});
