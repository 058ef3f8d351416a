import { expect } from 'chai';
import { WEBHOOK_DEFAULTS } from 'pulsecheck';
import { resolveWebhookOptions } from '#lib/notify/resolveWebhookOptions.js';

describe('resolveWebhookOptions', () => {
  it('applies every default of WEBHOOK_DEFAULTS', () => {
    const resolved = resolveWebhookOptions({ url: 'https://hooks.example.com/x' }, 'WebhookNotifier');
    const { drainMs: _drainMs, ...optionDefaults } = WEBHOOK_DEFAULTS;
    expect(resolved).to.deep.include(optionDefaults);
    expect(resolved.headers).to.deep.equal({ 'content-type': 'application/json' });
  });

  it('lower-cases header names and never lets a given content-type replace JSON', () => {
    const resolved = resolveWebhookOptions({ url: 'https://hooks.example.com/x', headers: { Authorization: 'Bearer x', 'Content-Type': 'text/plain' } }, 'WebhookNotifier');
    expect(resolved.headers).to.deep.equal({ authorization: 'Bearer x', 'content-type': 'application/json' });
  });

  it('names the owner it is given in its errors', () => {
    expect(() => resolveWebhookOptions({ url: 'ftp://x' }, 'Custom')).to.throw(TypeError, /^Custom: url must be an absolute http: or https: URL, got a ftp: URL$/);
    expect(() => resolveWebhookOptions({ url: 'https://x', retries: -1 }, 'Custom')).to.throw(RangeError, /^Custom: retries must be a whole number from 0 to 10, got -1$/);
  });
});
