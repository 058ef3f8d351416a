import { expect } from 'chai';
import { describeThrown } from '#lib/core/describeThrown.js';
import { redactSecrets } from '#lib/core/redactSecrets.js';
import { redactSplitSecrets } from '#lib/core/redactSplitSecrets.js';
import { makeCheckError } from '#lib/core/toCheckError.js';
import { displayUrl } from '#lib/checks/http/displayUrl.js';
import { HealthCheckRegistry, healthEndpoints } from 'pulsecheck';
import { offers } from '#lib/render/formats.js';
import { negotiate } from '#lib/render/negotiate.js';
import { checkClass, serviceFor } from './fixtures.js';

/** Shortest wall time of `runs` calls of `action` (after one warm-up call), in ms: noise (GC, other processes) only ever adds time. */
async function fastestMs(action: () => unknown, runs = 5): Promise<number> {
  await action();
  let fastest = Number.POSITIVE_INFINITY;
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await action();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * Asserts that 8x the input takes well under the 64x time a quadratic
 * pattern costs: `t(8n) < 24 t(n) + 5 ms` (linear is 8x). The 5 ms floor
 * absorbs timer noise when a linear pass is too quick to measure; a quadratic
 * one at these sizes costs hundreds of milliseconds. On a busy machine one
 * measurement may be unlucky, so it is taken up to three times; a quadratic
 * pattern fails all three.
 */
async function expectLinear(what: string, make: (size: number) => () => unknown, size: number): Promise<void> {
  const smallAction = make(size);
  const largeAction = make(size * 8);
  let message = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const small = await fastestMs(smallAction);
    const large = await fastestMs(largeAction);
    if (large < 24 * small + 5) return;
    message = `${what}: ${small.toFixed(2)} ms for ${size}, ${large.toFixed(2)} ms for ${size * 8}`;
  }
  expect.fail(`${message}: 8x the input took more than 24x the time`);
}

