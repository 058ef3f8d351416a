import { redactSecrets } from '../core/redactSecrets.js';
import { HISTORY_QUERY_VALUES } from '../http/historyQuery.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { validateOptions } from '../options/validateOptions.js';
import { formats, type Format } from '../render/formats.js';
import { DESCRIBED_ENDPOINTS_SCHEMA, describeEndpoints, type DescribedCheck, type DescribedRoute } from './describedRoutes.js';
import { healthSchemas, schemaRef } from './healthSchemas.js';
import type { JsonSchema } from './JsonSchema.js';
import type { OpenApiFragment } from './OpenApiFragment.js';
import type { OpenApiOptions, OpenApiServer } from './OpenApiOptions.js';

/**
 * A whole OpenAPI 3.1 document, as {@link openApiDocument} returns it:
 * plain data, ready for `JSON.stringify` or a YAML writer.
 *
 * @example
 * ```ts
 * import { HealthService, openApiDocument, type OpenApiDocument } from 'pulsecheck';
 *
 * const document: OpenApiDocument = openApiDocument({ service: new HealthService([]) });
 * console.log(document.openapi, document.info.title); // 3.1.0 Health endpoints
 * ```
 */
export interface OpenApiDocument extends OpenApiFragment {
  /** The OpenAPI version the document follows. */
  readonly openapi: '3.1.0';
  /** The JSON Schema dialect of its schemas (2020-12, as OpenAPI 3.1 uses). */
  readonly jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema';
  /** The API's title, version and description (from the options' `title` and `version`). */
  readonly info: {
    /** The API's title. */
    readonly title: string;
    /** The API's version. */
    readonly version: string;
    /** What the endpoints answer, in one paragraph. */
    readonly description: string;
  };
  /**
   * The servers the endpoints are reached at: the options' `servers`, or
   * `[{ url: '/' }]` (the document's own host, what OpenAPI means by no
   * servers, said explicitly as linters ask).
   */
  readonly servers: readonly {
    /** The server's base URL. */
    readonly url: string;
    /** What the server is, if said. */
    readonly description?: string;
  }[];
  /** The tag the operations are grouped under. */
  readonly tags: readonly {
    /** The tag's name. */
    readonly name: string;
    /** What the tag groups. */
    readonly description: string;
  }[];
}

const where = 'openApiDocument';

/** The shape of one server; each is checked by {@link OPEN_API_SERVER_SCHEMA}. */
const OPEN_API_SERVER_SCHEMA = {
  url: optionRules.required(optionRules.nonEmptyString),
  description: optionRules.string,
} as const satisfies OptionSchema<OpenApiServer>;

/** The schema of {@link OpenApiOptions}: rules and defaults (servers, checks and routes are then checked one by one). */
const OPEN_API_SCHEMA = {
  ...DESCRIBED_ENDPOINTS_SCHEMA,
  servers: optionRules.custom('an array of { url, description? }', (value): value is readonly OpenApiServer[] => Array.isArray(value)),
  title: optionRules.withDefault(optionRules.nonEmptyString, 'Health endpoints'),
  version: optionRules.withDefault(optionRules.nonEmptyString, '1.0.0'),
  fragment: optionRules.withDefault(optionRules.boolean, false),
} as const satisfies OptionSchema<OpenApiOptions>;
const plainText = 'text/plain; charset=utf-8';

/**
 * Describes the health endpoints that {@link healthEndpoints} serves as an
 * OpenAPI 3.1 document, generated from the service itself so that it never
 * drifts from what the endpoints answer:
 *
 * - one path per route (default {@link DEFAULT_HEALTH_ROUTES}: `/health`,
 *   `/health/live`, `/health/ready`, `/health/startup`) under `basePath`,
 *   each with `GET` and `HEAD` and the `format` query parameter;
 * - 200 and 503 with every content type: the flat JSON map (default), HTML,
 *   `application/health+json`; OpenMetrics and Prometheus text under 200
 *   only (they answer 200 whenever a report was produced); 400 for an
 *   unknown `format` value; 500 for an unexpected error;
 * - JSON Schemas (2020-12) for the flat map of each route, with the names of
 *   the checks that route runs as its (required) properties, for the
 *   `summary` body, the detailed report and health+json, under
 *   `components.schemas`, every name starting with `Pulsecheck`.
 *
 * Descriptions of checks are redacted (a connection string in one never
 * reaches the document). With `fragment: true` only `paths` and
 * `components` are returned, to merge into a document of your own.
 *
 * @param options - Where the names come from (`service` or `checks`), the
 *   base path, servers, title, version and routes; see {@link OpenApiOptions}.
 * @returns Plain data: `JSON.stringify` it, or write it as YAML.
 * @throws TypeError when `options` is not an object, has an unknown key,
 *   gives both or neither of `service` and `checks`, a check or a route is
 *   malformed (a path without a leading `/`, one given twice, with a `?`,
 *   `#`, brace or whitespace; a route naming an unknown check), or
 *   `basePath`, `servers`, `title`, `version` or `fragment` has the wrong type.
 * @throws RangeError for a route with an unknown probe or a check with a
 *   timeout that is not a positive number.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { Container } from 'inversify';
 * import { HealthService, healthModule, openApiDocument } from 'pulsecheck';
 *
 * const container = new Container();
 * container.load(healthModule());
 * const document = openApiDocument({
 *   service: container.get(HealthService),
 *   basePath: '/ops',
 *   servers: [{ url: 'https://orders.example.com' }],
 *   title: 'Orders service: health',
 *   version: '2.3.0',
 * });
 * writeFileSync('health.openapi.json', JSON.stringify(document, null, 2));
 * ```
 */
