import { All, Controller, Inject, Req, Res, VERSION_NEUTRAL, type Type } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { HealthEndpoints } from '../http/healthEndpoints.js';
import { plainResponse } from '../render/plainResponse.js';
import { PULSECHECK_ENDPOINTS } from './tokens.js';

/** The parts of a request the controller reads: Express's `req` and Fastify's `request` both have them. */
interface NestRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * @internal A controller class with one `@All(path)` route (so that Nest's
 * global prefix, guards, interceptors and middleware apply as to any
 * controller; version-neutral, so that URI versioning does not move the
 * probes); the module declares one per health path, in order. The route
 * hands the request to the module's {@link HealthEndpoints} under its own
 * path (whatever prefix Nest put before it) and writes the response through
 * the HTTP adapter Nest runs on ({@link HttpAdapterHost}: Express, Fastify
 * or any other), never by guessing the platform from the reply's shape.
 */
export function createHealthController(path: string): Type {
  @Controller({ version: VERSION_NEUTRAL })
  class PulsecheckHealthController {
    constructor(
      @Inject(PULSECHECK_ENDPOINTS) private readonly endpoints: HealthEndpoints,
      @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    ) {}

    @All(path)
    async serve(@Req() request: NestRequest, @Res() reply: unknown): Promise<void> {
      const url = request.url ?? '';
      const mark = url.indexOf('?');
      const method = request.method ?? 'GET';
      const response =
        (await this.endpoints.handle({ method, url: mark === -1 ? path : `${path}${url.slice(mark)}`, headers: request.headers })) ??
        plainResponse(404, 'not found', method.toUpperCase());
      const adapter = this.adapterHost.httpAdapter;
      for (const [name, value] of Object.entries(response.headers)) adapter.setHeader(reply, name, value);
      if (adapter.getType() === 'fastify') {
        // Fastify writes the headers set on its reply only through send(); its end() writes the raw response.
        adapter.reply(reply, response.body, response.statusCode);
      } else {
        // status() then end(), not reply(): Express's send() would recompute Content-Length (0 for HEAD) and add an ETag.
        adapter.status(reply, response.statusCode);
        adapter.end(reply, response.body);
      }
    }
  }
  return PulsecheckHealthController;
}
