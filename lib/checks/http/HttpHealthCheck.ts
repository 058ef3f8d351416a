import { injectable, unmanaged } from 'inversify';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CheckContext } from '../../core/CheckContext.js';
import { describeThrown } from '../../core/describeThrown.js';
import { redactSecrets } from '../../core/redactSecrets.js';
import { HealthCheck } from '../../core/HealthCheck.js';
import { describeValue } from '../../options/describeValue.js';
import type { OptionRule } from '../../options/OptionRule.js';
import type { OptionSchema } from '../../options/OptionSchema.js';
import { optionDefaults } from '../../options/optionDefaults.js';
import { optionRules } from '../../options/optionRules.js';
import { validateOptions } from '../../options/validateOptions.js';
import { ServiceReturnedUnexpectedResult } from '../../errors/ServiceReturnedUnexpectedResult.js';
import { ServiceUnavailable } from '../../errors/ServiceUnavailable.js';
import { elapsedMs } from '../shared/elapsedMs.js';
import { noop } from '../shared/noop.js';
import { describeRequestError } from './describeRequestError.js';
import { displayUrl } from './displayUrl.js';
import type { HttpHealthCheckOptions, HttpRedirectPolicy, HttpStatusExpectation } from './HttpHealthCheckOptions.js';
import type { CheckTraits } from '../../core/CheckTraits.js';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const normalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);
const methodToken = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const statusCode = optionRules.wholeNumber(100, 599);

const methodRule: OptionRule<string> = Object.freeze({
  expected: "an HTTP method name such as 'GET' or 'HEAD'",
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'string' || !methodToken.test(value)) throw new TypeError(`${where}: ${option} must be an HTTP method name such as 'GET' or 'HEAD', got ${describeValue(value)}`);
    if (forbiddenMethods.has(value.toUpperCase())) throw new TypeError(`${where}: ${option} ${value.toUpperCase()} cannot be used for a health check`);
  },
});

const expectedStatusRule: OptionRule<HttpStatusExpectation> = Object.freeze({
  expected: 'a non-empty array of status codes or a function (status) => boolean',
  check(value: unknown, option: string, where: string): void {
    if (typeof value === 'function') return;
    if (!Array.isArray(value) || value.length === 0) {
      throw new TypeError(`${where}: ${option} must be a non-empty array of status codes or a function (status) => boolean, got ${Array.isArray(value) ? 'an empty array' : describeValue(value)}`);
    }
    for (const status of value as unknown[]) statusCode.check(status, `${option} entries`, where);
  },
});

/** The schema of {@link HttpHealthCheckOptions}: rules and defaults. */
const HTTP_HEALTH_CHECK_SCHEMA = {
  url: optionRules.required(optionRules.httpUrl),
  method: optionRules.withDefault(methodRule, 'GET'),
  expectedStatus: expectedStatusRule,
  headers: optionRules.withDefault(optionRules.headers, {}),
  expectBody: optionRules.function,
  maxBodyBytes: optionRules.withDefault(optionRules.wholeNumber(1, 64 * 1024 * 1024), 64 * 1024),
  redirect: optionRules.withDefault(optionRules.oneOf<HttpRedirectPolicy>(['follow', 'manual', 'error']), 'follow'),
  maxRedirects: optionRules.withDefault(optionRules.wholeNumber(0, 20), 5),
} as const satisfies OptionSchema<HttpHealthCheckOptions>;

const defaults = optionDefaults(HTTP_HEALTH_CHECK_SCHEMA);

/** The options in force: the ones given, each missing one at its default. */
interface ResolvedOptions {
  /** The URL as given, for messages (through displayUrl). */
  readonly url: URL;
  /** The URL requested: without credentials, which travel in the Authorization header. */
  readonly requestUrl: URL;
  readonly method: string;
  readonly expectedStatus: HttpStatusExpectation | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly expectBody: ((body: string) => boolean | Promise<boolean>) | undefined;
  readonly maxBodyBytes: number;
  readonly redirect: HttpRedirectPolicy;
  readonly maxRedirects: number;
}

