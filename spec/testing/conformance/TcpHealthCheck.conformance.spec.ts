import { TcpHealthCheck } from 'pulsecheck';
import { assertCheckConforms } from 'pulsecheck/testing';
import { requireService, serviceUrl } from '../../support/services.js';
import { conformance, hostAndPort } from './budget.js';

describe('TcpHealthCheck, through assertCheckConforms (integration)', function () {
  this.timeout(30_000);

  before(async function () {
    await requireService(this, 'mysql');
  });

  it('should conform under every fault, reading the greeting MariaDB/MySQL sends first', async () => {
    await assertCheckConforms({
      ...conformance,
      target: hostAndPort(serviceUrl('mysql'), 3306),
      // the server's handshake packet: a 4-byte header, then the protocol version 10
      create: ({ host, port }) => new TcpHealthCheck({ host, port, expectBytes: 5 }),
    });
  });
});
