import { expect } from 'chai';
import { ShutdownGate } from '#lib/core/ShutdownGate.js';

describe('ShutdownGate', () => {
  it('lets every run through until closed, then answers readiness and the whole service with a critical shutdown failure', () => {
    const gate = new ShutdownGate();
    expect([gate.closed, gate.answer({ probe: 'readiness' }), gate.answer({})]).to.deep.equal([false, undefined, undefined]);
    gate.close();
    expect(gate.closed).to.equal(true);
    for (const options of [{ probe: 'readiness' }, {}, { fresh: true }, { history: true }, { probe: 'readiness', tags: ['db'] }] as const) {
      expect(gate.answer(options), JSON.stringify(options)).to.include({ name: 'shutdown', status: 'fail', critical: true, output: 'unavailable: shutting down' });
    }
  });

  it('lets liveness, startup and runs that select checks by tag or name through when closed', () => {
    const gate = new ShutdownGate();
    gate.close();
    for (const options of [{ probe: 'liveness' }, { probe: 'startup' }, { tags: ['db'] }, { names: ['Database'] }, { tags: [] }] as const) {
      expect(gate.answer(options), JSON.stringify(options)).to.equal(undefined);
    }
  });

  it('answers with a check tagged ready that says the service is draining', () => {
    const gate = new ShutdownGate();
    gate.close();
    const answer = gate.answer({ probe: 'readiness' });
    expect(answer?.tags).to.deep.equal(['ready']);
    expect(answer?.description).to.equal('The service is draining before it stops.');
  });
});