/**
 * Checks an HTTP(S) endpoint with Node's own `node:http` and `node:https`
 * (no dependency): it sends one request and expects a 2xx status (or the
 * codes you list), and, when you give a body predicate, a body it accepts. It observes
 * `statusCode` and `responseTime` (ms, until the final response's headers,
 * or its body when the body is read), and `redirects` when it followed any.
 *
 * Each request has a connection of its own (no keep-alive pool), closed
 * when the execution ends, however it ends: the check's abort signal
 * destroys the request and its socket at the check's timeout, so a server
 * that accepts and never answers, or sends its headers or body too slowly,
 * is a `timeout` and keeps nothing open. (Node's `fetch` is not used because
 * its pool opens a fresh idle connection after an aborted request, which
 * outlives the probe.) The body is not read unless `expectBody` asks for it
 * (then at most `maxBodyBytes`).
 *
 * Failures:
 * - `unavailable: HTTP GET <url> failed: connect ECONNREFUSED 127.0.0.1:8080`,
 *   `… failed: DNS lookup of api.internal failed (ENOTFOUND)`,
 *   `… failed: TLS certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)`,
 *   and other connection, DNS and TLS failures;
 * - `unexpected result: HTTP GET <url> answered 500 Internal Server Error,
 *   expected 2xx`, a body the predicate refused, a body over
 *   `maxBodyBytes`, a redirect under `redirect: 'error'`, or more redirects
 *   than `maxRedirects` (a loop);
 * - `timeout` when it does not finish within the check's timeout.
 *
 * The URL's credentials and the values of secret query parameters
 * (`token=`, `api_key=`, `password=`, …) are replaced by `***` in every
 * message; header values never appear in one.
 *
 * To trust a private certificate authority, start Node with
 * `NODE_EXTRA_CA_CERTS=/path/to/ca.pem`.
 *
 * The class is injectable but not registered: enable it by decorating a
 * subclass whose constructor passes the options to `super` (a constructor
 * may also inject your configuration and build the options from it).
 *
 * @example
 * ```ts
 * import { inject } from 'inversify';
 * import { HttpHealthCheck, registerHealthCheck } from 'pulsecheck';
 *
 * @registerHealthCheck({ name: 'PaymentsApiHealthCheck', timeoutMs: 2000, tags: ['ready'] })
 * class PaymentsApiHealthCheck extends HttpHealthCheck {
 *   constructor() {
 *     super({ url: 'https://payments.internal/health', expectBody: (body) => body.includes('"ok"') });
 *   }
 * }
 *
 * const CONFIG = Symbol('Config');
 * interface Config { searchUrl: string; searchToken: string }
 *
 * @registerHealthCheck({ name: 'SearchHealthCheck', critical: false })
 * class SearchHealthCheck extends HttpHealthCheck {
 *   constructor(@inject(CONFIG) config: Config) {
 *     super({ url: config.searchUrl, headers: { authorization: `Bearer ${config.searchToken}` }, expectedStatus: [200, 204] });
 *   }
 * }
 * ```
 */
@injectable()
export class HttpHealthCheck extends HealthCheck {
  /** A `component`, an external dependency (see {@link CheckTraits}). */
  static override readonly traits: CheckTraits = { componentType: 'component', externalDependency: true };

  readonly #options: ResolvedOptions;

  /**
   * @param options - The URL and what to accept; see {@link HttpHealthCheckOptions}.
   * @throws TypeError when `options` is not an object or has an unknown key,
   *   `url` is not an absolute http(s) URL, `method` is not a valid (or is a
   *   forbidden) method, `expectedStatus` is neither a non-empty list nor a
   *   function, `headers` is not an object of valid header names and string
   *   values, `expectBody` is not a function (or is given with `HEAD`), or
   *   `redirect` is not `'follow'`, `'manual'` or `'error'`.
   * @throws RangeError when a listed status is not an integer from 100 to
   *   599, `maxBodyBytes` is not an integer from 1 to 67108864, or
   *   `maxRedirects` is not an integer from 0 to 20.
   */
  constructor(@unmanaged() options: HttpHealthCheckOptions) {
    super();
    this.#options = resolveOptions(options, new.target.name);
  }

