import { Redis } from 'ioredis';
import { RedisHealthCheck } from 'pulsecheck/redis';
import { assertCheckConforms } from 'pulsecheck/testing';
import { requireService, serviceUrl } from '../../support/services.js';
import { conformance, hostAndPort } from './budget.js';

describe('RedisHealthCheck, through assertCheckConforms (integration)', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'redis');
  });

  it('should conform under every fault', async () => {
    await assertCheckConforms({
      ...conformance,
      target: hostAndPort(serviceUrl('redis'), 6379),
      create: ({ host, port }) => {
        const redis = new Redis({ host, port, connectionName: 'pulsecheck-conformance', commandTimeout: 1000, retryStrategy: () => 100 });
        redis.on('error', () => undefined);
        return { check: new RedisHealthCheck(redis), dispose: () => { redis.disconnect(); } };
      },
    });
  });
});
