import { expect } from 'chai';
import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, string | { default?: string }> };
const typedoc = JSON.parse(readFileSync(new URL('typedoc.json', root), 'utf8')) as { entryPoints: string[]; projectDocuments: string[] };

/** The TypeScript source of each JavaScript export of package.json (`./dist/x/index.js` -> `lib/x/index.ts`). */
function exportedSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const js = typeof target === 'string' ? target : target.default;
    if (js === undefined || !js.endsWith('.js')) continue;
    sources.set(subpath, js.replace(/^\.\/dist\//, 'lib/').replace(/\.js$/, '.ts'));
  }
  return sources;
}

describe('the API reference (typedoc.json)', () => {
  it('documents every entry point package.json exports', () => {
    const missing = [...exportedSources()].filter(([, source]) => !typedoc.entryPoints.includes(source)).map(([subpath, source]) => `${subpath} (${source})`);
    expect(missing, 'exports without an entry point in typedoc.json').to.deep.equal([]);
  });

  it('renders the guides the README and the guides link to as pages, not as raw files', () => {
    for (const document of ['docs/monitoring/*.md', 'CONTRIBUTING.md', 'docs/guides/**/*.md']) expect(typedoc.projectDocuments).to.include(document);
  });
});
