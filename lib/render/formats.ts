import type { DetailLevel } from './DetailLevel.js';
import type { HealthResponse } from './HealthResponse.js';
import { HealthJsonSerializer } from './HealthJsonSerializer.js';
import { HtmlSerializer } from './HtmlSerializer.js';
import { JsonSerializer } from './JsonSerializer.js';
import { parseMediaType, type MediaType } from './negotiate.js';
import { OpenMetricsSerializer } from './OpenMetricsSerializer.js';
import { plainResponse } from './plainResponse.js';
import type { Serializer } from './Serializer.js';

/**
 * @internal The formats {@link respond} produces, by the name a `format`
 * value selects them with: the one list the formats table, the 400 for an
 * unknown `format` and the docs derive from. The order breaks ties in Accept
 * negotiation: `*\/*` (a browser) gets the first, HTML; `application/*` gets
 * JSON, the first `application/` one.
 */
export const FORMAT_NAMES = ['html', 'json', 'health+json', 'openmetrics', 'prometheus'] as const;

/** @internal A name of {@link FORMAT_NAMES}. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** @internal What {@link respond} hands a format to build its serializer. */
export interface FormatOptions {
  readonly detail: DetailLevel;
  readonly refreshSeconds: number | undefined;
  /** The HTML page's title, when the request names one. */
  readonly title?: string | undefined;
}

/** @internal One format {@link respond} can produce. */
export interface Format {
  /** The `format` value that selects it (compared by {@link normalizeFormatName}). */
  readonly name: FormatName;
  /** The media types an Accept header can ask for it by. */
  readonly mediaTypes: readonly string[];
  /** Whether it is read by scrapers, and so answers 200 whenever a report was produced (see {@link respond}). */
  readonly metrics: boolean;
  readonly create: (options: FormatOptions) => Serializer;
}

/** The formats by name: a name missing here, or one not in {@link FORMAT_NAMES}, does not compile. */
const table: { readonly [Name in FormatName]: Omit<Format, 'name'> } = {
  html: {
    mediaTypes: ['text/html'],
    metrics: false,
    create: ({ detail, refreshSeconds, title }) =>
      new HtmlSerializer({ detail, ...(refreshSeconds === undefined ? {} : { refreshSeconds }), ...(title === undefined ? {} : { title }) }),
  },
  json: { mediaTypes: ['application/json'], metrics: false, create: ({ detail }) => new JsonSerializer({ detail }) },
  'health+json': { mediaTypes: ['application/health+json', 'application/vnd.health+json'], metrics: false, create: ({ detail }) => new HealthJsonSerializer({ detail }) },
  openmetrics: { mediaTypes: ['application/openmetrics-text; version=1.0.0'], metrics: true, create: ({ detail }) => new OpenMetricsSerializer({ detail }) },
  prometheus: { mediaTypes: ['text/plain; version=0.0.4'], metrics: true, create: ({ detail }) => new OpenMetricsSerializer({ detail, flavor: 'prometheus' }) },
};

/** @internal The formats of {@link respond}, in the order of {@link FORMAT_NAMES}. Adding one is one line in each. */
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
