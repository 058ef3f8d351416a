import { BACKSTOP_GRACE_MS } from '../core/backstopGraceMs.js';
import { SERVICE_OPTION_SCHEMA } from '../core/HealthServiceOptions.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import { DESCRIBED_ENDPOINTS_SCHEMA, describeEndpoints, largestTimeoutMs, type DescribedRoute } from './describedRoutes.js';
import type { OpenApiOptions } from './OpenApiOptions.js';

/** @internal What {@link postmanCollection} needs beyond the checks and routes. */
export interface PostmanOptions extends Pick<OpenApiOptions, 'service' | 'checks' | 'basePath' | 'routes'> {
  /** Where the service is (`https://orders.example.com`); becomes the `baseUrl` collection variable. */
  readonly baseUrl: string;
  /** The collection's name. */
  readonly name?: string;
  /** The timeout of checks that set none (the service's `defaultTimeoutMs`). */
  readonly defaultTimeoutMs?: number;
}

/** The schema of {@link PostmanOptions}: the checks and routes as the OpenAPI document reads them, then the collection's own. */
const POSTMAN_SCHEMA = {
  ...DESCRIBED_ENDPOINTS_SCHEMA,
  baseUrl: optionRules.required(
    optionRules.custom('an http(s) URL such as https://orders.example.com', (value): value is string => typeof value === 'string' && /^https?:\/\/[^/?#\s]+/i.test(value)),
  ),
  name: optionRules.withDefault(optionRules.nonEmptyString, 'Health endpoints'),
  defaultTimeoutMs: SERVICE_OPTION_SCHEMA.defaultTimeoutMs,
} as const satisfies OptionSchema<PostmanOptions>;

/** Time for rendering the report and crossing the network, on top of the run's backstop. */
const renderAndNetworkMs = 250;

/**
 * @internal How much longer than the largest timeout of its checks a
 * response may take: {@link BACKSTOP_GRACE_MS} for the run's backstop (a run
 * settles at most that long after the largest timeout) plus 250 ms for
 * rendering and the network. A collection variable, `responseTimeMarginMs`,
 * so that a monitor far away can raise it.
 */
export const RESPONSE_TIME_MARGIN_MS = BACKSTOP_GRACE_MS + renderAndNetworkMs;

/** @internal A Postman Collection v2.1, as plain data. */
export interface PostmanCollection {
  readonly info: { readonly name: string; readonly description: string; readonly schema: string };
  readonly variable: readonly { readonly key: string; readonly value: string; readonly type: 'string' }[];
  readonly item: readonly PostmanItem[];
}

/** @internal One request of the collection, with its tests. */
export interface PostmanItem {
  readonly name: string;
  readonly request: {
    readonly method: 'GET';
    readonly header: readonly { readonly key: string; readonly value: string }[];
    readonly url: { readonly raw: string; readonly host: readonly string[]; readonly path: readonly string[]; readonly query: readonly { readonly key: string; readonly value: string }[] };
    readonly description: string;
  };
  readonly event: readonly [{ readonly listen: 'test'; readonly script: { readonly type: 'text/javascript'; readonly exec: readonly string[] } }];
}

/**
 * @internal A Postman Collection v2.1 that monitors the health endpoints:
 * one `GET` per route (`?format=json`, `Accept: application/json`), whose
 * tests assert what a monitor cares about: status 200, a JSON content type,
 * each critical check of the route `"working"` in the flat map (one test per
 * check, so a failure names it), and the response time under the largest
 * timeout of the route's checks plus `responseTimeMarginMs`.
 *
 * @throws TypeError or RangeError for malformed checks or routes (as
 *   {@link openApiDocument}), or a `baseUrl` that is not an http(s) URL.
 */
export function postmanCollection(options: PostmanOptions): PostmanCollection {
  const where = 'postmanCollection';
  const valid = validateOptions(POSTMAN_SCHEMA, options, where);
  const { baseUrl } = valid;
  const endpoints = describeEndpoints(valid, where);
  const defaultTimeoutMs = valid.defaultTimeoutMs ?? POSTMAN_SCHEMA.defaultTimeoutMs.defaultValue;
  return {
    info: {
      name: valid.name ?? POSTMAN_SCHEMA.name.defaultValue,
      description:
        `Monitors the health endpoints served by pulsecheck. Each request asserts status 200, a JSON body, every critical check of its route "working", and a response time under the largest timeout of its checks plus responseTimeMarginMs (${RESPONSE_TIME_MARGIN_MS} ms: the run's ${BACKSTOP_GRACE_MS} ms backstop plus ${renderAndNetworkMs} ms for rendering and the network). ` +
        "Needs the flat JSON map at detail 'full' or 'status' (at 'summary' the check names are not in the body).",
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    variable: [
      { key: 'baseUrl', value: baseUrl.replace(/\/+$/, ''), type: 'string' },
      { key: 'responseTimeMarginMs', value: String(RESPONSE_TIME_MARGIN_MS), type: 'string' },
    ],
    item: endpoints.routes.map((route) => item(route, largestTimeoutMs(route.checks, defaultTimeoutMs))),
  };
}

function item(route: DescribedRoute, timeoutMs: number): PostmanItem {
  const critical = route.checks.filter((check) => check.critical).map((check) => check.name);
  const segments = route.path.split('/').filter((segment) => segment !== '');
  return {
    name: `GET ${route.path}`,
    request: {
      method: 'GET',
      header: [{ key: 'Accept', value: 'application/json' }],
      url: { raw: `{{baseUrl}}${route.path === '/' ? '/' : route.path}?format=json`, host: ['{{baseUrl}}'], path: segments, query: [{ key: 'format', value: 'json' }] },
      description: `Critical checks: ${critical.join(', ') || '(none)'}. Largest check timeout: ${timeoutMs} ms.`,
    },
    event: [
      {
        listen: 'test',
        script: {
          type: 'text/javascript',
          exec: [
            `var critical = ${JSON.stringify(critical)};`,
            `var timeoutMs = ${timeoutMs};`,
            "var marginMs = Number(pm.collectionVariables.get('responseTimeMarginMs') || 0);",
            "pm.test('status is 200', function () { pm.response.to.have.status(200); });",
            "pm.test('Content-Type is application/json', function () { pm.expect(pm.response.headers.get('Content-Type')).to.match(/^application\\/json\\b/i); });",
            'critical.forEach(function (name) {',
            "  pm.test(name + ' is working', function () { pm.expect(pm.response.json()[name], name).to.eql('working'); });",
            '});',
            "pm.test('response time is under ' + (timeoutMs + marginMs) + ' ms', function () { pm.expect(pm.response.responseTime).to.be.below(timeoutMs + marginMs); });",
          ],
        },
      },
    ],
  };
}
