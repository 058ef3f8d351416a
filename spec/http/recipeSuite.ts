/**
 * The behaviour every framework recipe must show, as one suite that each
 * `spec/http/<framework>.spec.ts` runs against its own real server.
 */
import { expect } from 'chai';
import type { HealthService } from 'pulsecheck';
import { browserAccept, makeHealth, type Switches } from './fixtures.js';

/** A recipe's app, started on 127.0.0.1 port 0. */
export interface StartedApp {
  readonly url: string;
  close(): Promise<void>;
}

/** How a spec starts its framework's recipe. */
export type StartApp = (health: HealthService) => Promise<StartedApp>;

/**
 * Runs the shared recipe behaviours.
 *
 * @param start - Builds the recipe's app for a service and starts it.
 * @param headers - Sent with every request (e.g. a token that unlocks full detail).
 */
export function behavesLikeAHealthRecipe(start: StartApp, headers: Readonly<Record<string, string>> = {}): void {
  let app: StartedApp;
  let health: HealthService;
  let switches: Switches;

  const get = (path: string, init: { method?: string; accept?: string } = {}): Promise<Response> =>
    fetch(`${app.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...headers, ...(init.accept === undefined ? {} : { accept: init.accept }) },
    });

  before(async () => {
    ({ health, switches } = makeHealth());
    app = await start(health);
  });

  after(async () => {
    await app.close();
  });

  beforeEach(() => {
    switches.databaseDown = false;
    switches.cacheSlow = false;
  });

  it('answers GET /health with the JSON map of every check for Accept: application/json', async () => {
    const response = await get('/health', { accept: 'application/json' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(await response.json()).to.deep.equal({ Process: 'working', Database: 'working', Cache: 'working' });
  });

  it('answers a browser with an HTML page that names the checks', async () => {
    const response = await get('/health', { accept: browserAccept });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const body = await response.text();
    expect(body).to.match(/<html/i);
    expect(body).to.include('Database');
  });

  it('lets ?format= choose the format over Accept', async () => {
    const html = await get('/health?format=html', { accept: 'application/json' });
    expect(html.headers.get('content-type')).to.match(/^text\/html/);
    await html.text();
    const json = await get('/health?format=json', { accept: browserAccept });
    expect(json.headers.get('content-type')).to.match(/^application\/json/);
    expect(await json.json()).to.have.property('Database', 'working');
  });

  it('answers an unknown ?format= with a 400 that lists the formats', async () => {
    const response = await get('/health?format=xml', { accept: 'application/json' });
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.match(/^text\/plain/);
    expect(await response.text()).to.include('html, json, health+json, openmetrics, prometheus');
  });

  it('names the request headers that chose the format in Vary', async () => {
    const negotiated = await get('/health', { accept: 'application/json' });
    expect(negotiated.headers.get('vary')).to.equal('Accept');
    await negotiated.text();
    const chosen = await get('/health?format=json', { accept: 'application/json' });
    expect(chosen.headers.get('vary')).to.equal(null);
    await chosen.text();
  });

  it("answers 503 with the failing check's error when a critical check fails", async () => {
    switches.databaseDown = true;
    const response = await get('/health', { accept: 'application/json' });
    expect(response.status).to.equal(503);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const body = (await response.json()) as Record<string, string>;
    expect(body.Database).to.equal('unavailable: connect ECONNREFUSED 10.0.0.7:5432');
    expect(body.Process).to.equal('working');
  });

  it('stays 200 when only a non-critical check has a problem', async () => {
    switches.cacheSlow = true;
    const response = await get('/health', { accept: 'application/json' });
    expect(response.status).to.equal(200);
    expect(((await response.json()) as Record<string, string>).Cache).to.equal('warning: p99 latency 250 ms');
  });

  it('answers HEAD with the status and headers of GET and an empty body', async () => {
    for (const down of [false, true]) {
      switches.databaseDown = down;
      const asGet = await get('/health', { accept: 'application/json' });
      const getBody = await asGet.text();
      const asHead = await get('/health', { method: 'HEAD', accept: 'application/json' });
      expect(asHead.status, `database down: ${down}`).to.equal(down ? 503 : 200);
      expect(asHead.status).to.equal(asGet.status);
      expect(asHead.headers.get('content-type')).to.equal(asGet.headers.get('content-type'));
      expect(asHead.headers.get('cache-control')).to.equal('no-store');
      expect(asHead.headers.get('content-length')).to.equal(String(Buffer.byteLength(getBody)));
      expect(await asHead.text()).to.equal('');
    }
  });

  it('answers 405 with Allow: GET, HEAD for another method on a health path', async () => {
    const runsBefore = switches.databaseRuns;
    const response = await get('/health', { method: 'POST' });
    expect(response.status).to.equal(405);
    expect(response.headers.get('allow')).to.equal('GET, HEAD');
    await response.text();
    expect(switches.databaseRuns).to.equal(runsBefore);
  });

  it('serves liveness and readiness on their own paths', async () => {
    switches.databaseDown = true;
    const live = await get('/health/live', { accept: 'application/json' });
    expect(live.status).to.equal(200);
    expect(await live.json()).to.deep.equal({ Process: 'working' });
    const ready = await get('/health/ready', { accept: 'application/json' });
    expect(ready.status).to.equal(503);
    expect(Object.keys((await ready.json()) as object)).to.deep.equal(['Database', 'Cache']);
  });

  it('keeps liveness passing while readiness and /health fail after beginShutdown()', async () => {
    const draining = makeHealth();
    const other = await start(draining.health);
    try {
      const readyBefore = await fetch(`${other.url}/health/ready`, { headers: { ...headers, accept: 'application/json' } });
      expect(readyBefore.status).to.equal(200);
      await readyBefore.text();
      draining.health.beginShutdown();
      const ready = await fetch(`${other.url}/health/ready`, { headers: { ...headers, accept: 'application/json' } });
      expect(ready.status).to.equal(503);
      expect(ready.headers.get('cache-control')).to.equal('no-store');
      expect(await ready.json()).to.deep.equal({ shutdown: 'unavailable: shutting down' });
      const whole = await fetch(`${other.url}/health`, { headers: { ...headers, accept: 'application/json' } });
      expect(whole.status, 'a load balancer pointed at /health sees the drain').to.equal(503);
      expect(await whole.json()).to.deep.equal({ shutdown: 'unavailable: shutting down' });
      const live = await fetch(`${other.url}/health/live`, { headers: { ...headers, accept: 'application/json' } });
      expect(live.status).to.equal(200);
      expect(await live.json()).to.deep.equal({ Process: 'working' });
    } finally {
      await other.close();
    }
  });

  it('serves a health path with a trailing slash and a query string', async () => {
    const response = await get('/health/ready/?verbose=1', { accept: 'application/json' });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ Database: 'working', Cache: 'working' });
  });

  it("leaves other paths to the application's own routes", async () => {
    const home = await get('/', { accept: 'application/json' });
    expect(home.status).to.equal(200);
    expect(await home.json()).to.deep.equal({ service: 'orders' });
    const missing = await get('/nowhere');
    expect(missing.status).to.equal(404);
    await missing.text();
  });
}
