import { expect } from 'chai';
import { healthEndpoints, HealthService } from 'pulsecheck';
import { HISTORY_QUERY_REFUSAL } from '#lib/http/historyQuery.js';
import { makeHealth } from './fixtures.js';

const html = { accept: 'text/html' };
const json = { accept: 'application/json' };

describe('healthEndpoints and history', () => {
  it('draws each check\'s history on the HTML dashboard by default', async () => {
    const { health, switches } = makeHealth();
    const endpoints = healthEndpoints(health);
    await endpoints.handle({ url: '/health', headers: html });
    switches.databaseDown = true;
    const response = await endpoints.handle({ url: '/health', headers: html });
    expect(response?.body).to.include('<svg class="strip"');
    expect(response?.body).to.match(/Uptime <strong>[\d.]+%<\/strong> over the last [\d.]+ (ms|s|min) \(2 results\)/);
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

  it('serves the history as data: with ?history (or =1, =true), JSON answers the detailed report, each check with its history', async () => {
    const { health, switches } = makeHealth();
    const endpoints = healthEndpoints(health);
    await endpoints.handle({ url: '/health', headers: json });
    switches.databaseDown = true;
    for (const url of ['/health?history', '/health?history=1', '/health?format=json&history=true']) {
      const response = await endpoints.handle({ url, headers: json });
      expect(response?.statusCode, url).to.equal(503);
      expect(response?.headers['Content-Type'], url).to.equal('application/json');
      const body = JSON.parse(response?.body ?? '') as { status: string; checks: { name: string; history?: { entries: { status: string; time: string; output: string }[] } }[] };
      expect(body.status, url).to.equal('fail');
      const database = body.checks.find((check) => check.name === 'Database');
      const statuses = database?.history?.entries.map((entry) => entry.status) ?? [];
      expect([statuses[0], statuses.at(-1)], url).to.deep.equal(['pass', 'fail']);
      expect(database?.history?.entries.at(-1)?.output, url).to.equal('unavailable: connect ECONNREFUSED 10.0.0.7:5432');
    }
  });

  it('keeps JSON the flat map without ?history, and at detail status leaves the history out', async () => {
    const { health } = makeHealth();
    const flat = await healthEndpoints(health).handle({ url: '/health', headers: json });
    expect(JSON.parse(flat?.body ?? '')).to.deep.equal({ Process: 'working', Database: 'working', Cache: 'working' });
    const status = await healthEndpoints(health, { detail: 'status' }).handle({ url: '/health?history=1', headers: json });
    expect(status?.body).not.to.include('history');
    expect(JSON.parse(status?.body ?? '')).to.have.keys(['status', 'httpStatus', 'startedAt', 'checks']);
  });

  it('answers any other ?history= value with a 400, without running checks', async () => {
    const { health, switches } = makeHealth();
    const response = await healthEndpoints(health).handle({ url: '/health?history=yes', headers: html });
    expect(response?.statusCode).to.equal(400);
    expect(response?.body).to.equal('history must be 1, true, 0 or false\n');
    expect(response?.body, 'the text derived from the accepted values').to.equal(`${HISTORY_QUERY_REFUSAL}\n`);
    expect(switches.databaseRuns).to.equal(0);
  });

  it('refuses a route whose history is not a boolean', () => {
    expect(() => healthEndpoints(new HealthService([]), { routes: { '/h': { history: 'yes' as never } } })).to.throw(TypeError, "healthEndpoints: route '/h': history must be a boolean");
  });
});
