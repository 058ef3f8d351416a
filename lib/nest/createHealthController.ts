import { All, Controller, Inject, Req, Res, VERSION_NEUTRAL, type Type } from '@nestjs/common';
import type { HealthEndpoints } from '../http/healthEndpoints.js';
import type { HealthResponse } from '../render/HealthResponse.js';
import { plainResponse } from '../render/plainResponse.js';
import { PULSECHECK_ENDPOINTS } from './tokens.js';

/** The parts of a request the controller reads: Express's `req` and Fastify's `request` both have them. */
interface NestRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * @internal A controller class with one `@All()` route per health path
 * (so that Nest's global prefix, guards, interceptors and middleware apply
 * as to any controller; version-neutral, so that URI versioning does not
 * move the probes). Each route hands the request to the module's
 * {@link HealthEndpoints} under its own path (whatever prefix Nest put
 * before it) and writes the response itself, on Express or Fastify.
 */
export function createHealthController(paths: readonly string[]): Type {
  @Controller({ version: VERSION_NEUTRAL })
  class PulsecheckHealthController {
    constructor(@Inject(PULSECHECK_ENDPOINTS) private readonly endpoints: HealthEndpoints) {}

    async serve(path: string, request: NestRequest, reply: unknown): Promise<void> {
      const url = request.url ?? '';
      const mark = url.indexOf('?');
      const method = request.method ?? 'GET';
      const response =
        (await this.endpoints.handle({ method, url: mark === -1 ? path : `${path}${url.slice(mark)}`, headers: request.headers })) ??
        plainResponse(404, 'not found', method.toUpperCase());
      send(reply, response);
    }
  }

  const prototype = PulsecheckHealthController.prototype as unknown as Record<string, unknown>;
  paths.forEach((path, index) => {
    const name = `route${index}`;
    prototype[name] = function (this: PulsecheckHealthController, request: NestRequest, reply: unknown): Promise<void> {
      return this.serve(path, request, reply);
    };
    Req()(prototype, name, 0);
    Res()(prototype, name, 1);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor !== undefined) All(path)(prototype, name, descriptor);
  });
  return PulsecheckHealthController;
}

/** Writes a response on Fastify's reply, Express's response, or a plain node:http one. */
function send(reply: unknown, response: HealthResponse): void {
  const target = reply as Record<string, unknown>;
  if (typeof target.code === 'function' && typeof target.headers === 'function' && 'raw' in target) {
    const fastify = reply as { code(status: number): { headers(values: object): { send(body: string): void } } };
    fastify.code(response.statusCode).headers(response.headers).send(response.body);
  } else if (typeof target.status === 'function' && typeof target.set === 'function') {
    // end(), not send(): the headers are right already (Content-Length too, for HEAD).
    const express = reply as { status(code: number): { set(values: object): { end(body: string): void } } };
    express.status(response.statusCode).set(response.headers).end(response.body);
  } else {
    const node = reply as { writeHead(status: number, headers: object): { end(body: string): void } };
    node.writeHead(response.statusCode, response.headers).end(response.body);
  }
}
