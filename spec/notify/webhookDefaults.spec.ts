import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ATTACH_NOTIFIER_DEFAULTS, WEBHOOK_DEFAULTS } from 'pulsecheck';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

/** A default as the docs write it: `'json'`, `true`, `300_000`. */
function quoted(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  return String(value);
}

describe('WEBHOOK_DEFAULTS', () => {
  it('is what the notifications guide\'s table quotes, option by option, every option listed', () => {
    const rows = [...read('docs/guides/notifications.md').matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map((match) => [match[1], match[2]] as const);
    const table = new Map(rows);
    const { drainMs: _drainMs, ...optionDefaults } = WEBHOOK_DEFAULTS;
    const expected = Object.entries({ ...optionDefaults, ...ATTACH_NOTIFIER_DEFAULTS });
    expect(rows.length, 'one row per default').to.equal(expected.length);
    for (const [option, value] of expected) expect(table.get(option), option).to.equal(quoted(value));
  });

  it('gives flush() and close() the bound the guide quotes', () => {
    expect(read('docs/guides/notifications.md').replace(/\s+/g, ' ')).to.include(`Given no bound, \`flush()\` and \`close()\` wait \`${quoted(WEBHOOK_DEFAULTS.drainMs)}\` ms`);
  });

  it('is what the options\' TSDoc quotes as @defaultValue', () => {
    const source = read('lib/notify/WebhookNotifierOptions.ts');
    const documented = new Map([...source.matchAll(/@defaultValue `([^`]+)`[^\n]*\n(?:\s*\*[^\n]*\n)*?\s*readonly (\w+)\?/g)].map((match) => [match[2], match[1]]));
    const { drainMs: _drainMs, ...optionDefaults } = WEBHOOK_DEFAULTS;
    for (const [option, value] of Object.entries(optionDefaults)) expect(documented.get(option), option).to.equal(quoted(value));
  });
});
