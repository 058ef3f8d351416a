import { expect } from 'chai';
import fc from 'fast-check';
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { respond } from '#lib/render/respond.js';
import type { HealthReport } from '#lib/report/HealthReport.js';
import { expectPlainHeaders } from '../http/expectPlainHeaders.js';
import { aReport, databaseAndQueue, unavailable, working } from './fixtures.js';

const jsonType = 'application/json';
const htmlType = 'text/html; charset=utf-8';
const healthJsonType = 'application/health+json';
const openMetricsType = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const prometheusType = 'text/plain; version=0.0.4; charset=utf-8';

const typeFor = (request: Parameters<typeof respond>[1]): string | undefined => respond(databaseAndQueue(), request).headers['Content-Type'];

const chrome = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const firefox = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const prometheus2 = 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
const prometheus3 =
  'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1';

describe('respond', () => {
  describe('detailed', () => {
    it('makes JSON the detailed report (with history when the report has it) instead of the flat map; other formats ignore it', () => {
      const report = databaseAndQueue();
      const detailed = respond(report, { format: 'json', detailed: true });
      expect(JSON.parse(detailed.body)).to.include({ status: 'fail', httpStatus: 503 });
      expect(JSON.parse(respond(report, { format: 'json', detailed: false }).body)).to.deep.equal({ DatabaseHealthCheck: 'working', QueueHealthCheck: 'unavailable: connection refused' });
      expect(respond(report, { format: 'html', detailed: true }).body).to.equal(respond(report, { format: 'html' }).body);
    });

    it('refuses a detailed that is not a boolean', () => {
      expect(() => respond(databaseAndQueue(), { detailed: 'yes' as never })).to.throw(TypeError, "respond: detailed must be a boolean, got 'yes'");
    });
  });

  describe('status code', () => {
    it('is the report httpStatus for JSON, health+json and HTML: 503 for fail, 200 for warn and pass', () => {
      for (const format of ['json', 'health+json', 'html']) {
        expect(respond(databaseAndQueue(), { format }).statusCode, format).to.equal(503);
        expect(respond(aReport([unavailable('cache', 'x', { critical: false })]), { format }).statusCode, format).to.equal(200);
        expect(respond(aReport([working('db')]), { format }).statusCode, format).to.equal(200);
      }
      expect(respond(databaseAndQueue()).statusCode).to.equal(503);
    });

    it('is 200 for OpenMetrics and Prometheus text even when the report fails, so that a scrape keeps the failing check\'s metrics', () => {
      const failing = databaseAndQueue();
      expect(failing.httpStatus).to.equal(503);
      for (const request of [{ format: 'openmetrics' }, { format: 'prometheus' }, { accept: prometheus2 }, { accept: prometheus3 }, { accept: 'text/plain' }]) {
        const response = respond(failing, request);
        expect(response.statusCode, JSON.stringify(request)).to.equal(200);
        expect(response.body, JSON.stringify(request)).to.include('pulsecheck_status{status="fail"} 1');
      }
      expect(respond(failing, { format: 'openmetrics', method: 'HEAD' }).statusCode).to.equal(200);
    });
  });

  describe('format', () => {
    it('beats Accept', () => {
      expect(typeFor({ format: 'json', accept: 'text/html' })).to.equal(jsonType);
      expect(typeFor({ format: 'html', accept: 'application/json' })).to.equal(htmlType);
      expect(typeFor({ format: 'health+json', accept: 'text/html' })).to.equal(healthJsonType);
      expect(typeFor({ format: 'healthjson' })).to.equal(healthJsonType);
      expect(typeFor({ format: 'openmetrics', accept: 'application/json' })).to.equal(openMetricsType);
      expect(typeFor({ format: 'prometheus', accept: 'text/html' })).to.equal(prometheusType);
    });

    it('is case-insensitive', () => {
      expect(typeFor({ format: 'HTML', accept: 'application/json' })).to.equal(htmlType);
      expect(typeFor({ format: 'Health+JSON' })).to.equal(healthJsonType);
    });

    it('is ignored when empty or null (as URLSearchParams.get() gives it), falling back to Accept', () => {
      expect(typeFor({ format: '', accept: 'text/plain' })).to.equal(prometheusType);
      expect(typeFor({ format: null, accept: 'text/html' })).to.equal(htmlType);
      expect(typeFor({ format: '+', accept: 'application/health+json' })).to.equal(healthJsonType);
    });

    describe('when it names no format', () => {
      for (const format of ['xml', '<script>', 'jsonx', 'text', ['html'], 42, {}]) {
        it(`answers 400 listing the formats for ${JSON.stringify(format)}, whatever Accept asks`, () => {
          const response = respond(databaseAndQueue(), { format: format as string, accept: 'text/html' });
          expect(response.statusCode).to.equal(400);
          expect(response.headers['Content-Type']).to.equal('text/plain; charset=utf-8');
          expect(response.body).to.equal('unknown format; use one of: html, json, health+json, openmetrics, prometheus (health+json may also be written healthjson)\n');
          expect(response.headers['Content-Length']).to.equal(String(Buffer.byteLength(response.body)));
        });
      }

      it('does not echo the value it was given', () => {
        expect(respond(databaseAndQueue(), { format: '<script>alert(1)</script>' }).body).not.to.include('<script>');
      });

      it('answers a HEAD with the 400 headers and an empty body', () => {
        const response = respond(databaseAndQueue(), { format: 'xml', method: 'HEAD' });
        expect(response.statusCode).to.equal(400);
        expect(response.body).to.equal('');
        expect(Number(response.headers['Content-Length'])).to.be.greaterThan(0);
      });
    });
  });

  describe('Accept negotiation', () => {
    const cases: [string, string | string[], string][] = [
      ['application/json → JSON', 'application/json', jsonType],
      ['application/* → JSON', 'application/*', jsonType],
      ['text/html → HTML', 'text/html', htmlType],
      ['*/* → HTML', '*/*', htmlType],
      ["Chrome's Accept → HTML", chrome, htmlType],
      ["Firefox's Accept → HTML", firefox, htmlType],
      ['application/health+json → health+json', 'application/health+json', healthJsonType],
      ['application/openmetrics-text → OpenMetrics', 'application/openmetrics-text', openMetricsType],
      ["Prometheus 2's scrape Accept → OpenMetrics", prometheus2, openMetricsType],
      ["Prometheus 3's scrape Accept → OpenMetrics", prometheus3, openMetricsType],
      ['text/plain → Prometheus text 0.0.4', 'text/plain', prometheusType],
      ['text/plain;version=0.0.4 with */* → Prometheus text 0.0.4', 'text/plain;version=0.0.4;q=1,*/*;q=0.1', prometheusType],
      ['q-values: JSON preferred over HTML', 'text/html;q=0.4, application/json;q=0.9', jsonType],
      ['specificity: an exact type beats */* at the same q', '*/*, application/health+json', healthJsonType],
      ['q=0 excludes HTML from */*', 'text/html;q=0, */*', jsonType],
      ['q=0 excludes JSON from application/*', 'application/json;q=0, application/*', healthJsonType],
      ['q=0 on JSON with */* gets HTML', 'application/json;q=0, */*', htmlType],
      ['the higher of two q-values for one type counts, wherever it stands', 'text/html;q=0.2, application/json;q=0.5, text/html;q=0.9', htmlType],
      ['repeated Accept headers are joined', ['image/png', 'application/health+json'], healthJsonType],
    ];
    for (const [rule, accept, type] of cases) {
      it(rule, () => {
        expect(typeFor({ accept })).to.equal(type);
      });
    }
  });

  describe('Content-Type: application/json', () => {
    it('gets JSON when Accept is */*', () => {
      expect(typeFor({ accept: '*/*', contentType: 'application/json' })).to.equal(jsonType);
    });

    it('gets JSON whatever its parameters', () => {
      expect(typeFor({ accept: '*/*', contentType: 'Application/JSON; charset=UTF-8' })).to.equal(jsonType);
    });

    it('does not override a more specific Accept', () => {
      expect(typeFor({ accept: 'text/html', contentType: 'application/json' })).to.equal(htmlType);
      expect(typeFor({ accept: 'text/*', contentType: 'application/json' })).to.equal(htmlType);
    });

    it('does not bring back JSON that Accept refuses', () => {
      expect(typeFor({ accept: 'application/json;q=0, */*', contentType: 'application/json' })).to.equal(htmlType);
      expect(typeFor({ accept: 'application/json;q=0', contentType: 'application/json' })).to.equal(htmlType);
    });

    it('is ignored when it is another type', () => {
      expect(typeFor({ accept: '*/*', contentType: 'text/plain' })).to.equal(htmlType);
      expect(typeFor({ accept: '*/*', contentType: 'application/jsonp' })).to.equal(htmlType);
    });
  });

  describe('fallback to JSON', () => {
    for (const accept of [undefined, '', '   ', 'garbage', ';;;', 'text/', 'q=abc', ',', 'image/png', 'image/png, image/*;q=0.5', 'text/html;q=0, image/png']) {
      it(`answers JSON with the report's status code for Accept ${JSON.stringify(accept)}`, () => {
        const response = respond(databaseAndQueue(), { accept });
        expect(response.statusCode).to.equal(503);
        expect(response.headers['Content-Type']).to.equal(jsonType);
        expect(JSON.parse(response.body)).to.deep.equal({ DatabaseHealthCheck: 'working', QueueHealthCheck: 'unavailable: connection refused' });
        expect(respond(aReport([working('db')]), { accept }).statusCode).to.equal(200);
      });
    }

    describe('when Accept refuses JSON with q=0 and names nothing acceptable', () => {
      it('answers the first format it does not refuse, HTML, with the report status code', () => {
        const response = respond(databaseAndQueue(), { accept: 'application/json;q=0' });
        expect(response.headers['Content-Type']).to.equal(htmlType);
        expect(response.statusCode).to.equal(503);
      });

      it('skips every format it refuses', () => {
        expect(typeFor({ accept: 'application/json;q=0, text/html;q=0' })).to.equal(healthJsonType);
        expect(typeFor({ accept: 'application/json;q=0, text/html;q=0, application/health+json;q=0, image/png' })).to.equal(openMetricsType);
      });

      it('answers JSON all the same, with the status code, when it refuses every format', () => {
        for (const accept of ['*/*;q=0', 'application/*;q=0, text/*;q=0']) {
          const response = respond(databaseAndQueue(), { accept });
          expect(response.headers['Content-Type'], accept).to.equal(jsonType);
          expect(response.statusCode, accept).to.equal(503);
        }
      });
    });

    it('answers JSON for an Accept of the wrong type, without throwing', () => {
      expect(typeFor({ accept: 42 as never })).to.equal(jsonType);
      expect(typeFor({ accept: [undefined, 7] as never })).to.equal(jsonType);
    });

    it('answers JSON without a request', () => {
      expect(respond(databaseAndQueue()).headers['Content-Type']).to.equal(jsonType);
    });
  });

  describe('headers', () => {
    it('are exactly Content-Type, Cache-Control, Vary and Content-Length, under canonical names', () => {
      const { headers } = respond(databaseAndQueue(), { accept: 'text/html' });
      expect(headers).to.deep.equal({ 'Content-Type': htmlType, 'Cache-Control': 'no-store', Vary: 'Accept', 'Content-Length': headers['Content-Length'] });
      expect(Object.keys(headers)).to.deep.equal(['Content-Type', 'Cache-Control', 'Vary', 'Content-Length']);
    });

    it('give the byte length of the UTF-8 body, not its character count', () => {
      const report = aReport([unavailable('Datenbank ✔', 'Verbindung abgelehnt: Zeitüberschreitung 🙈')]);
      const { headers, body } = respond(report, { format: 'json' });
      expect(headers['Content-Length']).to.equal(String(Buffer.byteLength(body, 'utf8')));
      expect(Number(headers['Content-Length'])).to.be.greaterThan(body.length);
    });

    it('are a plain object of own, enumerable, writable strings, with no hidden lower-case aliases, for 200, 503 and 400 alike', () => {
      for (const response of [respond(aReport([working('db')])), respond(databaseAndQueue(), { accept: 'text/html' }), respond(databaseAndQueue(), { format: 'xml' })]) {
        expectPlainHeaders(response.headers);
      }
    });

    it('can be added to and changed without touching another response', () => {
      const report = databaseAndQueue();
      const first = respond(report);
      first.headers['Cache-Control'] = 'no-cache';
      first.headers['X-Extra'] = '1';
      expect(respond(report).headers).to.deep.equal({ 'Content-Type': jsonType, 'Cache-Control': 'no-store', Vary: 'Accept', 'Content-Length': first.headers['Content-Length'] });
      expect(respond(report).headers).not.to.equal(respond(report).headers);
    });
  });

  describe('Vary', () => {
    const varyFor = (request: Parameters<typeof respond>[1]): string | undefined => respond(databaseAndQueue(), request).headers.Vary;

    it('is Accept when Accept decided, or could have', () => {
      for (const accept of [undefined, 'application/json', 'text/html', 'image/png', 'application/json;q=0', 'text/*']) {
        expect(varyFor({ accept }), String(accept)).to.equal('Accept');
      }
      expect(varyFor({ accept: 'text/html', contentType: 'application/json' })).to.equal('Accept');
    });

    it('names Content-Type too when Accept is */* at most, so that Content-Type was consulted', () => {
      expect(varyFor({ accept: '*/*' })).to.equal('Accept, Content-Type');
      expect(varyFor({ accept: '*/*', contentType: 'application/json' })).to.equal('Accept, Content-Type');
      expect(varyFor({ accept: 'image/png, */*;q=0.1', contentType: 'text/plain' })).to.equal('Accept, Content-Type');
    });

    it('is left out when format decided, as no request header did', () => {
      const { headers } = respond(databaseAndQueue(), { format: 'json', accept: 'text/html', contentType: 'application/json' });
      expect(headers).not.to.have.property('Vary');
      expect(Object.keys(headers)).to.deep.equal(['Content-Type', 'Cache-Control', 'Content-Length']);
      expect(respond(databaseAndQueue(), { format: 'xml' }).headers).not.to.have.property('Vary');
    });
  });

  describe('HEAD', () => {
    it('gets the same status and headers, with the would-be Content-Length, and an empty body', () => {
      const report = databaseAndQueue();
      const get = respond(report, { accept: 'text/html', method: 'GET' });
      const head = respond(report, { accept: 'text/html', method: 'HEAD' });
      expect(head.statusCode).to.equal(503);
      expect(head.body).to.equal('');
      expect(head.headers).to.deep.equal(get.headers);
      expect(Number(head.headers['Content-Length'])).to.equal(Buffer.byteLength(get.body)).and.be.greaterThan(0);
    });

    it('is recognised in any case', () => {
      expect(respond(databaseAndQueue(), { method: 'head' }).body).to.equal('');
    });

    it('does not empty the body of other methods', () => {
      for (const method of ['GET', 'POST', undefined, 'HEADER']) {
        expect(respond(databaseAndQueue(), { method }).body, String(method)).not.to.equal('');
      }
    });
  });

  describe('detail and refreshSeconds', () => {
    it('pass the detail level to the serializer, full by default', () => {
      expect(respond(databaseAndQueue(), { detail: 'summary' }).body).to.equal('{"status":"fail"}');
      expect(JSON.parse(respond(databaseAndQueue(), { detail: 'status' }).body)).to.deep.equal({ DatabaseHealthCheck: 'working', QueueHealthCheck: 'unavailable' });
      expect(respond(databaseAndQueue(), { format: 'html' }).body).to.include('connection refused');
    });

    it('pass refreshSeconds to the HTML page', () => {
      expect(respond(databaseAndQueue(), { accept: 'text/html', refreshSeconds: 30 }).body).to.include('<meta http-equiv="refresh" content="30">');
    });

    it('give each request its own refresh interval and detail level, whatever was asked before', () => {
      const report = databaseAndQueue();
      const refreshOf = (body: string): string | undefined => /http-equiv="refresh" content="(\d+)"/.exec(body)?.[1];
      expect(refreshOf(respond(report, { format: 'html', refreshSeconds: 30 }).body)).to.equal('30');
      expect(refreshOf(respond(report, { format: 'html', refreshSeconds: 60 }).body)).to.equal('60');
      expect(refreshOf(respond(report, { format: 'html' }).body)).to.equal(undefined);
      expect(respond(report, { format: 'html', detail: 'full' }).body).to.include('connection refused');
      expect(respond(report, { format: 'html', detail: 'summary' }).body).not.to.include('connection refused');
    });
  });

  describe('across calls', () => {
    const requests = fc.record(
      {
        accept: fc.constantFrom(undefined, '*/*', 'text/html', 'application/json;q=0', chrome, prometheus3, 'text/html;q=0.2, text/html;q=0.9', 'image/png'),
        contentType: fc.constantFrom(undefined, 'application/json'),
        format: fc.constantFrom(undefined, 'json', 'html', 'prometheus', 'xml'),
        detail: fc.constantFrom('full' as const, 'status' as const, 'summary' as const),
        method: fc.constantFrom('GET', 'HEAD'),
        refreshSeconds: fc.constantFrom(30, 60),
      },
      { requiredKeys: [] },
    );

    it('answers each request from its own inputs, whatever was asked before (no memo forgets an input)', () => {
      const report = databaseAndQueue();
      fc.assert(
        fc.property(fc.array(requests, { minLength: 1, maxLength: 30 }), (sequence) => {
          for (const request of sequence) {
            const key = JSON.stringify(request);
            const response = respond(report, request);
            const full = respond(report, { ...request, method: 'GET' });
            const type = response.headers['Content-Type'] ?? '';
            expect(response.statusCode, key).to.equal(request.format === 'xml' ? 400 : type === prometheusType || type === openMetricsType ? 200 : 503);
            if (request.format === 'json') expect(type, key).to.equal(jsonType);
            if (request.format === 'html') expect(type, key).to.equal(htmlType);
            if (type === htmlType) expect(/http-equiv="refresh" content="(\d+)"/.exec(full.body)?.[1], key).to.equal(request.refreshSeconds?.toString());
            if (type === jsonType || type === htmlType) expect(full.body.includes('connection refused'), key).to.equal((request.detail ?? 'full') === 'full');
            expect(response.headers.Vary === undefined, key).to.equal(request.format !== undefined);
          }
        }),
        { numRuns: 50 },
      );
    });

    it('keeps nothing per Accept value: 10,000 distinct headers later, the first is answered the same', () => {
      const report = databaseAndQueue();
      const first = JSON.stringify(respond(report, { accept: 'text/html', refreshSeconds: 30 }));
      for (let i = 0; i < 10_000; i += 1) respond(report, { accept: `application/x-${i}, text/html;q=0.${i % 10}`, refreshSeconds: 1 + (i % 90) });
      expect(JSON.stringify(respond(report, { accept: 'text/html', refreshSeconds: 30 }))).to.equal(first);
    });
  });

  describe('bad input', () => {
    it('throws a TypeError for something that is not a report', () => {
      expect(() => respond(undefined as never)).to.throw(TypeError, /respond: report must be a HealthReport/);
      expect(() => respond({ checks: 'none' } as never)).to.throw(TypeError, /respond: report must be a HealthReport/);
    });

    it('throws a TypeError for a request that is not an object or has an unknown key', () => {
      expect(() => respond(databaseAndQueue(), 'text/html' as never)).to.throw(TypeError, /respond: options must be an object/);
      expect(() => respond(databaseAndQueue(), { acept: 'text/html' } as never)).to.throw(TypeError, /respond: unknown option 'acept'/);
    });

    it('throws for an invalid detail level or refreshSeconds, whatever the format', () => {
      expect(() => respond(databaseAndQueue(), { detail: 'everything' as never })).to.throw(TypeError, /respond: detail must be one of/);
      expect(() => respond(databaseAndQueue(), { refreshSeconds: 0, accept: 'application/json' })).to.throw(RangeError, /respond: refreshSeconds/);
    });
  });

  describe('through node:http', () => {
    let server: Server;
    let port: number;
    let report: HealthReport = databaseAndQueue();

    before(async () => {
      server = createServer((req, res) => {
        const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
        const { statusCode, headers, body } = respond(report, { accept: req.headers.accept, contentType: req.headers['content-type'], format, method: req.method });
        res.writeHead(statusCode, headers).end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      });
    });

    const fetchRaw = (path: string, method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; rawHeaders: string[]; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path, method, headers: { ...headers, connection: 'close' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, rawHeaders: response.rawHeaders, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
          });
          response.on('error', reject);
        });
        request.on('error', reject);
        request.end();
      });

    it('sends each header once, and the body matching Content-Length', async () => {
      report = aReport([unavailable('Datenbank ✔', 'Zeitüberschreitung')]);
      const response = await fetchRaw('/health', 'GET', { accept: 'text/html' });
      expect(response.status).to.equal(503);
      const names = response.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
      for (const name of ['content-type', 'cache-control', 'vary', 'content-length']) {
        expect(names.filter((seen) => seen === name), name).to.have.length(1);
      }
      expect(response.headers.vary).to.equal('Accept');
      expect(response.headers['content-type']).to.equal(htmlType);
      expect(Number(response.headers['content-length'])).to.equal(Buffer.byteLength(response.body));
      expect(response.body).to.include('Datenbank ✔');
    });

    it('answers a HEAD with headers only', async () => {
      report = databaseAndQueue();
      const response = await fetchRaw('/health', 'HEAD', { accept: 'application/health+json' });
      expect(response.status).to.equal(503);
      expect(response.headers['content-type']).to.equal(healthJsonType);
      expect(Number(response.headers['content-length'])).to.be.greaterThan(0);
      expect(response.body).to.equal('');
    });

    it('answers a Prometheus scrape of a failing report with 200 and the failing check in the metric values', async () => {
      report = databaseAndQueue();
      for (const [path, headers] of [
        ['/metrics', { accept: prometheus3 }],
        ['/metrics?format=prometheus', { accept: 'application/json' }],
      ] as const) {
        const response = await fetchRaw(path, 'GET', headers);
        expect(response.status, path).to.equal(200);
        expect(response.body, path).to.include('pulsecheck_check_status{check="QueueHealthCheck",status="fail"} 1');
      }
    });

    it('answers ?format=xml with a 400 that lists the formats', async () => {
      const response = await fetchRaw('/health?format=xml', 'GET', { accept: 'application/json' });
      expect(response.status).to.equal(400);
      expect(response.headers['content-type']).to.equal('text/plain; charset=utf-8');
      expect(response.body).to.include('html, json, health+json, openmetrics, prometheus');
    });

    it('honours ?format= from the query string, including health+json whose + decodes to a space', async () => {
      report = databaseAndQueue();
      const response = await fetchRaw('/health?format=health+json', 'GET', { accept: 'text/html' });
      expect(response.headers['content-type']).to.equal(healthJsonType);
      expect((JSON.parse(response.body) as { status: string }).status).to.equal('fail');
    });
  });

  describe('title and Content-Type', () => {
    it('refuses a title that is not a non-empty string', () => {
      for (const title of [42, '', '   ']) {
        expect(() => respond(databaseAndQueue(), { title: title as string }), String(title)).to.throw(TypeError, 'respond: title must be a non-empty string');
      }
    });

    it('answers JSON for */* only when the request body is application/json, nothing else', () => {
      const type = (contentType: string): string | undefined => respond(databaseAndQueue(), { accept: '*/*', contentType }).headers['Content-Type'];
      expect(type('application/json; charset=utf-8')).to.equal('application/json');
      for (const other of ['garbage', 'text/json', 'application/xml', 'application/json+x']) {
        expect(type(other), other).to.equal('text/html; charset=utf-8');
      }
    });
  });
});
