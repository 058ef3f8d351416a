import { expect } from 'chai';
import { escapeControlCharacters } from '#lib/cli/escapeControlCharacters.js';

describe('escapeControlCharacters', () => {
  it('shows ESC, CR, BEL, NUL, DEL, C1, line separators and bidi controls as visible escapes', () => {
    expect(escapeControlCharacters('a\u001b[2Jb\rc\u0007d\u0000e\u007ff\u009bg\u2028h\u202ei\u2066j', 'document')).to.equal(
      'a\\u001b[2Jb\\u000dc\\u0007d\\u0000e\\u007ff\\u009bg\\u2028h\\u202ei\\u2066j',
    );
  });

  it('keeps line feeds and tabs in a document, and escapes them in a line', () => {
    expect(escapeControlCharacters('a\nb\tc', 'document')).to.equal('a\nb\tc');
    expect(escapeControlCharacters('a\nb\tc', 'line')).to.equal('a\\u000ab\\u0009c');
  });

  it('escapes the backslash in exposition text, so a label value stays valid and reads \\u001b', () => {
    expect(escapeControlCharacters('check="a\u001bb"', 'exposition')).to.equal('check="a\\\\u001bb"');
  });

  it('leaves printable text, emoji and other scripts alone', () => {
    const text = 'Datenbank ✔ 🚀 数据库 \\u001b already escaped';
    expect(escapeControlCharacters(text, 'line')).to.equal(text);
  });

  it('keeps JSON meaning the same: the escape of a character JSON leaves raw is a JSON escape of it', () => {
    const json = JSON.stringify({ name: 'a\u009bb\u2028c\u007f' });
    expect(JSON.parse(escapeControlCharacters(json, 'document'))).to.deep.equal({ name: 'a\u009bb\u2028c\u007f' });
  });
});
