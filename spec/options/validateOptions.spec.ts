import { expect } from 'chai';
import { callerOf } from '#lib/options/callerOf.js';
import { optionRules } from '#lib/options/optionRules.js';
import type { OptionSchema } from '#lib/options/OptionSchema.js';
import { pickOptions } from '#lib/options/pickOptions.js';
import { validateOptions } from '#lib/options/validateOptions.js';

interface Options {
  readonly timeoutMs?: number;
  readonly verbose?: boolean;
  readonly tags?: readonly string[];
}

const SCHEMA = {
  timeoutMs: optionRules.withDefault(optionRules.positiveMs, 800),
  verbose: optionRules.boolean,
  tags: optionRules.nonEmptyStrings,
} as const satisfies OptionSchema<Options>;

describe('validateOptions(schema, options, where)', () => {
  describe('having options the schema accepts', () => {
    it('should return a frozen copy without the keys given as undefined', () => {
      const given = { timeoutMs: 5, verbose: undefined, tags: ['a'] };
      const valid = validateOptions(SCHEMA, given, 'f');
      expect(valid).to.deep.equal({ timeoutMs: 5, tags: ['a'] });
      expect(valid).not.to.equal(given);
      expect(Object.isFrozen(valid)).to.equal(true);
    });

    it('should read undefined as no options', () => {
      expect(validateOptions(SCHEMA, undefined, 'f')).to.deep.equal({});
    });

    it('should return an object it validated for the same schema as is: options are validated once', () => {
      const valid = validateOptions(SCHEMA, { timeoutMs: 5 }, 'f');
      expect(validateOptions(SCHEMA, valid, 'g')).to.equal(valid);
      expect(validateOptions({ ...SCHEMA }, valid, 'g')).not.to.equal(valid);
    });

    it('should remember the function the user called, for the errors its owners report later', () => {
      const valid = validateOptions(SCHEMA, {}, 'PulsecheckModule.forRoot');
      expect(callerOf(valid, 'healthEndpoints')).to.equal('PulsecheckModule.forRoot');
      expect(callerOf({}, 'healthEndpoints')).to.equal('healthEndpoints');
      expect(callerOf(undefined, 'healthEndpoints')).to.equal('healthEndpoints');
    });
  });

  describe('having options the schema refuses', () => {
    it('should name the function the user called, the option and the value, in the rule\'s words', () => {
      const cases: [unknown, typeof TypeError | typeof RangeError, string][] = [
        [null, TypeError, 'Nest.forRoot: options must be an object, got null'],
        [[], TypeError, 'Nest.forRoot: options must be an object, got an array'],
        [{ timout: 5 }, TypeError, "Nest.forRoot: unknown option 'timout' (expected one of: timeoutMs, verbose, tags)"],
        [{ timeoutMs: 0 }, RangeError, 'Nest.forRoot: timeoutMs must be a positive finite number of milliseconds, got 0'],
        [{ timeoutMs: 3e9 }, RangeError, 'Nest.forRoot: timeoutMs must be at most 2147483647 ms (about 24.8 days, the longest delay a timer can hold), got 3000000000'],
        [{ verbose: 'yes' }, TypeError, "Nest.forRoot: verbose must be a boolean, got 'yes'"],
        [{ tags: ['a', ''] }, TypeError, 'Nest.forRoot: tags must be an array of non-empty strings'],
      ];
      for (const [options, type, message] of cases) {
        expect(() => validateOptions(SCHEMA, options, 'Nest.forRoot'), JSON.stringify(options)).to.throw(type).with.property('message', message);
      }
    });

    it('should require the options object itself when a key is required', () => {
      const schema = { intervalMs: optionRules.required(optionRules.positiveMs) };
      expect(() => validateOptions(schema, undefined, 'start')).to.throw(TypeError).with.property('message', 'start: options must be an object, got undefined (undefined)');
      expect(() => validateOptions(schema, {}, 'start')).to.throw(RangeError).with.property('message', 'start: intervalMs must be a positive finite number of milliseconds, got undefined (undefined)');
    });
  });

  describe('having a nested options object', () => {
    const schema = { background: optionRules.object({ intervalMs: optionRules.required(optionRules.positiveMs) }, 'an object such as { intervalMs: 10_000 }') };

    it('should name the nested option as parent.child, and keep the nested object validated', () => {
      expect(() => validateOptions(schema, { background: 5 }, 'f')).to.throw(TypeError).with.property('message', 'f: background must be an object such as { intervalMs: 10_000 }, got 5 (number)');
      expect(() => validateOptions(schema, { background: { intervalMs: 10, every: 1 } }, 'f')).to.throw(TypeError).with.property('message', "f: unknown option 'background.every' (expected one of: intervalMs)");
      expect(() => validateOptions(schema, { background: { intervalMs: -1 } }, 'f')).to.throw(RangeError).with.property('message', 'f: background.intervalMs must be a positive finite number of milliseconds, got -1');
      const valid = validateOptions(schema, { background: { intervalMs: 10 } }, 'f');
      expect(Object.isFrozen(valid.background)).to.equal(true);
      expect(callerOf(valid.background, 'start')).to.equal('f');
    });

    it('should check each nested value once', () => {
      let calls = 0;
      const counted = optionRules.custom('a number', (value): value is number => {
        calls++;
        return typeof value === 'number';
      });
      validateOptions({ background: optionRules.object({ intervalMs: counted }, 'an object') }, { background: { intervalMs: 10 } }, 'f');
      expect(calls).to.equal(1);
    });
  });
});

describe('pickOptions(schema, from)', () => {
  it('should carry over the part of a validated object that shares its rules, as validated, with its caller', () => {
    const valid = validateOptions(SCHEMA, { timeoutMs: 5, verbose: true }, 'outer');
    const part = { timeoutMs: SCHEMA.timeoutMs };
    const picked = pickOptions(part, valid);
    expect(picked).to.deep.equal({ timeoutMs: 5 });
    expect(validateOptions(part, picked, 'inner')).to.equal(picked);
    expect(callerOf(picked, 'inner')).to.equal('outer');
  });

  it('should refuse a key whose rule is not the same rule object (a programming error)', () => {
    const valid = validateOptions(SCHEMA, {}, 'outer');
    expect(() => pickOptions({ timeoutMs: optionRules.positiveMs }, valid)).to.throw(Error, /'timeoutMs' was not validated by the same rule/);
  });
});