  /**
   * Sends the request once; see the class description.
   *
   * @param context - The check's signal (it cancels the request) and recorders.
   * @throws ServiceUnavailable when the request fails before a response (refused, DNS, TLS, reset).
   * @throws ServiceReturnedUnexpectedResult when the status, the body or a redirect is not what is expected.
   */
  async check(context: CheckContext): Promise<void> {
    const options = this.#options;
    const { signal } = context;
    const started = performance.now();
    let url = options.requestUrl;
    let shown = displayUrl(options.url);
    let method = options.method;
    let headers: Record<string, string> = { ...options.headers };
    let redirects = 0;
    for (;;) {
      const label = `HTTP ${method} ${shown}`;
      let response: IncomingMessage;
      try {
        response = await send(url, method, headers, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ServiceUnavailable(`${label} failed: ${describeRequestError(error, url.hostname)}`, { cause: error });
      }
      const status = response.statusCode ?? 0;
      const location = redirectStatuses.has(status) ? response.headers.location : undefined;
      if (location === undefined || options.redirect === 'manual') {
        await this.#verify(response, label, started, context);
        if (redirects > 0) context.observe('redirects', redirects);
        return;
      }
      response.destroy();
      const next = resolveLocation(location, url);
      const shownNext = next === undefined ? 'an invalid location' : displayUrl(next);
      if (options.redirect === 'error') {
        throw new ServiceReturnedUnexpectedResult(`${label} redirected (${status}) to ${shownNext}, and redirect is 'error'`);
      }
      if (next === undefined || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
        throw new ServiceReturnedUnexpectedResult(`${label} redirected (${status}) to ${next === undefined ? 'an invalid location' : `a non-HTTP URL (${next.protocol})`}`);
      }
      if (redirects >= options.maxRedirects) {
        context.observe('redirects', redirects);
        throw new ServiceReturnedUnexpectedResult(
          `${label} redirected (${status}) to ${shownNext}: more than ${options.maxRedirects} redirect${options.maxRedirects === 1 ? '' : 's'} (a redirect loop?)`,
        );
      }
      redirects += 1;
      if (next.origin !== url.origin) headers = withoutCredentials(headers);
      if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') method = 'GET';
      url = next;
      shown = shownNext;
    }
  }

  async #verify(response: IncomingMessage, label: string, started: number, context: CheckContext): Promise<void> {
    const options = this.#options;
    const status = response.statusCode ?? 0;
    context.observe('statusCode', status);
    if (!acceptsStatus(options.expectedStatus, status)) {
      context.observe('responseTime', elapsedMs(started), 'ms');
      response.destroy();
      throw new ServiceReturnedUnexpectedResult(`${label} answered ${describeStatus(response)}, expected ${describeExpectation(options.expectedStatus)}`);
    }
    const predicate = options.expectBody;
    if (predicate === undefined) {
      context.observe('responseTime', elapsedMs(started), 'ms');
      response.destroy();
      return;
    }
    const body = await readBody(response, options.maxBodyBytes, label, context.signal);
    context.observe('responseTime', elapsedMs(started), 'ms');
    let accepted: unknown;
    try {
      accepted = await predicate(body);
    } catch (error) {
      throw new ServiceReturnedUnexpectedResult(`${label} answered ${describeStatus(response)}, but expectBody threw: ${describeThrown(error)}`, { cause: error });
    }
    if (accepted !== true) {
      throw new ServiceReturnedUnexpectedResult(`${label} answered ${describeStatus(response)}, but expectBody refused the body (${describeBody(body)})`);
    }
  }
}

