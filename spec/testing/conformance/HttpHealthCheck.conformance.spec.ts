import { createServer, type Server } from 'node:http';
import { HttpHealthCheck } from 'pulsecheck';
import { assertCheckConforms } from 'pulsecheck/testing';
import { conformance } from './budget.js';

describe('HttpHealthCheck, through assertCheckConforms', function () {
  this.timeout(30_000);
  let server: Server;

  before(async () => {
    server = createServer((_request, response) => response.end('{"status":"ok"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  });

  it('should conform under every fault, with its URL secrets shown nowhere', async () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    await assertCheckConforms({
      ...conformance,
      target: { host: '127.0.0.1', port: address.port },
      create: ({ host, port }) =>
        new HttpHealthCheck({ url: `http://probe:pa55-w0rd@${host}:${port}/health?api_key=k3y-v4lue`, expectBody: (body) => body.includes('ok') }),
      secrets: ['pa55-w0rd', 'k3y-v4lue'],
    });
  });
});
