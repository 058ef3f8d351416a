import { expect } from 'chai';
import { callerOf } from '#lib/options/callerOf.js';
import { freezeValidated } from '#lib/options/freezeValidated.js';
import { optionRules } from '#lib/options/optionRules.js';
import type { OptionSchema } from '#lib/options/OptionSchema.js';
import { validateOptions } from '#lib/options/validateOptions.js';

interface Options {
  readonly timeoutMs?: number;
  readonly verbose?: boolean;
}

describe('freezeValidated(schema, options, where)', () => {
  describe('having options that passed the schema', () => {
    it('should return a frozen copy of the keys given, undefined values left out', () => {
      const schema: OptionSchema<Options> = { timeoutMs: optionRules.positiveMs, verbose: optionRules.boolean };
      const given = { timeoutMs: 5, verbose: undefined } as unknown as Options;
      const copy = freezeValidated(schema, given, 'f');
      expect(copy).to.deep.equal({ timeoutMs: 5 });
      expect(copy).not.to.equal(given);
      expect(Object.isFrozen(copy)).to.equal(true);
      expect(freezeValidated(schema, undefined, 'f')).to.deep.equal({});
    });

    it('should record the copy as valid, so validateOptions returns it unchecked and later errors name the caller', () => {
      const schema = { timeoutMs: optionRules.positiveMs };
      const copy = freezeValidated(schema, { timeoutMs: 5 }, 'healthEndpoints: route \'/ready\'');
      expect(validateOptions(schema, copy, 'other')).to.equal(copy);
      expect(callerOf(copy, 'other')).to.equal("healthEndpoints: route '/ready'");
    });

    it('should copy a nested options object alike, and keep one already validated for its schema as is', () => {
      const inner = { intervalMs: optionRules.positiveMs };
      const schema = { background: optionRules.object(inner, 'an object such as { intervalMs: 10_000 }') };
      const copied = freezeValidated(schema, { background: { intervalMs: 10 } }, 'f');
      expect(Object.isFrozen(copied.background)).to.equal(true);
      expect(callerOf(copied.background, 'g')).to.equal('f');
      const validInner = validateOptions(inner, { intervalMs: 10 }, 'g');
      expect(freezeValidated(schema, { background: validInner }, 'f').background).to.equal(validInner);
    });
  });

  describe('when called', () => {
    it('should check nothing: every rule is left to the assertOptions that came before', () => {
      let calls = 0;
      const counted = optionRules.custom('a number', (value): value is number => {
        calls++;
        return typeof value === 'number';
      });
      freezeValidated({ n: counted, nested: optionRules.object({ n: counted }, 'an object') }, { n: 1, nested: { n: 2 } }, 'f');
      expect(calls).to.equal(0);
    });
  });
});
