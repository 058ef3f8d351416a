import { expect } from 'chai';
import { HealthCheckRegistry, HtmlSerializer, JsonSerializer } from 'pulsecheck';
import { checkClass, serviceFor } from './fixtures.js';

describe('a check\'s description', () => {
  it('is carried from its registration into its result, and shown on the page and in the detailed JSON', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'search', () => undefined, { description: 'Elasticsearch cluster used for product search' });
    checkClass(registry, 'plain', () => undefined);
    const report = await serviceFor(registry).run();
    expect(report.checks[0]?.description).to.equal('Elasticsearch cluster used for product search');
    expect(report.checks[1]).not.to.have.property('description');
    expect(new HtmlSerializer().serialize(report)).to.include('<p class="desc">Elasticsearch cluster used for product search</p>');
    expect(new JsonSerializer({ detailed: true }).serialize(report)).to.equal(JSON.stringify(report));
  });

  it('is kept on a failing or timed-out result too', async () => {
    const registry = new HealthCheckRegistry();
    checkClass(registry, 'down', () => {
      throw new Error('refused');
    }, { description: 'Orders database' });
    checkClass(registry, 'slow', () => new Promise(() => undefined), { description: 'Slow thing', timeoutMs: 20 });
    const report = await serviceFor(registry).run();
    expect(report.checks.map((check) => [check.status, check.description])).to.deep.equal([
      ['fail', 'Orders database'],
      ['fail', 'Slow thing'],
    ]);
  });
});
