import type { DetailLevel } from './DetailLevel.js';
import type { HealthResponse } from './HealthResponse.js';
import { HealthJsonSerializer } from './HealthJsonSerializer.js';
import { HtmlSerializer } from './HtmlSerializer.js';
import { JsonSerializer } from './JsonSerializer.js';
import { metricName } from './metricNames.js';
import { parseMediaType, type MediaType } from './negotiate.js';
import { OpenMetricsSerializer } from './OpenMetricsSerializer.js';
import { plainResponse } from './plainResponse.js';
import type { Serializer } from './Serializer.js';

/**
 * The formats {@link respond} produces, by the name a `format` value selects
 * them with: the one list that `respond()` (negotiation and the 400 for an
 * unknown `format`), the OpenAPI description and the CLI's `--format`
 * derive from. The order breaks ties in Accept negotiation: `*\/*` (a
 * browser) gets the first, HTML; `application/*` gets JSON, the first
 * `application/` one.
 *
 * @example
 * ```ts
 * import { FORMAT_NAMES } from 'pulsecheck';
 *
 * console.log(FORMAT_NAMES.join(', ')); // "html, json, health+json, openmetrics, prometheus"
 * ```
 */
export const FORMAT_NAMES = ['html', 'json', 'health+json', 'openmetrics', 'prometheus'] as const;

/**
 * A name of {@link FORMAT_NAMES}.
 *
 * @example
 * ```ts
 * import type { FormatName } from 'pulsecheck';
 *
 * const wanted: FormatName = 'health+json';
 * console.log(wanted);
 * ```
 */
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * What {@link respond} hands a format to build its serializer.
 *
 * @example
 * ```ts
 * import { formats, type FormatOptions } from 'pulsecheck';
 *
 * const options: FormatOptions = { detail: 'status', refreshSeconds: undefined };
 * console.log(formats.map((format) => format.create(options).contentType));
 * ```
 */
export interface FormatOptions {
  /** How much the body reveals. */
  readonly detail: DetailLevel;
  /** The HTML page's auto-refresh, in seconds, if any. */
  readonly refreshSeconds: number | undefined;
  /** The HTML page's title, when the request names one. */
  readonly title?: string | undefined;
  /** For JSON: the detailed report (with each check's history when the report carries it) instead of the flat map. */
  readonly detailed?: boolean | undefined;
}

/**
 * One format {@link respond} can produce: a row of the format table.
 *
 * @example
 * ```ts
 * import { formats, type Format } from 'pulsecheck';
 *
 * const metrics: Format[] = formats.filter((format) => format.metrics);
 * console.log(metrics.map((format) => format.name)); // [ 'openmetrics', 'prometheus' ]
 * ```
 */
export interface Format {
  /** The `format` value that selects it (compared case-insensitively, ignoring `+`, `-`, `_` and white space: `healthjson` is `health+json`). */
  readonly name: FormatName;
  /** The media types an Accept header can ask for it by. */
  readonly mediaTypes: readonly string[];
  /** Whether it is read by scrapers, and so answers 200 whenever a report was produced (see {@link respond}). */
  readonly metrics: boolean;
  /** What its body is, in one sentence: the OpenAPI description's words for it. */
  readonly description: string;
  /** Builds the serializer that writes it. */
  readonly create: (options: FormatOptions) => Serializer;
}

