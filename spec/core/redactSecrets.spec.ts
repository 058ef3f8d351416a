import { expect } from 'chai';
import { redactSecrets } from '#lib/core/redactSecrets.js';

describe('redactSecrets', () => {
  const cases: [string, string][] = [
    ['postgres://user:secret@host:5432/db', 'postgres://user:***@host:5432/db'],
    ['connect to amqp://guest:guest@127.0.0.1:5672/ failed', 'connect to amqp://guest:***@127.0.0.1:5672/ failed'],
    ['redis://:only-password@cache:6379', 'redis://:***@cache:6379'],
    ['mongodb+srv://app:p%40ss@cluster0.example.net/test', 'mongodb+srv://app:***@cluster0.example.net/test'],
    ['host=db password=hunter2 user=app', 'host=db password=*** user=app'],
    ['Password: "quoted secret" rest', 'Password: *** rest'],
    ['{"password":"x1","user":"u"}', '{"password":***,"user":"u"}'],
    ['?apiKey=abc123&x=1', '?apiKey=***&x=1'],
    ['token=eyJhbGciOi.x.y', 'token=***'],
    ['pwd=abc; other=1', 'pwd=***; other=1'],
  ];
  for (const [input, output] of cases) {
    it(`redacts ${JSON.stringify(input)}`, () => {
      expect(redactSecrets(input)).to.equal(output);
    });
  }

  it('leaves messages without secrets as they are', () => {
    for (const text of ['connect ECONNREFUSED 127.0.0.1:5432', 'password authentication failed for user "app"', 'https://example.com/path', 'amqp://guest@host', 'bypass=1']) {
      expect(redactSecrets(text)).to.equal(text);
    }
  });
});
