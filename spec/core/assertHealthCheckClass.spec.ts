import { expect } from 'chai';
import { HealthCheck } from 'pulsecheck';
import { assertHealthCheckClass } from '#lib/core/assertHealthCheckClass.js';
import { describeClass } from '#lib/core/describeClass.js';

class Probe extends HealthCheck {
  check(): void {}
}

describe('assertHealthCheckClass and describeClass', () => {
  it('describes a class by name, an anonymous class as such, and anything else by value and type', () => {
    expect(describeClass(Probe)).to.equal('class Probe');
    const anonymous = [function () {}][0];
    expect(describeClass(anonymous)).to.equal('an anonymous class');
    expect(describeClass(42)).to.equal('42 (number)');
    expect(describeClass(undefined)).to.equal('undefined (undefined)');
  });

  it('accepts a subclass of HealthCheck only, naming what it got', () => {
    expect(() => { assertHealthCheckClass(Probe, 'add'); }).not.to.throw();
    expect(() => { assertHealthCheckClass(class NotACheck {}, 'add'); }).to.throw(TypeError, 'add: class NotACheck does not extend HealthCheck');
    expect(() => { assertHealthCheckClass({ prototype: new Probe() }, 'add'); }).to.throw(TypeError, 'add: [object Object] (object) does not extend HealthCheck');
  });
});
