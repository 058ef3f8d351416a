import { expect } from 'chai';
import { healthEndpoints, HealthService } from 'pulsecheck';
import { makeHealth } from './fixtures.js';

const html = { accept: 'text/html' };

describe('healthEndpoints and history', () => {
  it('draws each check\'s history on the HTML dashboard by default', async () => {
    const { health, switches } = makeHealth();
    const endpoints = healthEndpoints(health);
    await endpoints.handle({ url: '/health', headers: html });
    switches.databaseDown = true;
    const response = await endpoints.handle({ url: '/health', headers: html });
    expect(response?.body).to.include('<ol class="strip"');
    expect(response?.body).to.include('Uptime <strong>50%</strong> over the last 2 results');
  });

  it('leaves it out with ?history=0 (or false), and on a route that says history: false unless ?history=1', async () => {
    const { health } = makeHealth();
    const endpoints = healthEndpoints(health, { routes: { '/health': {}, '/plain': { history: false } } });
    for (const url of ['/health?history=0', '/health?history=false', '/plain']) {
      expect((await endpoints.handle({ url, headers: html }))?.body, url).not.to.include('class="strip"');
    }
    for (const url of ['/plain?history=1', '/plain?history=true', '/plain?history']) {
      expect((await endpoints.handle({ url, headers: html }))?.body, url).to.include('class="strip"');
    }
  });

  it('answers any other ?history= value with a 400, without running checks', async () => {
    const { health, switches } = makeHealth();
    const response = await healthEndpoints(health).handle({ url: '/health?history=yes', headers: html });
    expect(response?.statusCode).to.equal(400);
    expect(response?.body).to.equal('history must be 1, true, 0 or false\n');
    expect(switches.databaseRuns).to.equal(0);
  });

  it('refuses a route whose history is not a boolean', () => {
    expect(() => healthEndpoints(new HealthService([]), { routes: { '/h': { history: 'yes' as never } } })).to.throw(TypeError, "healthEndpoints: route '/h': history must be a boolean");
  });
});