export function openApiDocument(options: OpenApiOptions & { readonly fragment: true }): OpenApiFragment;
export function openApiDocument(options: OpenApiOptions & { readonly fragment?: false | undefined }): OpenApiDocument;
export function openApiDocument(options: OpenApiOptions): OpenApiDocument | OpenApiFragment;
export function openApiDocument(given: OpenApiOptions): OpenApiDocument | OpenApiFragment {
  const options = validateOptions(OPEN_API_SCHEMA, given, where);
  const endpoints = describeEndpoints(options, where);
  const title = options.title ?? OPEN_API_SCHEMA.title.defaultValue;
  const version = options.version ?? OPEN_API_SCHEMA.version.defaultValue;
  const servers = (options.servers ?? []).map((server, index) => validateOptions(OPEN_API_SERVER_SCHEMA, server, `${where}: servers[${index}]`));

  const operationIds = new Set<string>();
  const paths = Object.fromEntries(endpoints.routes.map((route) => [route.path, pathItem(route, operationIds)]));
  const fragment: OpenApiFragment = {
    paths,
    components: {
      schemas: {
        ...healthSchemas,
        PulsecheckShuttingDown: {
          type: 'object',
          description: "A readiness report after beginShutdown(): the pseudo-check 'shutdown' alone, 'unavailable: shutting down'.",
          properties: { shutdown: schemaRef('PulsecheckCheckOutput') },
          required: ['shutdown'],
          additionalProperties: false,
        },
      },
      parameters: { PulsecheckFormat: formatParameter(), PulsecheckHistory: historyParameter() },
    },
  };
  if (options.fragment ?? OPEN_API_SCHEMA.fragment.defaultValue) return fragment;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title,
      version,
      description: `The health endpoints of this service, served by pulsecheck. Checks: ${endpoints.checks.map(describeCheckShort).join(', ') || '(none)'}.`,
    },
    servers: servers.length === 0 ? [sameHost] : servers,
    tags: [{ name: 'health', description: 'Health checks: for people, dashboards, uptime monitors, load balancers and Kubernetes probes.' }],
    ...fragment,
  };
}

/** OpenAPI's meaning of no servers (the host that serves the document), said explicitly: `no-empty-servers` asks for it. */
const sameHost: OpenApiDocument['servers'][number] = { url: '/', description: 'The host that serves this document.' };

/** Health routes are public (probes, load balancers and uptime monitors carry no credentials): `security: []` says so even when the document they are merged into requires some. */
const publicRoute: readonly never[] = [];

function pathItem(route: DescribedRoute, operationIds: Set<string>): JsonSchema {
  const base = operationName(route.path);
  const get = uniqueId(`get${base}`, operationIds);
  const head = uniqueId(`head${base}`, operationIds);
  const summary = routeSummary(route);
  const description = routeDescription(route);
  const parameters = [{ $ref: '#/components/parameters/PulsecheckFormat' }, { $ref: '#/components/parameters/PulsecheckHistory' }];
  return {
    get: { operationId: get, tags: ['health'], summary, description, security: publicRoute, parameters, responses: responses(route, true) },
    head: { operationId: head, tags: ['health'], summary: `${summary} (headers only)`, description, security: publicRoute, parameters, responses: responses(route, false) },
  };
}

function responses(route: DescribedRoute, withBody: boolean): JsonSchema {
  const cacheControl = { 'Cache-Control': { description: 'Always no-store: a health answer is never reused.', schema: { type: 'string' } } };
  const body = (statusCode: 200 | 503): JsonSchema | undefined => {
    if (!withBody) return undefined;
    return Object.fromEntries(
      formats
        .filter((format) => statusCode === 200 || !format.metrics) // metrics formats answer 200 whenever a report was produced
        .map((format) => [contentTypeOf(format), mediaType(format, route, statusCode)]),
    );
  };
  const withContent = (description: string, content: JsonSchema | undefined): JsonSchema => ({
    description,
    headers: cacheControl,
    ...(content === undefined ? {} : { content }),
  });
  const plain = (description: string): JsonSchema => ({ description, ...(withBody ? { content: { [plainText]: { schema: schemaRef('PulsecheckPlainText') } } } : {}) });
  const metrics = formats.filter((format) => format.metrics).map((format) => format.name);
  const others = formats.filter((format) => !format.metrics).map((format) => format.name);
  return {
    '200': withContent(
      `The report: every critical check passed (status 'pass' or 'warn').${metrics.length === 0 ? '' : ` ${metrics.join(', ')} always answer 200 when a report was produced, failing or not: the status lives in the metric values.`}`,
      body(200),
    ),
    '503': withContent(`A critical check failed (status 'fail'): the body names each check and, at detail 'full', its redacted errors. ${others.join(', ')} only.`, body(503)),
    '400': plain(`The format query parameter names no format (the body lists the formats: ${formats.map((format) => format.name).join(', ')}), or history is none of ${[...HISTORY_QUERY_VALUES.on, ...HISTORY_QUERY_VALUES.off].filter((value) => value !== '').join(', ')}.`),
    '500': plain('An unexpected error in the endpoint itself (it goes to the onError hook); never an unhealthy check, which is a 503.'),
  };
}