describe('linear time on hostile input', function () {
  this.timeout(30_000);

  const redactions: [string, (size: number) => string][] = [
    ["a run of 'a-' (URL scheme and key characters, no separator)", (size) => 'a-'.repeat(size / 2)],
    ["a run of 'a://' (URL markers)", (size) => 'a://'.repeat(size / 4)],
    ["a run of 'a://b:' (userinfo without @)", (size) => 'a://b:'.repeat(size / 6)],
    ['unterminated quoted secret values', (size) => 'password="'.repeat(size / 10)],
    ['a long secret value', (size) => `password=${'x'.repeat(size)}`],
    ['keys followed by long whitespace and no separator', (size) => `token${' '.repeat(size)}x`],
    ["a run of 'a '", (size) => 'a '.repeat(size / 2)],
    ['Bearer followed by short tokens', (size) => 'Bearer abc '.repeat(size / 11)],
    ['a URL with a long userinfo and many @', (size) => `https://${'u@'.repeat(size / 2)}host`],
    // token formats (lib/core/redactTokens.ts): each prefix repeated, runs that almost match, separators the classes skip
    ['a run of token prefixes', (size) => 'ghp_xoxb-sk-AKIAglpat-npm_pypi-AgEISG.eyJ'.repeat(size / 41)],
    ['token prefixes each followed by too short a body', (size) => ' ghp_abc xoxb-1 sk-ab AIzaX npm_1 SG.a.b eyJa.b.c hf_a'.repeat(size / 54)],
    ['JWT-like parts separated by dots', (size) => 'eyJaaaaa.'.repeat(size / 9)],
    ['JWT headers with a long second part and no third', (size) => `eyJaaaaa.${'b'.repeat(size)}`],
    ['SendGrid-like parts separated by dots', (size) => 'SG.aaaaaaaaaaaaaaaa.'.repeat(size / 20)],
    ['Azure-secret-like runs of ~ and .', (size) => 'ab1Q~.~'.repeat(size / 7)],
    ['Telegram-like digits and colons', (size) => '123456789:AA'.repeat(size / 12)],
    ['webhook paths repeated', (size) => 'hooks.slack.com/services/'.repeat(size / 25)],
    ['a long webhook path', (size) => `https://hooks.slack.com/services/${'T0/'.repeat(size / 3)}`],
    // private-key blocks (lib/core/redactPrivateKeys.ts)
    ['BEGIN lines without an END', (size) => '-----BEGIN RSA PRIVATE KEY-----'.repeat(size / 31)],
    ['complete private-key blocks', (size) => '-----BEGIN PRIVATE KEY----- x -----END PRIVATE KEY----- '.repeat(size / 57)],
    ['BEGIN followed by a long label that never says PRIVATE KEY', (size) => `-----BEGIN ${'A '.repeat(size / 2)}`],
    ['PRIVATE KEY without armor', (size) => 'PRIVATE KEY-----BEGIN '.repeat(size / 22)],
    // escaped JSON, command lines, mysql -p (lib/core/redactSecrets.ts)
    ['escaped quotes after a secret key, never closed', (size) => `{\\"password\\":\\"${'\\'.repeat(size)}`],
    ['escaped secret keys repeated', (size) => '\\"token\\":\\"'.repeat(size / 14)],
    ['backslash runs after secret keys', (size) => `password=${'\\"'.repeat(size / 2)}`],
    ['secret flags followed by flags', (size) => '--password --token '.repeat(size / 19)],
    ['flags followed by long blank runs', (size) => `--password${' '.repeat(size)}-x`],
    ['a MySQL client with many -p words', (size) => `mysql ${'-p -px '.repeat(size / 7)}`],
    ['file names with line positions', (size) => 'secrets.yaml:12: '.repeat(size / 17)],
    ['a secret key whose value is a name and separator, again and again', (size) => `key: ${'a= '.repeat(size / 3)}`],
    ['secret keys whose values are names before quotes, never closed', (size) => "key: token='".repeat(size / 12)],
  ];
  for (const [what, make] of redactions) {
    it(`redactSecrets: ${what}`, async () => {
      await expectLinear(what, (size) => {
        const text = make(size);
        return () => redactSecrets(text);
      }, 4_000);
    });
  }

  it('redactSplitSecrets: many errors, each ending where a secret should begin', async () => {
    await expectLinear('split secrets', (size) => {
      const errors = Array.from({ length: size / 50 }, (_, index) => makeCheckError('unavailable', `${'a '.repeat(20)}password=${index}`));
      const dangling = Array.from({ length: size / 50 }, () => makeCheckError('unavailable', `${'a '.repeat(20)}password=`));
      return () => [redactSplitSecrets(errors), redactSplitSecrets(dangling)];
    }, 4_000);
  });

  it('displayUrl: a path of many segments, some token-like', async () => {
    await expectLinear('path segments', (size) => {
      const url = new URL(`https://example.com/${'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4/x/'.repeat(size / 36)}`);
      return () => displayUrl(url);
    }, 4_000);
  });

  it('describeThrown: a long run of inner whitespace, with and without line breaks', async () => {
    for (const unit of [' ', ' \n', '\t\r\n ']) {
      await expectLinear(`whitespace ${JSON.stringify(unit)}`, (size) => {
        const error = new Error(`x${unit.repeat(size / unit.length)}y`);
        return () => describeThrown(error);
      }, 1_000);
    }
  });

  it('run(): a thrown message with 16k of inner whitespace, and an observation key of a- runs', async () => {
    await expectLinear('run()', (size) => {
      const registry = new HealthCheckRegistry();
      const message = `x${' '.repeat(size)}y`;
      const key = 'a-'.repeat(size / 2);
      checkClass(registry, 'thrown', () => {
        throw new Error(message);
      });
      checkClass(registry, 'observed', (context) => {
        context.observe(key, 1, key);
        context.observe('value', key);
      });
      const service = serviceFor(registry);
      return () => service.run();
    }, 2_000);
  });

  it('healthEndpoints: a request path with a long run of slashes', async () => {
    await expectLinear('slashes', (size) => {
      const registry = new HealthCheckRegistry();
      checkClass(registry, 'a', () => undefined);
      const endpoints = healthEndpoints(serviceFor(registry));
      const urls = [`/health${'/'.repeat(size)}x`, `/${'/'.repeat(size)}`, `/health${'/'.repeat(size)}?q=1`];
      return () => Promise.all(urls.map((url) => endpoints.handle({ url })));
    }, 2_000);
  });

  it('negotiate: long Accept headers', async () => {
    await expectLinear('Accept', (size) => {
      const headers = ['text/html;q=0.5, '.repeat(size / 17), `text/html;${' '.repeat(size)}`, `${'a'.repeat(size)}/`, `text/html;q="${'\\'.repeat(size)}`, ';'.repeat(size), `text/html;a=${'"'.repeat(size)}`];
      return () => headers.map((accept) => negotiate(accept, offers));
    }, 4_000);
  });
});
