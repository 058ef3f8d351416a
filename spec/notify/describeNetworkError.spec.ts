import { expect } from 'chai';
import { describeNetworkError } from '#lib/notify/describeNetworkError.js';

describe('describeNetworkError', () => {
  it('names the error code of a Node error or of its cause, never the message', () => {
    expect(describeNetworkError(Object.assign(new Error('connect ECONNREFUSED http://secret.example/s3cr3t'), { code: 'ECONNREFUSED' }))).to.equal('the request failed (ECONNREFUSED)');
    expect(describeNetworkError(new TypeError('fetch failed http://s3cr3t', { cause: { code: 'ENOTFOUND' } }))).to.equal('the request failed (ENOTFOUND)');
    expect(describeNetworkError(new Error('s3cr3t'))).to.equal('the request failed');
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    for (const value of [undefined, null, 42, 'text', hostile, { code: 7 }]) expect(describeNetworkError(value)).to.equal('the request failed');
  });
});