/** The body of one format: the flat map and health+json have schemas of their own; every other format is text the table describes. */
function mediaType(format: Format, route: DescribedRoute, statusCode: 200 | 503): JsonSchema {
  switch (format.name) {
    case 'json': {
      // The detailed report answers ?history (healthEndpoints' history parameter).
      const alternatives = [flatMap(route), schemaRef('PulsecheckSummary'), schemaRef('PulsecheckDetailedReport')];
      if (statusCode === 503 && route.canShutDown) alternatives.push(schemaRef('PulsecheckShuttingDown'));
      return {
        schema: { description: format.description, anyOf: alternatives },
        ...(statusCode === 200 ? { example: Object.fromEntries(route.checks.map((check) => [check.name, 'working'])) } : {}),
      };
    }
    case 'health+json':
      return { schema: schemaRef('PulsecheckHealthJson') };
    default:
      return { schema: { type: 'string', description: format.description } };
  }
}

function flatMap(route: DescribedRoute): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(route.checks.map((check) => [check.name, { $ref: '#/components/schemas/PulsecheckCheckOutput', description: describeCheck(check) }])),
    required: route.checks.map((check) => check.name),
    additionalProperties: false,
  };
}

function contentTypeOf(format: Format): string {
  return format.create({ detail: 'full', refreshSeconds: undefined }).contentType;
}

function formatParameter(): JsonSchema {
  return {
    name: 'format',
    in: 'query',
    required: false,
    description:
      `The response format; beats the Accept header (${acceptedMediaTypes().join(', ')}). Case-insensitive; health+json may be spelled healthjson. Without it, or when Accept matches nothing, JSON. A value that names no format is a 400.`,
    schema: { type: 'string', enum: formats.map((format) => format.name) },
  };
}

function historyParameter(): JsonSchema {
  return {
    name: 'history',
    in: 'query',
    required: false,
    description:
      `Each check's recent executions: ${HISTORY_QUERY_VALUES.on.filter((value) => value !== '').join(', ')} (or a bare ?history) asks for them, ${HISTORY_QUERY_VALUES.off.join(', ')} leaves them out. ` +
      "The HTML page draws them; JSON then answers the detailed report (PulsecheckDetailedReport) with each check's history instead of the flat map; the other formats do not write them. Anything else is a 400.",
    schema: { type: 'string', enum: [...HISTORY_QUERY_VALUES.on, ...HISTORY_QUERY_VALUES.off] },
  };
}

/** The media types of the format table, without parameters, each once. */
function acceptedMediaTypes(): string[] {
  return [...new Set(formats.flatMap((format) => format.mediaTypes.map((type) => type.split(';')[0]?.trim() ?? type)))];
}

function routeSummary(route: DescribedRoute): string {
  const { probe, tags, names } = route.run;
  if (probe === 'liveness') return 'Liveness probe';
  if (probe === 'readiness') return 'Readiness probe';
  if (probe === 'startup') return 'Startup probe';
  if (tags === undefined && names === undefined) return 'Health of every check';
  return 'Health of selected checks';
}

function routeDescription(route: DescribedRoute): string {
  const { probe, tags, names } = route.run;
  const selection = [
    names === undefined ? undefined : `the checks named ${names.join(', ')}`,
    tags === undefined ? undefined : `the checks tagged ${tags.join(' or ')}`,
    probe === undefined ? undefined : `the ${probe} probe`,
  ].filter((part) => part !== undefined);
  const runs = selection.length === 0 ? 'every check' : selection.join(', within those ');
  const extra =
    probe === 'readiness'
      ? " After beginShutdown() it answers 503 with the pseudo-check 'shutdown' alone."
      : probe === 'startup'
        ? ' Once it passes, its report is kept and answered from (latched).'
        : '';
  const checks = route.checks.length === 0 ? 'none' : route.checks.map(describeCheckShort).join(', ');
  return `Runs ${runs} and answers 503 when a critical one fails.${extra} Checks: ${checks}.`;
}

function describeCheckShort(check: DescribedCheck): string {
  return `${check.name}${check.critical ? '' : ' (non-critical)'}`;
}

function describeCheck(check: DescribedCheck): string {
  const description = check.description === undefined || check.description === '' ? '' : `${redactSecrets(check.description)}. `;
  return `${description}${check.critical ? 'Critical: a failure fails the report (503).' : 'Non-critical: a failure only makes the report warn.'}`;
}

/** `/api/health/ready` → `ApiHealthReady`; `/` → `Root`. */
function operationName(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return words.length === 0 ? 'Root' : words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
}
