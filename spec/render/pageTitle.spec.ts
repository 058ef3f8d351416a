import { expect } from 'chai';
import { HealthCheck, HealthCheckRegistry, healthEndpoints, registerHealthCheck, respond } from 'pulsecheck';
import { serviceFor } from '../core/fixtures.js';
import { databaseAndQueue } from './fixtures.js';

/** The text of the page's `<title>` and `<h1>`. */
function headings(html: string): { title: string | undefined; h1: string | undefined } {
  return { title: /<title>([^<]*)<\/title>/.exec(html)?.[1], h1: /<h1>([^<]*)<\/h1>/.exec(html)?.[1] };
}

describe('the title of the HTML page', () => {
  describe('through respond()', () => {
    it('is the title the request names, in the heading and the <title>, escaped', () => {
      expect(headings(respond(databaseAndQueue(), { format: 'html', title: 'Liveness' }).body)).to.deep.equal({ title: 'Unhealthy · Liveness', h1: 'Liveness' });
      expect(headings(respond(databaseAndQueue(), { format: 'html', title: '<b>&' }).body).h1).to.equal('&lt;b&gt;&amp;');
    });

    it('is Health when none is named, and a later request with a title does not change it', () => {
      expect(headings(respond(databaseAndQueue(), { format: 'html', title: 'Readiness' }).body).h1).to.equal('Readiness');
      expect(headings(respond(databaseAndQueue(), { format: 'html' }).body).h1).to.equal('Health');
    });

    it('rejects a title that is not a non-empty string', () => {
      expect(() => respond(databaseAndQueue(), { format: 'html', title: '' })).to.throw(TypeError, /title must be a non-empty string/);
      expect(() => respond(databaseAndQueue(), { title: 3 as never })).to.throw(TypeError, /title/);
    });
  });

  describe('through healthEndpoints()', () => {
    const registry = new HealthCheckRegistry();
    registerHealthCheck({ registry, name: 'Process', tags: ['live', 'ready', 'startup'] })(
      class ProcessCheck extends HealthCheck {
        check(): void {
          // always working
        }
      },
    );
    const page = async (url: string): Promise<ReturnType<typeof headings>> => {
      const routes = { '/health': {}, '/health/live': { probe: 'liveness' as const }, '/health/ready': { probe: 'readiness' as const }, '/health/startup': { probe: 'startup' as const }, '/db': { tags: ['ready'] } };
      const response = await healthEndpoints(serviceFor(registry), { routes }).handle({ url, headers: { accept: 'text/html' } });
      return headings(response?.body ?? '');
    };

    it('says which probe each probe page is, in its title and heading', async () => {
      expect(await page('/health/live')).to.deep.equal({ title: 'Healthy · Liveness', h1: 'Liveness' });
      expect(await page('/health/ready')).to.deep.equal({ title: 'Healthy · Readiness', h1: 'Readiness' });
      expect(await page('/health/startup')).to.deep.equal({ title: 'Healthy · Startup', h1: 'Startup' });
    });

    it('calls a page that is no probe Health', async () => {
      expect(await page('/health')).to.deep.equal({ title: 'Healthy · Health', h1: 'Health' });
      expect((await page('/db')).h1).to.equal('Health');
    });
  });
});