/** Validates the options once, at construction, by {@link HTTP_HEALTH_CHECK_SCHEMA}, and applies its defaults. */
function resolveOptions(options: HttpHealthCheckOptions, owner: string): ResolvedOptions {
  const valid = validateOptions(HTTP_HEALTH_CHECK_SCHEMA, options, owner);
  const url = new URL(valid.url instanceof URL ? valid.url.href : valid.url);
  const given = valid.method ?? defaults.method;
  const method = normalizedMethods.has(given.toUpperCase()) ? given.toUpperCase() : given;
  const headers: Record<string, string> = { ...(valid.headers ?? defaults.headers) };
  if (url.username !== '' || url.password !== '') {
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
      const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    }
  }
  const requestUrl = new URL(url.href);
  requestUrl.username = '';
  requestUrl.password = '';
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) headers['user-agent'] = 'pulsecheck';
  const { expectBody } = valid;
  if (expectBody !== undefined && method === 'HEAD') throw new TypeError(`${owner}: expectBody cannot be used with method HEAD (a HEAD response has no body)`);
  const expectedStatus = typeof valid.expectedStatus === 'object' ? Object.freeze([...valid.expectedStatus]) : valid.expectedStatus;
  return Object.freeze({
    url,
    requestUrl,
    method,
    expectedStatus,
    headers: Object.freeze(headers),
    expectBody,
    maxBodyBytes: valid.maxBodyBytes ?? defaults.maxBodyBytes,
    redirect: valid.redirect ?? defaults.redirect,
    maxRedirects: valid.maxRedirects ?? defaults.maxRedirects,
  });
}

function acceptsStatus(expected: HttpStatusExpectation | undefined, status: number): boolean {
  if (expected === undefined) return status >= 200 && status <= 299;
  if (typeof expected === 'function') return expected(status);
  return expected.includes(status);
}

function describeExpectation(expected: HttpStatusExpectation | undefined): string {
  if (expected === undefined) return '2xx';
  if (typeof expected === 'function') return 'a status accepted by expectedStatus';
  return expected.length === 1 ? String(expected[0]) : `one of ${expected.join(', ')}`;
}

function describeStatus(response: IncomingMessage): string {
  const text = (response.statusMessage ?? '').slice(0, 80);
  return text === '' ? String(response.statusCode ?? 0) : `${response.statusCode ?? 0} ${text}`;
}

function describeBody(body: string): string {
  if (body === '') return 'an empty body';
  // Redacted before it is cut and before JSON.stringify escapes its quotes (`"password":"…"` would become `\"password\":…`).
  const cap = 8 * 1024;
  const redacted = redactSecrets(body.length > cap ? body.slice(0, cap) : body, body.length > cap);
  const firstLine = JSON.stringify(redacted.length > 100 ? `${redacted.slice(0, 100)}…` : redacted);
  return `${body.length} characters: ${firstLine}`;
}

/** The URL a `Location` header points to, resolved against the request's URL, without credentials. */
function resolveLocation(location: string, base: URL): URL | undefined {
  if (!URL.canParse(location, base.href)) return undefined;
  const next = new URL(location, base);
  next.username = '';
  next.password = '';
  return next;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower !== 'authorization' && lower !== 'cookie' && lower !== 'proxy-authorization') kept[name] = value;
  }
  return kept;
}

/**
 * Sends one request on a connection of its own (`agent: false`: no pool, so
 * nothing outlives the execution) and resolves with the response's head. The
 * signal destroys the request and its socket.
 */
function send(url: URL, method: string, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, signal, agent: false });
    request.once('response', (response) => {
      // Errors after the head reach the body reader through the response.
      request.off('error', reject);
      request.on('error', noop);
      resolve(response);
    });
    request.once('error', reject);
    request.end();
  });
}

/** Reads at most `limit` bytes of the body as UTF-8; the signal (which destroys the request) ends the read. */
async function readBody(response: IncomingMessage, limit: number, label: string, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      const bytes = chunk as Buffer;
      size += bytes.byteLength;
      if (size > limit) {
        response.destroy();
        throw new ServiceReturnedUnexpectedResult(`${label} answered a body over maxBodyBytes (${limit} bytes); it was not read further`);
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (signal.aborted || error instanceof ServiceReturnedUnexpectedResult) throw error;
    throw new ServiceUnavailable(`${label} failed while reading the body: ${describeRequestError(error, '')}`, { cause: error });
  }
  if (signal.aborted) throw signal.reason;
  return Buffer.concat(chunks).toString('utf8');
}
