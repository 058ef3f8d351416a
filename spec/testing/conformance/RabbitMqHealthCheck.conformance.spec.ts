import amqp from 'amqplib';
import { RabbitMqHealthCheck } from 'pulsecheck/rabbitmq';
import { assertCheckConforms } from 'pulsecheck/testing';
import { requireService, serviceUrl } from '../../support/services.js';
import { conformance, hostAndPort } from './budget.js';

describe('RabbitMqHealthCheck, through assertCheckConforms (integration)', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'rabbitmq');
  });

  it('should conform under every fault', async () => {
    const url = new URL(serviceUrl('rabbitmq'));
    await assertCheckConforms({
      ...conformance,
      target: hostAndPort(url.href, 5672),
      create: async ({ host, port }) => {
        const proxied = new URL(url.href);
        proxied.hostname = host;
        proxied.port = String(port);
        const connection = await amqp.connect(proxied.href, { clientProperties: { connection_name: 'pulsecheck-conformance' } });
        connection.on('error', () => undefined);
        return {
          check: new RabbitMqHealthCheck(connection),
          dispose: () => connection.close().catch(() => undefined),
        };
      },
      secrets: url.password === '' || url.password === 'guest' ? [] : [decodeURIComponent(url.password)],
    });
  });
});
