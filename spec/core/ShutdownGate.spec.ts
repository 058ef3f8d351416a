import { expect } from 'chai';
import { ShutdownGate } from '#lib/core/ShutdownGate.js';

describe('ShutdownGate', () => {
  it('lets every run through until closed, then answers readiness with a critical shutdown failure', () => {
    const gate = new ShutdownGate();
    expect([gate.closed, gate.answer('readiness')]).to.deep.equal([false, undefined]);
    gate.close();
    expect(gate.closed).to.equal(true);
    expect(gate.answer('readiness')).to.include({ name: 'shutdown', status: 'fail', critical: true, output: 'unavailable: shutting down' });
    expect([gate.answer('liveness'), gate.answer('startup'), gate.answer(undefined)]).to.deep.equal([undefined, undefined, undefined]);
  });

  it('answers with a check tagged ready that says the service is draining', () => {
    const gate = new ShutdownGate();
    gate.close();
    const answer = gate.answer('readiness');
    expect(answer?.tags).to.deep.equal(['ready']);
    expect(answer?.description).to.equal('The service is draining before it stops.');
  });
});
