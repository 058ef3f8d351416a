import { expect } from 'chai';
import { WebhookQueue } from '#lib/notify/WebhookQueue.js';
import type { Delivery } from '#lib/notify/WebhookTransport.js';
import { deferred } from '../support/deferred.js';

/** A hand-written delivery: each call waits for the spec to settle it. */
function scriptedDelivery(): { deliver: (body: string, signal: AbortSignal) => Promise<Delivery>; calls: { body: string; signal: AbortSignal; settle: (delivery: Delivery) => void }[] } {
  const calls: { body: string; signal: AbortSignal; settle: (delivery: Delivery) => void }[] = [];
  return {
    calls,
    deliver: (body, signal) => {
      const done = deferred<Delivery>();
      signal.addEventListener(
        'abort',
        () => {
          done.resolve('aborted');
        },
        { once: true },
      );
      calls.push({ body, signal, settle: done.resolve });
      return done.promise;
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WebhookQueue', () => {
  it('delivers one message at a time, in order, and counts what each ended with', async () => {
    const { deliver, calls } = scriptedDelivery();
    const queue = new WebhookQueue(10, deliver, () => undefined);
    queue.push('a');
    queue.push('b');
    queue.push('c');
    await turn();
    expect(calls.map((call) => call.body)).to.deep.equal(['a']);
    expect(queue.counts).to.deep.equal({ sent: 0, failed: 0, dropped: 0, queued: 3 });
    calls[0]?.settle('sent');
    await turn();
    calls[1]?.settle('failed');
    await turn();
    calls[2]?.settle('sent');
    await turn();
    expect(calls.map((call) => call.body)).to.deep.equal(['a', 'b', 'c']);
    expect(queue.counts).to.deep.equal({ sent: 2, failed: 1, dropped: 0, queued: 0 });
  });

  it('drops the oldest waiting message when full, and reports the first drop of a backlog once', async () => {
    const { deliver, calls } = scriptedDelivery();
    let reported = 0;
    const queue = new WebhookQueue(2, deliver, () => (reported += 1));
    for (const body of ['a', 'b', 'c', 'd', 'e']) queue.push(body);
    expect(queue.counts).to.deep.include({ dropped: 2, queued: 3 });
    expect(reported).to.equal(1);
    for (let index = 0; index < 3; index += 1) {
      await turn();
      calls[index]?.settle('sent');
    }
    await turn();
    expect(calls.map((call) => call.body)).to.deep.equal(['a', 'd', 'e']);
    queue.push('f');
    queue.push('g');
    queue.push('h'); // a new backlog: reported again
    queue.push('i');
    expect(reported).to.equal(2);
  });

  it('flush resolves with what was sent and lost while it waited', async () => {
    const { deliver, calls } = scriptedDelivery();
    const queue = new WebhookQueue(10, deliver, () => undefined);
    queue.push('a');
    queue.push('b');
    const flushed = queue.flush(5_000);
    await turn();
    calls[0]?.settle('sent');
    await turn();
    calls[1]?.settle('failed');
    expect(await flushed).to.deep.equal({ drained: true, sent: 1, lost: 1, pending: 0 });
    expect(await queue.flush(5_000)).to.deep.equal({ drained: true, sent: 0, lost: 0, pending: 0 });
  });

  it('flush gives up at its deadline, saying what is pending; abort then drops it and stops the delivery', async () => {
    const { deliver, calls } = scriptedDelivery();
    const queue = new WebhookQueue(10, deliver, () => undefined);
    queue.push('a');
    queue.push('b');
    const started = performance.now();
    expect(await queue.flush(50)).to.deep.equal({ drained: false, sent: 0, lost: 0, pending: 2 });
    expect(performance.now() - started).to.be.at.least(45);
    expect(await queue.abort()).to.deep.equal({ drained: true, sent: 0, lost: 2, pending: 0 });
    expect(calls[0]?.signal.aborted).to.equal(true);
    expect(queue.counts).to.deep.equal({ sent: 0, failed: 0, dropped: 2, queued: 0 });
    // usable again afterwards, with a fresh signal
    queue.push('c');
    await turn();
    expect(calls[1]?.signal.aborted).to.equal(false);
    calls[1]?.settle('sent');
    expect(await queue.flush(1_000)).to.deep.include({ drained: true, sent: 1 });
  });

  it('counts a message that could not be built as failed', () => {
    const queue = new WebhookQueue(1, scriptedDelivery().deliver, () => undefined);
    queue.countFailed();
    expect(queue.counts.failed).to.equal(1);
  });
});
