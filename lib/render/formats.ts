import type { DetailLevel } from './DetailLevel.js';
import { HealthJsonSerializer } from './HealthJsonSerializer.js';
import { HtmlSerializer } from './HtmlSerializer.js';
import { JsonSerializer } from './JsonSerializer.js';
import { parseMediaType, type MediaType } from './negotiate.js';
import { OpenMetricsSerializer } from './OpenMetricsSerializer.js';
import type { Serializer } from './Serializer.js';

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
  readonly name: string;
  /** The media types an Accept header can ask for it by. */
  readonly mediaTypes: readonly string[];
  readonly create: (options: FormatOptions) => Serializer;
}

/**
 * @internal The formats of {@link respond}. Adding one is one line. The order
 * breaks ties in Accept negotiation: `*\/*` (a browser) gets the first, HTML;
 * `application/*` gets JSON, the first `application/` one.
 */
export const formats: readonly Format[] = [
  { name: 'html', mediaTypes: ['text/html'], create: ({ detail, refreshSeconds, title }) =>
      new HtmlSerializer({ detail, ...(refreshSeconds === undefined ? {} : { refreshSeconds }), ...(title === undefined ? {} : { title }) }) },
  { name: 'json', mediaTypes: ['application/json'], create: ({ detail }) => new JsonSerializer({ detail }) },
  { name: 'health+json', mediaTypes: ['application/health+json', 'application/vnd.health+json'], create: ({ detail }) => new HealthJsonSerializer({ detail }) },
  { name: 'openmetrics', mediaTypes: ['application/openmetrics-text; version=1.0.0'], create: ({ detail }) => new OpenMetricsSerializer({ detail }) },
  { name: 'prometheus', mediaTypes: ['text/plain; version=0.0.4'], create: ({ detail }) => new OpenMetricsSerializer({ detail, flavor: 'prometheus' }) },
];

/** @internal The format answered when negotiation finds nothing: JSON. */
export const fallbackFormat: Format = formatNamed('json');

/** @internal Each media type of each format, with the index of its format. */
export const offers: readonly (MediaType & { readonly format: Format })[] = formats.flatMap((format) =>
  format.mediaTypes.map((text) => {
    const mediaType = parseMediaType(text);
    if (mediaType === undefined) throw new Error(`pulsecheck: malformed media type in the formats table: ${text}`);
    return { ...mediaType, format };
  }),
);

/**
 * @internal Lower-cases and drops `+`, `-`, `_` and spaces, so `health+json`,
 * `healthjson`, `Health-JSON` and `health json` (a query string's `+`
 * decoded as a space) all name the same format.
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

function formatNamed(name: string): Format {
  const format = formats.find((candidate) => candidate.name === name);
  if (format === undefined) throw new Error(`pulsecheck: no format named ${name} in the formats table`);
  return format;
}
