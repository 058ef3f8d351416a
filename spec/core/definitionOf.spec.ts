import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry } from 'pulsecheck';
import { definitionOf } from '#lib/core/definitionOf.js';

describe('definitionOf', () => {
  it('gives a class no registry holds the defaults: its own name, critical, no timeout and no tags', () => {
    class Unregistered extends HealthCheck {
      check(): void {}
    }
    expect(definitionOf(Unregistered)).to.deep.equal({
      target: Unregistered,
      name: 'Unregistered',
      critical: true,
      timeoutMs: undefined,
      tags: [],
      description: undefined,
      cacheTtlMs: undefined,
    });
    expect(Object.isFrozen(definitionOf(Unregistered).tags)).to.equal(true);
  });

  it('names an anonymous class AnonymousHealthCheck', () => {
    const anonymous = [class extends HealthCheck {
      check(): void {}
    }][0] as typeof HealthCheck;
    expect(anonymous.name).to.equal('');
    expect(definitionOf(anonymous).name).to.equal('AnonymousHealthCheck');
  });

  it('gives the definition a registry holds', () => {
    const registry = new HealthCheckRegistry();
    class Held extends HealthCheck {
      check(): void {}
    }
    registry.add({ target: Held, name: 'held', tags: ['ready'] });
    expect(definitionOf(Held)).to.include({ name: 'held', target: Held });
  });
});
