import pg from 'pg';
import { PostgresHealthCheck } from 'pulsecheck/postgres';
import { assertCheckConforms } from 'pulsecheck/testing';
import { requireService, serviceUrl } from '../../support/services.js';
import { conformance, hostAndPort } from './budget.js';

describe('PostgresHealthCheck, through assertCheckConforms (integration)', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'postgres');
  });

  it('should conform under every fault', async () => {
    const url = new URL(serviceUrl('postgres'));
    await assertCheckConforms({
      ...conformance,
      target: hostAndPort(url.href, 5432),
      create: ({ host, port }) => {
        const proxied = new URL(url.href);
        proxied.hostname = host;
        proxied.port = String(port);
        const pool = new pg.Pool({ connectionString: proxied.href, max: 2, connectionTimeoutMillis: 1500, application_name: 'pulsecheck-conformance' });
        pool.on('error', () => undefined); // idle clients cut by the proxy: the application's business
        // no listener on checked-out clients: the check listens to the one it holds (a cut used to crash the run)
        return { check: new PostgresHealthCheck(pool), dispose: () => pool.end() };
      },
      // the pool's own connect timeout ends the connection attempts left under 'hang'
      settleMs: 5000,
      secrets: url.password === '' ? [] : [decodeURIComponent(url.password)],
    });
  });
});
