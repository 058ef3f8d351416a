import { expect } from 'chai';
import { CONFORMANCE_DEFAULTS } from 'pulsecheck/testing';

const root = new URL('../../../', import.meta.url);

interface Plugin {
  readonly defaultValues: (root: string, tables: [specifier: string, name: string][]) => Record<string, Record<string, string>>;
}

describe('the API reference\'s tables of defaults (scripts/typedoc-plugin.mjs)', () => {
  it('shows each default as the built package holds it, since the options\' TSDoc links the table instead of quoting a number', async () => {
    const { defaultValues } = (await import(new URL('scripts/typedoc-plugin.mjs', root).href)) as Plugin;
    const values = defaultValues(root.pathname, [['pulsecheck/testing', 'CONFORMANCE_DEFAULTS']])['pulsecheck/testing CONFORMANCE_DEFAULTS'];
    expect(Object.keys(values ?? {})).to.deep.equal(Object.keys(CONFORMANCE_DEFAULTS));
    expect(values?.['abortedRuns']).to.equal(String(CONFORMANCE_DEFAULTS.abortedRuns));
    expect(values?.['passTimeoutMs']).to.equal('5_000');
    expect(values?.['faults']).to.equal("[ 'refuse', 'hang', 'stall', 'slow', 'reset' ]");
  });
});
