import { expect } from 'chai';
import { HealthJsonSerializer, HttpHealthCheck, type CheckResult, type HttpHealthCheckOptions } from 'pulsecheck';
import { activeResources, settleResources } from '../../support/activeResources.js';
import { closedPort } from '../../support/closedPort.js';
import { HungServer } from '../../support/HungServer.js';
import { kinds, runCheck } from '../../support/runCheck.js';
import { selfSignedCertificate, startHttpsServer, startServer, type Handler, type TestServer } from './fixtures.js';

const timeoutMs = 300;
const margin = 400;

/** Everything a result shows: its output and its observations. */
function shown(result: CheckResult): string {
  return `${result.output}\n${JSON.stringify(result.observations)}`;
}

describe('HttpHealthCheck', function () {
  this.timeout(20_000);
  const servers: (TestServer | HungServer)[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  async function serve(handler: Handler): Promise<TestServer> {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  }

  function check(options: HttpHealthCheckOptions): HttpHealthCheck {
    return new HttpHealthCheck(options);
  }

  describe('having invalid options', () => {
    it('should require the options and the url', () => {
      expect(() => new HttpHealthCheck(undefined as unknown as HttpHealthCheckOptions)).to.throw(TypeError, 'HttpHealthCheck: options must be an object, got undefined (undefined)');
      expect(() => check({} as HttpHealthCheckOptions)).to.throw(TypeError, 'HttpHealthCheck: url must be an absolute http: or https: URL, got undefined (undefined)');
    });

    it('should refuse a url that is not an absolute http(s) URL, without showing its secrets', () => {
      expect(() => check({ url: 'not a url' })).to.throw(TypeError, 'url must be an absolute http: or https: URL, got a string that is not one (9 characters)');
      expect(() => check({ url: '/health' })).to.throw(TypeError, 'url must be an absolute http: or https: URL');
      let message = '';
      try {
        check({ url: 'ftp://admin:hunter2@files.internal/?token=abc123' });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.include('url must be an absolute http: or https: URL, got a ftp: URL');
      expect(message).not.to.include('hunter2');
      expect(message).not.to.include('abc123');
    });

    it('should refuse unknown options, naming the typo', () => {
      expect(() => check({ url: 'http://127.0.0.1/', timout: 5 } as HttpHealthCheckOptions)).to.throw(TypeError, "unknown option 'timout'");
    });

    it('should refuse a malformed or forbidden method', () => {
      expect(() => check({ url: 'http://127.0.0.1/', method: 'GE T' })).to.throw(TypeError, 'method must be an HTTP method name');
      expect(() => check({ url: 'http://127.0.0.1/', method: 'connect' })).to.throw(TypeError, 'HttpHealthCheck: method CONNECT cannot be used for a health check');
    });

    it('should refuse an empty or out-of-range expectedStatus', () => {
      expect(() => check({ url: 'http://127.0.0.1/', expectedStatus: [] })).to.throw(TypeError, 'got an empty array');
      expect(() => check({ url: 'http://127.0.0.1/', expectedStatus: [200, 99] })).to.throw(RangeError, 'expectedStatus entries must be a whole number from 100 to 599, got 99');
      expect(() => check({ url: 'http://127.0.0.1/', expectedStatus: 200 as unknown as number[] })).to.throw(TypeError, 'expectedStatus must be a non-empty array');
    });

    it('should refuse invalid headers without showing their values', () => {
      expect(() => check({ url: 'http://127.0.0.1/', headers: { 'bad name': 'x' } })).to.throw(TypeError, "headers['bad name'] must be a valid header name with a string value");
      let message = '';
      try {
        check({ url: 'http://127.0.0.1/', headers: { authorization: 'Bearer s3cr3t\r\nX-Injected: yes' } });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.equal("HttpHealthCheck: headers['authorization'] must be a valid header name with a string value");
      expect(() => check({ url: 'http://127.0.0.1/', headers: { accept: 1 as unknown as string } })).to.throw(TypeError, "headers['accept'] must be a valid header name with a string value");
    });

    it('should refuse a bad body predicate, body cap or redirect policy', () => {
      expect(() => check({ url: 'http://127.0.0.1/', expectBody: 'ok' as unknown as () => boolean })).to.throw(TypeError, 'expectBody must be a function');
      expect(() => check({ url: 'http://127.0.0.1/', method: 'HEAD', expectBody: () => true })).to.throw(TypeError, 'expectBody cannot be used with method HEAD');
      expect(() => check({ url: 'http://127.0.0.1/', maxBodyBytes: 0 })).to.throw(RangeError, 'maxBodyBytes must be a whole number from 1 to 67108864');
      expect(() => check({ url: 'http://127.0.0.1/', redirect: 'always' as 'follow' })).to.throw(TypeError, "redirect must be one of 'follow', 'manual', 'error'");
      expect(() => check({ url: 'http://127.0.0.1/', maxRedirects: 21 })).to.throw(RangeError, 'maxRedirects must be a whole number from 0 to 20');
    });

    it('should name the subclass in its errors', () => {
      class PaymentsApiHealthCheck extends HttpHealthCheck {
        constructor() {
          super({ url: 'mailto:ops@example.com' });
        }
      }
      expect(() => new PaymentsApiHealthCheck()).to.throw(TypeError, 'PaymentsApiHealthCheck: url must be an absolute http: or https: URL, got a mailto: URL');
    });
  });

  describe('when the server answers', () => {
    it('should pass on a 2xx and observe the status code and the response time', async () => {
      const server = await serve((_request, response) => response.end('ok'));
      const result = await runCheck(check({ url: server.url('/health') }), 2000);
      expect(result.status).to.equal('pass');
      expect(result.observations.statusCode).to.deep.equal({ value: 200 });
      expect(result.observations.responseTime?.unit).to.equal('ms');
      expect(result.observations.responseTime?.value).to.be.a('number');
    });

    it('should give health+json one responseTime entry, its own measurement', async () => {
      const server = await serve((_request, response) => response.end('ok'));
      const result = await runCheck(check({ url: server.url('/health') }), 2000);
      const report = { status: result.status, httpStatus: 200, startedAt: new Date().toISOString(), durationMs: result.durationMs, checks: [result] } as const;
      const body = JSON.parse(new HealthJsonSerializer().serialize(report)) as { checks: Record<string, { observedValue?: unknown }[]> };
      const keys = Object.keys(body.checks).filter((key) => key.includes('responseTime'));
      expect(keys).to.deep.equal([`${result.name}:responseTime`]);
      expect(body.checks[`${result.name}:responseTime`]?.[0]?.observedValue).to.equal(result.observations.responseTime?.value);
    });

    it('should send the method and the headers it was given', async () => {
      const server = await serve((_request, response) => response.writeHead(204).end());
      const result = await runCheck(check({ url: server.url('/ping'), method: 'post', headers: { 'x-probe': 'pulsecheck' } }), 2000);
      expect(result.status).to.equal('pass');
      expect(server.requests[0]?.method).to.equal('POST');
      expect(server.requests[0]?.headers['x-probe']).to.equal('pulsecheck');
    });

    it('should fail a 500 with an unexpected result naming the status', async () => {
      const server = await serve((_request, response) => response.writeHead(500).end('boom'));
      const result = await runCheck(check({ url: server.url('/health') }), 2000);
      expect(result.errors).to.deep.equal([{ kind: 'unexpected result', message: `HTTP GET ${server.url('/health')} answered 500 Internal Server Error, expected 2xx` }]);
      expect(result.observations.statusCode).to.deep.equal({ value: 500 });
    });

    it('should accept the listed status codes, or those a predicate accepts', async () => {
      const server = await serve((_request, response) => response.writeHead(503).end());
      expect((await runCheck(check({ url: server.url(), expectedStatus: [200, 503] }), 2000)).status).to.equal('pass');
      expect((await runCheck(check({ url: server.url(), expectedStatus: (status) => status !== 500 }), 2000)).status).to.equal('pass');
      const listed = await runCheck(check({ url: server.url(), expectedStatus: [200, 204] }), 2000);
      expect(listed.output).to.match(/answered 503 Service Unavailable, expected one of 200, 204$/);
    });
  });

  describe('having a body predicate', () => {
    it('should pass when the predicate accepts the body, and fail when it refuses it', async () => {
      const server = await serve((_request, response) => response.end('{"status":"degraded"}'));
      const accepted = await runCheck(check({ url: server.url(), expectBody: (body) => body.includes('degraded') }), 2000);
      expect(accepted.status).to.equal('pass');
      const refused = await runCheck(check({ url: server.url(), expectBody: (body) => body.includes('"ok"') }), 2000);
      expect(kinds(refused)).to.deep.equal(['unexpected result']);
      expect(refused.output).to.include('but expectBody refused the body (21 characters: "{\\"status\\":\\"degraded\\"}")');
    });

    it('should fail when the predicate throws or rejects', async () => {
      const server = await serve((_request, response) => response.end('not json'));
      const result = await runCheck(check({ url: server.url(), expectBody: (body) => (JSON.parse(body) as { ok: boolean }).ok }), 2000);
      expect(kinds(result)).to.deep.equal(['unexpected result']);
      expect(result.output).to.include('but expectBody threw: SyntaxError');
      const rejected = await runCheck(check({ url: server.url(), expectBody: () => Promise.reject(new Error('nope')) }), 2000);
      expect(rejected.output).to.include('but expectBody threw: nope');
    });

    it('should stop reading a body over maxBodyBytes', async () => {
      const server = await serve((_request, response) => {
        response.write('x'.repeat(1024));
        response.write('x'.repeat(1024)); // and the response never ends
      });
      const result = await runCheck(check({ url: server.url(), expectBody: () => true, maxBodyBytes: 1500 }), 2000);
      expect(result.errors).to.deep.equal([{ kind: 'unexpected result', message: `HTTP GET ${server.url()} answered a body over maxBodyBytes (1500 bytes); it was not read further` }]);
      await server.waitUntilIdle(2000);
    });

    it('should not read the body when no predicate asks for it', async () => {
      const server = await serve((_request, response) => {
        response.write('first chunk'); // headers and a first chunk, then nothing: a body that never ends
      });
      const result = await runCheck(check({ url: server.url() }), timeoutMs);
      expect(result.status).to.equal('pass');
      await server.waitUntilIdle(2000);
    });
  });

  describe('when the server is not there or does not answer', () => {
    it('should report a refused connection as unavailable', async () => {
      const port = await closedPort();
      const result = await runCheck(check({ url: `http://127.0.0.1:${port}/health` }), 2000);
      expect(result.errors).to.deep.equal([{ kind: 'unavailable', message: `HTTP GET http://127.0.0.1:${port}/health failed: connect ECONNREFUSED 127.0.0.1:${port}` }]);
    });

    it('should report a host that does not resolve as unavailable, naming the DNS failure', async () => {
      const result = await runCheck(check({ url: 'http://pulsecheck-no-such-host.invalid/health' }), 5000);
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(result.output).to.match(/failed: DNS lookup of pulsecheck-no-such-host\.invalid failed \((ENOTFOUND|EAI_AGAIN)\)$/);
    });

    it('should time out on a server that accepts and never answers, and close the socket', async () => {
      const hung = await HungServer.start();
      servers.push(hung);
      const started = performance.now();
      const result = await runCheck(check({ url: `http://127.0.0.1:${hung.port}/` }), timeoutMs);
      expect(kinds(result)).to.deep.equal(['timeout']);
      expect(performance.now() - started).to.be.below(timeoutMs + margin);
      await hung.waitUntilIdle(2000);
    });

    it('should time out on slow headers, and close the connection', async () => {
      const server = await serve((_request, response) => {
        setTimeout(() => response.end('late'), 3000).unref();
      });
      const result = await runCheck(check({ url: server.url() }), timeoutMs);
      expect(kinds(result)).to.deep.equal(['timeout']);
      await server.waitUntilIdle(2000);
    });

    it('should time out on a slow body it has to read, and close the connection', async () => {
      const server = await serve((_request, response) => {
        response.write('{"status":');
        setTimeout(() => response.end('"ok"}'), 3000).unref();
      });
      const result = await runCheck(check({ url: server.url(), expectBody: (body) => body.includes('ok') }), timeoutMs);
      expect(kinds(result)).to.deep.equal(['timeout']);
      await server.waitUntilIdle(2000);
    });

    it('should report a connection closed before the response as unavailable', async () => {
      const server = await serve((request) => {
        request.socket.destroy();
      });
      const result = await runCheck(check({ url: server.url() }), 2000);
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(result.output).to.include('failed: the connection was closed before the response was complete');
    });
  });

  describe('having a redirect', () => {
    it('should follow it and observe how many it followed', async () => {
      const server = await serve((request, response) => {
        if (request.url === '/old') response.writeHead(301, { location: '/new' }).end();
        else response.end('ok');
      });
      const result = await runCheck(check({ url: server.url('/old') }), 2000);
      expect(result.status).to.equal('pass');
      expect(result.observations.redirects).to.deep.equal({ value: 1 });
      expect(server.requests.map((request) => request.url)).to.deep.equal(['/old', '/new']);
    });

    it('should fail a redirect loop after maxRedirects', async () => {
      const server = await serve((request, response) => {
        response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' }).end();
      });
      const result = await runCheck(check({ url: server.url('/a'), maxRedirects: 3 }), 2000);
      expect(result.errors).to.deep.equal([
        { kind: 'unexpected result', message: `HTTP GET ${server.url('/b')} redirected (302) to ${server.url('/a')}: more than 3 redirects (a redirect loop?)` },
      ]);
      expect(server.requests).to.have.length(4);
    });

    it("should take the redirect as the answer under 'manual', and fail on it under 'error'", async () => {
      const server = await serve((_request, response) => response.writeHead(302, { location: '/login' }).end());
      const manual = await runCheck(check({ url: server.url(), redirect: 'manual' }), 2000);
      expect(manual.output).to.equal(`unexpected result: HTTP GET ${server.url()} answered 302 Found, expected 2xx`);
      expect((await runCheck(check({ url: server.url(), redirect: 'manual', expectedStatus: [302] }), 2000)).status).to.equal('pass');
      const refused = await runCheck(check({ url: server.url(), redirect: 'error' }), 2000);
      expect(refused.output).to.equal(`unexpected result: HTTP GET ${server.url()} redirected (302) to ${server.url('/login')}, and redirect is 'error'`);
    });

    it('should turn a POST into a GET after a 303', async () => {
      const server = await serve((request, response) => {
        if (request.url === '/submit') response.writeHead(303, { location: '/done' }).end();
        else response.end();
      });
      expect((await runCheck(check({ url: server.url('/submit'), method: 'POST' }), 2000)).status).to.equal('pass');
      expect(server.requests.map((request) => `${request.method ?? ''} ${request.url ?? ''}`)).to.deep.equal(['POST /submit', 'GET /done']);
    });

    it('should not send credentials to another origin', async () => {
      const other = await serve((_request, response) => response.end());
      const server = await serve((_request, response) => response.writeHead(307, { location: other.url('/elsewhere') }).end());
      const result = await runCheck(check({ url: server.url(), headers: { authorization: 'Bearer s3cr3t-t0ken', 'x-kept': 'yes' } }), 2000);
      expect(result.status).to.equal('pass');
      expect(server.requests[0]?.headers.authorization).to.equal('Bearer s3cr3t-t0ken');
      expect(other.requests[0]?.headers.authorization).to.equal(undefined);
      expect(other.requests[0]?.headers['x-kept']).to.equal('yes');
    });
  });

  describe('having secrets in the URL', () => {
    it('should send URL credentials as Basic auth, and show neither them nor secret query values', async () => {
      const server = await serve((_request, response) => response.writeHead(500).end());
      const url = `http://monitor:hunter2@127.0.0.1:${server.port}/health?token=abc123secret&verbose=1`;
      const result = await runCheck(check({ url }), 2000);
      expect(server.requests[0]?.headers.authorization).to.equal(`Basic ${Buffer.from('monitor:hunter2').toString('base64')}`);
      expect(server.requests[0]?.url).to.equal('/health?token=abc123secret&verbose=1');
      expect(result.output).to.equal(`unexpected result: HTTP GET http://***@127.0.0.1:${server.port}/health?token=***&verbose=1 answered 500 Internal Server Error, expected 2xx`);
      expect(shown(result)).not.to.match(/hunter2|abc123secret|monitor/);
    });

    it('should redact a refused body before escaping its quotes, so the values of JSON secrets do not show', async () => {
      const server = await serve((_request, response) => response.end('{"password":"B0dyPassw0rd","token":"B0dyT0ken9","status":"down"}'));
      const refused = await runCheck(check({ url: server.url(), expectBody: (body) => body.includes('"up"') }), 2000);
      expect(kinds(refused)).to.deep.equal(['unexpected result']);
      expect(refused.output).to.include(String.raw`expectBody refused the body (64 characters: "{\"password\":\"***\",\"token\":\"***\",\"status\":\"down\"}")`);
      expect(shown(refused)).not.to.match(/B0dyPassw0rd|B0dyT0ken9/);
    });

    it('should hide secret URL path segments: webhook paths, tokens of known formats, capability keys', async () => {
      const server = await serve((_request, response) => response.writeHead(500).end());
      const token = ['gh', 'p_', 'FAKE0EXAMPLE0abcdefghijklmnop0123456'].join('');
      const paths = [`/hooks/${token}/status`, '/capability/a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8/health', '/orders/550e8400-e29b-41d4-a716-446655440000/health'];
      const results = await Promise.all(paths.map((path) => runCheck(check({ url: server.url(path) }), 2000)));
      expect(results[0]?.output).to.include('/hooks/***/status');
      expect(results[1]?.output).to.include('/capability/***/health');
      expect(results[2]?.output, 'a UUID stays readable').to.include('/orders/550e8400-e29b-41d4-a716-446655440000/health');
      expect(results.map(shown).join()).not.to.match(/FAKE0EXAMPLE|a1b2c3d4e5f6a7b8c9d0/);
    });

    it('should show no secret when the request fails', async () => {
      const port = await closedPort();
      const result = await runCheck(check({ url: `http://monitor:hunter2@127.0.0.1:${port}/health?api_key=k3y-value` }), 2000);
      expect(kinds(result)).to.deep.equal(['unavailable']);
      expect(shown(result)).not.to.match(/hunter2|k3y-value/);
    });
  });

  describe('having a server with a self-signed certificate', () => {
    let tls: { key: string; cert: string };

    before(function () {
      this.timeout(30_000);
      tls = selfSignedCertificate();
    });

    it('should report it as unavailable with a message saying so', async () => {
      const server = await startHttpsServer(tls, (_request, response) => response.end('ok'));
      servers.push(server);
      const result = await runCheck(check({ url: server.url('/health', 'https') }), 5000);
      expect(result.errors).to.deep.equal([
        { kind: 'unavailable', message: `HTTP GET ${server.url('/health', 'https')} failed: TLS certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)` },
      ]);
    });
  });

  describe('when aborted many times', () => {
    it('should leak no socket and no timer after 100 timed-out runs', async () => {
      const hung = await HungServer.start();
      servers.push(hung);
      const httpCheck = check({ url: `http://127.0.0.1:${hung.port}/` });
      await runCheck(httpCheck, 50); // warm up whatever fetch sets up once
      await hung.waitUntilIdle(2000);
      const before = activeResources();
      for (let batch = 0; batch < 10; batch += 1) {
        const results = await Promise.all(Array.from({ length: 10 }, () => runCheck(httpCheck, 50)));
        expect(results.flatMap(kinds)).to.deep.equal(Array.from({ length: 10 }, () => 'timeout'));
      }
      await hung.waitUntilIdle(3000);
      expect(hung.acceptedConnections).to.be.at.least(100);
      expect(await settleResources(before, 3000)).to.deep.equal({});
    });
  });
});
