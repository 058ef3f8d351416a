import { expect } from 'chai';
import type { INestApplication } from '@nestjs/common';
import { HealthService } from 'pulsecheck';
import { createNestApp, OrdersQueue } from '../../examples/frameworks/nest.js';
import { closedPort } from '../support/closedPort.js';
import { requireService, serviceUrl } from '../support/services.js';
import { browserAccept } from './fixtures.js';

/** The URL of a PostgreSQL that is not there: the same user, a closed port. */
async function deadDatabaseUrl(): Promise<string> {
  const url = new URL(serviceUrl('postgres'));
  url.hostname = '127.0.0.1';
  url.port = String(await closedPort());
  return url.toString();
}

describe('examples/frameworks/nest (against PostgreSQL)', function () {
  this.timeout(20_000);

  before(async function () {
    await requireService(this, 'postgres');
  });

  for (const platform of ['express', 'fastify'] as const) {
    describe(`on the ${platform} platform`, () => {
      let app: INestApplication;
      let url: string;

      before(async () => {
        app = await createNestApp({ databaseUrl: serviceUrl('postgres'), platform, logger: false });
        await app.listen(0, '127.0.0.1');
        url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      });

      after(async () => {
        await app.close();
      });

      it("runs the bundled PostgreSQL check over the pool Nest provides, and the app's own check over a Nest provider", async () => {
        const response = await fetch(`${url}/health`, { headers: { accept: 'application/json' } });
        expect(response.status).to.equal(200);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(await response.json()).to.deep.equal({ 'orders-queue': 'working', postgres: 'working' });
      });

      it('warns, still 200, when the Nest provider the check reads says orders pile up', async () => {
        const queue = app.get(OrdersQueue);
        queue.pending.push(...Array.from({ length: 1_001 }, (_, index) => `order-${index}`));
        try {
          const response = await fetch(`${url}/health/ready`, { headers: { accept: 'application/json' } });
          expect(response.status).to.equal(200);
          expect(await response.json()).to.deep.equal({ 'orders-queue': 'warning: 1001 orders waiting', postgres: 'working' });
        } finally {
          queue.pending.length = 0;
        }
      });

      it('serves every path for GET and HEAD, an HTML page to a browser, and 405 to other methods', async () => {
        for (const path of ['/health', '/health/live', '/health/ready', '/health/startup']) {
          const page = await fetch(`${url}${path}`, { headers: { accept: browserAccept } });
          expect(page.status, path).to.equal(200);
          expect(page.headers.get('content-type'), path).to.match(/^text\/html/);
          await page.text();
          const head = await fetch(`${url}${path}`, { method: 'HEAD' });
          expect(head.status, path).to.equal(200);
          expect(await head.text()).to.equal('');
          const post = await fetch(`${url}${path}`, { method: 'POST' });
          expect(post.status, path).to.equal(405);
          expect(post.headers.get('allow')).to.equal('GET, HEAD');
          await post.text();
        }
      });

      it("lets the application's own controller inject HealthService", async () => {
        const response = await fetch(`${url}/orders/accepting`);
        expect(await response.json()).to.deep.equal({ accepting: true });
        expect(app.get(HealthService).definitions().map((definition) => definition.name)).to.deep.equal(['postgres', 'orders-queue']);
      });
    });
  }

  it('answers 503 on readiness, naming PostgreSQL, when the database is not there', async () => {
    const app = await createNestApp({ databaseUrl: await deadDatabaseUrl(), platform: 'express', logger: false });
    await app.listen(0, '127.0.0.1');
    try {
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      const response = await fetch(`${url}/health/ready`, { headers: { accept: 'application/json' } });
      expect(response.status).to.equal(503);
      const body = (await response.json()) as Record<string, string>;
      expect(body.postgres).to.match(/^unavailable: /);
      const live = await fetch(`${url}/health/live`, { headers: { accept: 'application/json' } });
      expect(live.status).to.equal(200);
      await live.text();
    } finally {
      await app.close();
    }
  });
});
