import { expect } from 'chai';
import { WebhookTransport, type WebhookTransportOptions } from '#lib/notify/WebhookTransport.js';
import { closedPort } from '../support/closedPort.js';
import { WebhookReceiver } from './webhookReceiver.js';

describe('WebhookTransport', () => {
  let receiver: WebhookReceiver | undefined;
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => {
    if (warning.name === 'PulsecheckNotifierWarning') warnings.push(warning.message);
  };

  beforeEach(() => {
    warnings.length = 0;
    process.on('warning', onWarning);
  });

  afterEach(async () => {
    process.off('warning', onWarning);
    await receiver?.close();
    receiver = undefined;
  });

  /** Process warnings are emitted on the next tick. */
  const warned = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  function transport(url: string, options: Partial<WebhookTransportOptions> = {}): WebhookTransport {
    return new WebhookTransport({ url: new URL(url), headers: { 'content-type': 'application/json', authorization: 'Bearer t0ken' }, timeoutMs: 5_000, retries: 3, retryDelayMs: 10, maxRetryDelayMs: 1_000, ...options });
  }

  it('POSTs the body with its headers and a content-length, and answers sent on a 2xx', async () => {
    receiver = await WebhookReceiver.start([204]);
    const body = JSON.stringify({ text: 'héllo' });
    expect(await transport(receiver.url()).deliver(body, new AbortController().signal)).to.equal('sent');
    const [request] = receiver.received;
    expect(request?.text).to.equal(body);
    expect(request?.headers).to.deep.include({ 'content-type': 'application/json', authorization: 'Bearer t0ken', 'content-length': String(Buffer.byteLength(body)) });
  });

  it('retries a 5xx and a 429 with backoff and jitter, between half and all of each delay', async () => {
    receiver = await WebhookReceiver.start([500, 429, 502]);
    const delays: number[] = [];
    expect(await transport(receiver.url(), { retryDelayMs: 40, random: () => 0 }).deliver('{}', new AbortController().signal)).to.equal('sent');
    const times = receiver.received.map((request) => request.at);
    for (let index = 1; index < times.length; index += 1) delays.push((times[index] ?? 0) - (times[index - 1] ?? 0));
    expect(receiver.received).to.have.length(4);
    // random() = 0: half of 40, 80, 160
    expect(delays[0]).to.be.within(18, 200);
    expect(delays[1]).to.be.within(38, 250);
    expect(delays[2]).to.be.within(78, 300);
  });

  it('gives up after its retries with a warning naming only the origin', async () => {
    receiver = await WebhookReceiver.start([], 503);
    expect(await transport(receiver.url('/s3cr3t'), { retries: 2 }).deliver('{}', new AbortController().signal)).to.equal('failed');
    expect(receiver.received).to.have.length(3);
    await warned();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/gave up on a message after 3 attempts: HTTP 503$/);
    expect(warnings[0]).to.not.include('s3cr3t');
  });

  it('does not retry a 4xx other than 429, nor a redirect', async () => {
    receiver = await WebhookReceiver.start([404, { status: 302, headers: { location: 'http://elsewhere.example/' } }]);
    const sender = transport(receiver.url());
    expect(await sender.deliver('{}', new AbortController().signal)).to.equal('failed');
    expect(await sender.deliver('{}', new AbortController().signal)).to.equal('failed');
    expect(receiver.received).to.have.length(2);
    await warned();
    expect(warnings[1]).to.match(/HTTP 302 \(not retried\)/);
  });

  it('caps a Retry-After at maxRetryDelayMs', async () => {
    receiver = await WebhookReceiver.start([{ status: 503, headers: { 'retry-after': '3600' } }]);
    const started = performance.now();
    expect(await transport(receiver.url(), { maxRetryDelayMs: 100 }).deliver('{}', new AbortController().signal)).to.equal('sent');
    expect(performance.now() - started).to.be.within(90, 2_000);
  });

  it('names a refused connection by its code', async () => {
    const port = await closedPort();
    expect(await transport(`http://127.0.0.1:${port}/`, { retries: 0 }).deliver('{}', new AbortController().signal)).to.equal('failed');
    await warned();
    expect(warnings[0]).to.match(/after 1 attempt: the request failed \(ECONNREFUSED\)$/);
  });

  it('aborts a request the receiver does not answer within timeoutMs, and retries it', async () => {
    receiver = await WebhookReceiver.start(['hang', 'hang']);
    expect(await transport(receiver.url(), { timeoutMs: 80, retries: 1 }).deliver('{}', new AbortController().signal)).to.equal('failed');
    expect(receiver.received).to.have.length(2);
    await warned();
    expect(warnings[0]).to.match(/after 2 attempts: no answer within 80 ms$/);
  });

  it('answers aborted, without a warning, when its signal aborts the request in flight or the wait between attempts', async () => {
    receiver = await WebhookReceiver.start(['hang', 500]);
    const sender = transport(receiver.url(), { timeoutMs: 60_000, retryDelayMs: 60_000, maxRetryDelayMs: 60_000 });
    const inFlight = new AbortController();
    const first = sender.deliver('{}', inFlight.signal);
    await receiver.requests(1);
    inFlight.abort();
    expect(await first).to.equal('aborted');
    const waiting = new AbortController();
    const second = sender.deliver('{}', waiting.signal);
    await receiver.requests(2);
    setTimeout(() => {
      waiting.abort();
    }, 20);
    expect(await second).to.equal('aborted');
    await warned();
    expect(warnings).to.deep.equal([]);
  });
});
