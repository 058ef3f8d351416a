import { expect } from 'chai';
import { describeRaw, describeThrown } from '#lib/core/describeThrown.js';
import { HealthCheckError } from 'pulsecheck';
import { hostileValues } from './hostileValues.js';

describe('describeThrown', () => {
  it('uses the code of an error with an empty message', () => {
    expect(describeThrown(Object.assign(new Error(''), { code: 'ECONNRESET' }))).to.equal('ECONNRESET');
  });

  it('says "no message" for an error with neither message nor code', () => {
    expect(describeThrown(new Error(''))).to.equal('no message');
  });

  it('collapses duplicate inner errors of an AggregateError', () => {
    const inner = new Error('connect ECONNREFUSED 127.0.0.1:1');
    expect(describeThrown(new AggregateError([inner, inner], ''))).to.equal('AggregateError: connect ECONNREFUSED 127.0.0.1:1');
  });

  it("keeps an AggregateError's own message instead of its inner errors", () => {
    expect(describeThrown(new AggregateError([new Error('inner one')], 'all attempts failed'))).to.equal('AggregateError: all attempts failed');
  });

  it('describes inner errors two levels deep, and no deeper', () => {
    const twoLevels = new AggregateError([new AggregateError([new Error('level 2')], '')], '');
    expect(describeThrown(twoLevels)).to.equal('AggregateError: level 2');
    const threeLevels = new AggregateError([new AggregateError([new AggregateError([new Error('level 3')], '')], '')], '');
    expect(describeThrown(threeLevels)).to.equal('AggregateError: no message');
  });

  it('describes an AggregateError that contains itself without overflowing the stack', () => {
    const loop = new AggregateError([], '');
    (loop as { errors: unknown[] }).errors = [loop, new Error('the real cause')];
    expect(describeThrown(loop)).to.equal('AggregateError: the real cause');
    const onlyItself = new AggregateError([], '');
    (onlyItself as { errors: unknown[] }).errors = [onlyItself];
    expect(describeThrown(onlyItself)).to.equal('AggregateError: no message');
  });

  it('describes an AggregateError whose errors are null, not iterable, or an endless iterable', () => {
    for (const errors of [null, 42, {}, 'text']) {
      const error = new AggregateError([], '');
      Object.defineProperty(error, 'errors', { value: errors });
      expect(describeThrown(error)).to.equal('AggregateError: no message');
    }
    const endless = new AggregateError([], '');
    Object.defineProperty(endless, 'errors', {
      value: {
        *[Symbol.iterator]() {
          for (let index = 0; ; index += 1) yield new Error(`attempt ${index}`);
        },
      },
    });
    expect(describeThrown(endless)).to.match(/^AggregateError: attempt 0; attempt 1; .*attempt 9$/);
  });

  it('truncates very long messages', () => {
    const text = describeThrown(new Error('x'.repeat(5_000)));
    expect(text.length).to.equal(500);
    expect(text.endsWith('…')).to.equal(true);
  });

  it('describes symbols, bigints, booleans, functions and empty objects', () => {
    expect(describeThrown(Symbol('s'))).to.equal('threw Symbol(s)');
    expect(describeThrown(10n)).to.equal('threw 10');
    expect(describeThrown(false)).to.equal('threw false');
    expect(describeThrown(function named() {})).to.equal('threw a function (named)');
    expect(describeThrown({})).to.equal('threw [object Object]');
    expect(describeThrown('   ')).to.equal('threw an empty string');
  });

  it('describes an Error whose message is a number or an object', () => {
    expect(describeThrown(Object.assign(new Error(), { message: 42 }))).to.equal('42');
    expect(describeThrown(Object.assign(new TypeError(), { message: { code: 7 } }))).to.equal('TypeError: {"code":7}');
  });

  it('describes objects with a bigint inside, and prototype-less objects', () => {
    expect(describeThrown({ limit: 10n })).to.equal('threw {"limit":"10n"}');
    expect(describeThrown(Object.create(null))).to.equal('threw [object Object]');
    expect(describeThrown(Object.assign(Object.create(null) as object, { message: 'bare' }))).to.equal('bare');
  });

  it('redacts what it describes', () => {
    expect(describeThrown(new Error('connect postgres://app:hunter2@db/app'))).to.equal('connect postgres://app:***@db/app');
  });

  describe('never throws, and returns one non-empty line of at most 500 characters, for', () => {
    for (const [name, make] of Object.entries(hostileValues)) {
      it(name, () => {
        const text = describeThrown(make());
        expect(text).to.be.a('string').and.not.equal('');
        expect(text.length).to.be.at.most(500);
        expect(text).not.to.match(/[\r\n\u2028\u2029]/);
      });
    }
  });

  it('describes a look-alike HealthCheckError whose fields throw', () => {
    const make = hostileValues['a HealthCheckError look-alike whose fields throw'] as () => unknown;
    const lookAlike = make();
    expect(HealthCheckError.is(lookAlike)).to.equal(true);
    expect(describeThrown(lookAlike)).to.equal('no message');
  });

  describe('case by case', () => {
    it('names a function only when it has a name', () => {
      expect(describeThrown([() => 1][0])).to.equal('threw a function');
    });

    it('reads the message of a plain object only when it is not blank', () => {
      expect(describeThrown({ message: '  ', code: 1 })).to.equal('threw {"message":"  ","code":1}');
    });

    it("trims an error's message, and says 'no message' when it is empty, null, undefined or an empty object, and the code is empty too", () => {
      expect(describeThrown(new Error('  boom  '))).to.equal('boom');
      for (const message of ['', null, undefined, {}]) {
        expect(describeThrown(Object.assign(new Error('x'), { message, code: '' })), JSON.stringify(message) ?? 'undefined').to.equal('no message');
      }
      expect(describeThrown(Object.assign(new Error('x'), { message: true }))).to.equal('true');
      expect(describeThrown(Object.assign(new Error('x'), { message: Symbol('m') }))).to.equal('Symbol(m)');
    });

    it('shows no empty or plain Error name', () => {
      expect(describeThrown(Object.assign(new Error('bare'), { name: '' }))).to.equal('bare');
      expect(describeThrown(new Error('plain'))).to.equal('plain');
    });

    it('treats an object tagged as an Error as one', () => {
      expect(describeThrown({ [Symbol.toStringTag]: 'Error', name: 'Custom', message: 'tagged' })).to.equal('Custom: tagged');
    });

    it('describes the inner errors of an AggregateError look-alike whose errors are any iterable', () => {
      const lookAlike = Object.assign(new AggregateError([], ''), { errors: new Set([new Error('in a set')]) });
      expect(describeThrown(lookAlike)).to.equal('AggregateError: in a set');
    });

    it('names a function only when its name is a non-empty string that can be read', () => {
      const nameThrows = Object.defineProperty(function named() {}, 'name', {
        get() {
          throw new Error('no name');
        },
      });
      expect(describeThrown(nameThrows)).to.equal('threw a function');
      expect(describeThrown(Object.defineProperty(function named() {}, 'name', { value: 42 }))).to.equal('threw a function');
    });

    it("says 'no message' for an error whose message is a function that cannot be turned into a string", () => {
      const message = Object.assign(() => 1, {
        toString() {
          throw new Error('no string');
        },
      });
      expect(describeThrown(Object.assign(new Error('x'), { message }))).to.equal('no message');
    });

    it("looks only at the first 16 KiB of an error's message", () => {
      expect(describeThrown(new Error(`${' '.repeat(20_000)}late`))).to.equal('no message');
    });

    it('describes the readable inner errors of an AggregateError whose array has an element that throws', () => {
      const errors: unknown[] = [new Error('first')];
      Object.defineProperty(errors, 1, {
        get() {
          throw new Error('unreadable');
        },
      });
      const error = new AggregateError([], '');
      Object.defineProperty(error, 'errors', { value: errors });
      expect(describeThrown(error)).to.equal('AggregateError: first; threw undefined');
    });

    it('describes no inner errors when iterating them throws', () => {
      const error = new AggregateError([], '');
      Object.defineProperty(error, 'errors', {
        value: {
          *[Symbol.iterator]() {
            yield new Error('before the failure');
            throw new Error('iteration failed');
          },
        },
      });
      expect(describeThrown(error)).to.equal('AggregateError: no message');
    });

    it('describes a Proxy whose getPrototypeOf trap throws as a plain object, not as an Error', () => {
      const hostile = new Proxy(
        { message: '', code: 'ECODE' },
        {
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      );
      expect(describeThrown(hostile)).to.equal('threw {"message":"","code":"ECODE"}');
    });

    it('describes a number and null as thrown', () => {
      expect(describeThrown(42)).to.equal('threw 42');
      expect(describeThrown(null)).to.equal('threw null');
    });

    it("says 'no message' for an error whose message is an object with no JSON form", () => {
      expect(describeThrown(Object.assign(new Error('x'), { message: { toJSON: () => undefined } }))).to.equal('no message');
    });

    it('describes a revoked Proxy, which every read throws on, as an object', () => {
      const { proxy, revoke } = Proxy.revocable({ message: 'gone' }, {});
      revoke();
      expect(describeThrown(proxy)).to.equal('threw [object Object]');
    });

    it('describes a value as one that cannot be described when describing it throws', () => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as is
      const trim = String.prototype.trim;
      String.prototype.trim = () => {
        throw new Error('trim is broken');
      };
      try {
        expect(describeRaw('boom')).to.equal('threw a value that cannot be described');
      } finally {
        String.prototype.trim = trim;
      }
    });

    it('caps a raw message at 16 KiB, and stops adding JSON fields once 16 KiB are spent', () => {
      expect(describeRaw('x'.repeat(16_384))).to.have.length(16_384);
      expect(describeRaw('x'.repeat(20_000))).to.have.length(16_384);
      expect(describeRaw({ a: 'x'.repeat(16_368), b: 1 })).to.equal(`threw {"a":"${'x'.repeat(16_368)}"}`);
      expect(describeRaw({ a: 'x'.repeat(16_367), b: 1 })).to.equal(`threw {"a":"${'x'.repeat(16_367)}","b":1}`);
    });
  });
});