/** The formats by name: a name missing here, or one not in {@link FORMAT_NAMES}, does not compile. */
const table: { readonly [Name in FormatName]: Omit<Format, 'name'> } = {
  html: {
    mediaTypes: ['text/html'],
    metrics: false,
    description: 'A self-contained HTML page (escaped; no script).',
    create: ({ detail, refreshSeconds, title }) =>
      new HtmlSerializer({ detail, ...(refreshSeconds === undefined ? {} : { refreshSeconds }), ...(title === undefined ? {} : { title }) }),
  },
  json: {
    mediaTypes: ['application/json'],
    metrics: false,
    description: "The flat map, one property per check, its value the check's output (the default); at detail 'summary' the status alone; with history asked for, the detailed report.",
    create: ({ detail, detailed }) => new JsonSerializer({ detail, ...(detailed === true ? { detailed } : {}) }),
  },
  'health+json': {
    mediaTypes: ['application/health+json', 'application/vnd.health+json'],
    metrics: false,
    description: 'The IETF health check response format (draft-inadarei-api-health-check).',
    create: ({ detail }) => new HealthJsonSerializer({ detail }),
  },
  openmetrics: {
    mediaTypes: ['application/openmetrics-text; version=1.0.0'],
    metrics: true,
    description: `OpenMetrics 1.0 text: ${metricName('checkStatus')} and friends, per check.`,
    create: ({ detail }) => new OpenMetricsSerializer({ detail }),
  },
  prometheus: {
    mediaTypes: ['text/plain; version=0.0.4'],
    metrics: true,
    description: `Prometheus text exposition 0.0.4: ${metricName('checkStatus')} and friends, per check.`,
    create: ({ detail }) => new OpenMetricsSerializer({ detail, flavor: 'prometheus' }),
  },
};

/**
 * The format table: the formats of {@link respond}, in the order of
 * {@link FORMAT_NAMES}. Adding a format is one row here and its name in
 * {@link FORMAT_NAMES}; `respond()`, the OpenAPI description and the CLI
 * read it.
 *
 * @example
 * ```ts
 * import { formats } from 'pulsecheck';
 *
 * for (const format of formats) console.log(format.name, format.mediaTypes.join(', '));
 * ```
 */
export const formats: readonly Format[] = FORMAT_NAMES.map((name) => Object.freeze({ name, ...table[name] }));

/** @internal The format answered when negotiation finds nothing acceptable: JSON. */
export const fallbackFormat: Format = formatNamed('json');

/** @internal One media type of one format. */
export interface Offer extends MediaType {
  readonly format: Format;
}

/** @internal Each media type of each format, in the order of {@link formats}. */
export const offers: readonly Offer[] = formats.flatMap((format) =>
  format.mediaTypes.map((text) => {
    const mediaType = parseMediaType(text);
    if (mediaType === undefined) throw new Error(`pulsecheck: malformed media type in the formats table: ${text}`);
    return { ...mediaType, format };
  }),
);

/**
 * @internal Lower-cases and drops `+`, `-`, `_` and white space, so
 * `health+json`, `healthjson`, `Health-JSON` and `health json` (a query
 * string's `+` decoded as a space) all name the same format.
 */
export function normalizeFormatName(name: string): string {
  return name.toLowerCase().replace(/[\s+_-]/g, '');
}

/** @internal The format a `format` value names, or `undefined` (unknown, empty, not a string). */
export function findFormat(name: unknown): Format | undefined {
  if (typeof name !== 'string') return undefined;
  const wanted = normalizeFormatName(name);
  return wanted === '' ? undefined : formats.find((format) => normalizeFormatName(format.name) === wanted);
}

/**
 * @internal Whether a `format` value asks for no format in particular
 * (`undefined`, `null` as `URLSearchParams.get()` returns it, or a string
 * that is empty once normalised, such as `?format=`), so that negotiation
 * decides.
 */
export function isUnsetFormat(name: unknown): boolean {
  return name === undefined || name === null || (typeof name === 'string' && normalizeFormatName(name) === '');
}

/**
 * @internal The 400 answered for a `format` value that names no format
 * (`?format=xml`), listing the formats; `undefined` when the value names one
 * or is unset. Its body does not echo the value.
 */
export function unknownFormatResponse(name: unknown, method: unknown): HealthResponse | undefined {
  if (isUnsetFormat(name) || findFormat(name) !== undefined) return undefined;
  return plainResponse(400, `unknown format; use one of: ${FORMAT_NAMES.join(', ')} (health+json may also be written healthjson)`, method);
}

function formatNamed(name: FormatName): Format {
  const format = formats.find((candidate) => candidate.name === name);
  if (format === undefined) throw new Error(`pulsecheck: no format named ${name} in the formats table`);
  return format;
}
