import { expect } from 'chai';
import express from 'express';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createHealthListener, type HealthService } from 'pulsecheck';
import { close, listen, makeHealth } from './fixtures.js';

describe('createHealthListener', () => {
  let health: HealthService;
  const servers: ReturnType<typeof createServer>[] = [];

  const serve = async (listener: RequestListener): Promise<string> => {
    const server = createServer(listener);
    servers.push(server);
    return listen(server);
  };

  beforeEach(() => {
    ({ health } = makeHealth());
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => close(server)));
  });

  it('serves the health routes with the negotiated response', async () => {
    const url = await serve(createHealthListener(health));
    const response = await fetch(`${url}/health/live`, { headers: { accept: 'application/json' } });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(await response.json()).to.deep.equal({ Process: 'working' });
  });

  it('answers a metrics scrape of a failing service with 200, the failure in the metric values, and JSON with 503', async () => {
    const made = makeHealth();
    made.switches.databaseDown = true;
    const url = await serve(createHealthListener(made.health));
    const scrape = await fetch(`${url}/health`, { headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' } });
    expect(scrape.status).to.equal(200);
    expect(scrape.headers.get('content-type')).to.match(/^application\/openmetrics-text/);
    const exposition = await scrape.text();
    expect(exposition).to.include('pulsecheck_status{status="fail"} 1');
    expect(exposition).to.include('pulsecheck_check_status{check="Database",status="fail"} 1');
    const prometheus = await fetch(`${url}/health/ready?format=prometheus`, { headers: { accept: 'application/json' } });
    expect(prometheus.status).to.equal(200);
    expect(prometheus.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    expect(await prometheus.text()).to.include('pulsecheck_check_status{check="Database",status="fail"} 1');
    expect((await fetch(`${url}/health`, { headers: { accept: 'application/json' } })).status).to.equal(503);
    expect((await fetch(`${url}/health?format=html`)).status).to.equal(503);
  });

  it('answers the summary, not 500, when detail() throws an object without prototype and onError throws too', async () => {
    const made = makeHealth();
    made.switches.databaseDown = true;
    const printers = process.listeners('warning');
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.message);
    };
    process.removeAllListeners('warning');
    process.on('warning', onWarning);
    try {
      const url = await serve(
        createHealthListener(made.health, {
          detail: () => {
            throw Object.create(null) as Error;
          },
          onError: (error) => {
            throw error as Error;
          },
        }),
      );
      const response = await fetch(`${url}/health`, { headers: { accept: 'application/json' } });
      expect(response.status).to.equal(503);
      expect(await response.json()).to.deep.equal({ status: 'fail' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
      for (const printer of printers) process.on('warning', printer);
    }
    expect(warnings).to.deep.equal(['pulsecheck: health endpoint error: threw [object Object]']);
  });

  it('keeps the Content-Length of the would-be body on HEAD', async () => {
    const url = await serve(createHealthListener(health));
    const body = await (await fetch(`${url}/health`, { headers: { accept: 'application/json' } })).text();
    const head = await fetch(`${url}/health`, { method: 'HEAD', headers: { accept: 'application/json' } });
    expect(head.headers.get('content-length')).to.equal(String(Buffer.byteLength(body)));
    expect(await head.text()).to.equal('');
  });

  it('answers 404 in plain text for other paths when given no fallback', async () => {
    const url = await serve(createHealthListener(health));
    const response = await fetch(`${url}/orders`);
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^text\/plain/);
    expect(await response.text()).to.equal('not found\n');
  });

  it('hands other paths to the fallback', async () => {
    const url = await serve(
      createHealthListener(health, {
        fallback: (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`app saw ${req.url ?? ''}`);
        },
      }),
    );
    expect(await (await fetch(`${url}/orders?id=1`)).text()).to.equal('app saw /orders?id=1');
  });

  it('calls next instead, when used as middleware', async () => {
    const listener = createHealthListener(health, {
      fallback: () => {
        throw new Error('the fallback must not be called when next is given');
      },
    });
    const url = await serve((req, res) => {
      listener(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('next was called');
      });
    });
    expect(await (await fetch(`${url}/orders`)).text()).to.equal('next was called');
    expect((await fetch(`${url}/health/live`, { headers: { accept: 'application/json' } })).status).to.equal(200);
  });

  it('turns a fallback that throws or rejects into a 500 and reports the error', async () => {
    const errors: unknown[] = [];
    const url = await serve(
      createHealthListener(health, {
        onError: (error) => errors.push(error),
        fallback: async (req) => {
          await Promise.resolve();
          if (req.url === '/sync') throw new Error('sync failure');
          throw new Error('async failure');
        },
      }),
    );
    for (const path of ['/sync', '/async']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).to.equal(500);
      expect(await response.text()).to.equal('internal server error\n');
    }
    expect(errors.map(String)).to.deep.equal(['Error: sync failure', 'Error: async failure']);
  });

  it('destroys the response when the fallback fails after sending headers', async () => {
    const errors: unknown[] = [];
    const url = await serve(
      createHealthListener(health, {
        onError: (error) => errors.push(error),
        fallback: (_req: IncomingMessage, res: ServerResponse) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('partial');
          throw new Error('late failure');
        },
      }),
    );
    let failed = false;
    try {
      const response = await fetch(`${url}/stream`);
      await response.text();
    } catch {
      failed = true;
    }
    expect(failed).to.equal(true);
    expect(errors.map(String)).to.deep.equal(['Error: late failure']);
  });

  it('validates its options when created', () => {
    expect(() => createHealthListener(health, { fallback: 'app' as never })).to.throw(TypeError, /fallback must be a function/);
    expect(() => createHealthListener(health, { detail: 'everything' as never })).to.throw(TypeError, /detail must be/);
    expect(() => createHealthListener(null as unknown as HealthService)).to.throw(TypeError, /service must be a HealthService/);
  });
});

describe('createHealthListener as Express middleware', () => {
  let server: ReturnType<typeof createServer> | undefined;

  afterEach(async () => {
    if (server !== undefined) await close(server);
    server = undefined;
  });

  it('serves the health routes at the root and under a mount path, and passes the rest on', async () => {
    const { health, switches } = makeHealth();
    switches.databaseDown = true;
    const app = express();
    app.use(createHealthListener(health));
    app.use('/ops', createHealthListener(health));
    app.get('/', (_req, res) => {
      res.send('orders');
    });
    server = createServer(app);
    const url = await listen(server);
    const json = { accept: 'application/json' };
    expect((await fetch(`${url}/health/live`, { headers: json })).status).to.equal(200);
    const mounted = await fetch(`${url}/ops/health/ready`, { headers: json });
    expect(mounted.status).to.equal(503);
    expect(Object.keys((await mounted.json()) as object)).to.deep.equal(['Database', 'Cache']);
    expect(await (await fetch(url)).text()).to.equal('orders');
    const missing = await fetch(`${url}/ops/nothing`);
    expect(missing.status).to.equal(404);
    await missing.text();
  });
});
