import { expect } from 'chai';
import { HealthCheck, HealthService, healthEndpoints } from 'pulsecheck';

describe('an unknown check name', () => {
  class Database extends HealthCheck {
    check(): void {}
  }
  const service = new HealthService([new Database()]);

  it('is a RangeError from run({ names })', async () => {
    const error: unknown = await service.run({ names: ['Databse'] }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).to.be.instanceOf(RangeError).with.property('message', "HealthService.run: no check named 'Databse' (known: Database)");
  });

  it('is a RangeError from a healthEndpoints route, too, in the words of run() after the route', () => {
    expect(() => healthEndpoints(service, { routes: { '/h': { names: ['Databse'] } } })).to.throw(
      RangeError,
      "healthEndpoints: route '/h': no check named 'Databse' (known: Database)",
    );
  });

  it('is a RangeError as an unknown probe is, in both paths', async () => {
    expect(() => healthEndpoints(service, { routes: { '/h': { probe: 'alive' as never } } })).to.throw(RangeError);
    const error: unknown = await service.run({ probe: 'alive' as never }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).to.be.instanceOf(RangeError);
  });
});
