/**
 * @internal HTTP content negotiation on the `Accept` header (RFC 9110
 * §12.5.1), lenient by design: a health endpoint must answer whatever it is
 * sent, so malformed input never throws; a malformed media range is skipped.
 */

/** @internal A media type with its parameters, all lower-cased except parameter values. */
export interface MediaType {
  readonly type: string;
  readonly subtype: string;
  readonly params: ReadonlyMap<string, string>;
}

/** @internal One range of an Accept header. */
export interface MediaRange extends MediaType {
  /** The quality, 0 to 1; 0 means "not acceptable". */
  readonly q: number;
}

/** @internal How a range matched an offer: 0 for `*\/*`, 1 for `type/*`, 2 for `type/subtype`. */
export type Specificity = 0 | 1 | 2;

/** @internal The offer the client prefers. */
export interface Match {
  /** Its index in the offers given to {@link negotiate}. */
  readonly index: number;
  readonly q: number;
  /** How specific the range that selected it was. */
  readonly specificity: Specificity;
}

// `isToken` and `isQuality` hold their patterns as literals inside the function, not as module constants: a mutant
// of a module constant is fixed when the module loads, so mutation testing (StrykerJS, ESM) could not test it.

/** An RFC 9110 token, lower-cased (names are lower-cased before the test). */
function isToken(text: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(text);
}

/** A plain decimal number (no sign, no exponent): `1`, `0.5`, `.5`, `1.`. */
function isQuality(text: string): boolean {
  return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text);
}
/** Bounds the work done on a hostile header. */
const maxRanges = 64;
/** How much of an Accept or Content-Type header is parsed (Node itself refuses header blocks over 16 KiB). */
const maxHeaderLength = 4096;

/** @internal Parses `type/subtype; name=value; ...`; `undefined` when malformed. */
export function parseMediaType(text: string): MediaType | undefined {
  const range = parseRange(text.slice(0, maxHeaderLength));
  return range === undefined ? undefined : { type: range.type, subtype: range.subtype, params: range.params };
}

/** @internal The valid ranges of an Accept header value (a string, or the values of repeated headers). */
export function parseAccept(header: unknown): MediaRange[] {
  const text = Array.isArray(header) ? header.filter((part) => typeof part === 'string').join(',') : header;
  if (typeof text !== 'string') return [];
  const ranges: MediaRange[] = [];
  for (const part of splitOutsideQuotes(text.slice(0, maxHeaderLength), ',')) {
    if (ranges.length === maxRanges) break;
    const range = parseRange(part);
    if (range !== undefined) ranges.push(range);
  }
  return ranges;
}

/**
 * @internal How an Accept header rates one offer: the quality, specificity
 * and number of shared parameters of the range that decides for it.
 */
export interface Preference {
  readonly q: number;
  readonly specificity: Specificity;
  /** How many of the range's parameters the offer declares too (all with the same value). */
  readonly params: number;
}

/**
 * @internal Rates each offer (RFC 9110 §12.5.1): the most specific range
 * that matches it decides (an exact type beats `type/*`, which beats `*\/*`;
 * between two exact ranges, the one with more parameters the offer declares
 * too); between ranges equally specific, such as `text/html;q=0.2,
 * text/html;q=0.9`, the higher quality wins, wherever it stands in the
 * header. A range parameter that an offer also declares must have the same
 * value (`version=0.0.1` does not match an offer of `version=1.0.0`);
 * parameters the offer does not declare (`charset`) are ignored. An entry is
 * `undefined` when no range matches its offer; a `q` of 0 means the header
 * refuses it.
 */
export function rate(header: unknown, offers: readonly MediaType[]): (Preference | undefined)[] {
  const ranges = parseAccept(header);
  return offers.map((offer) => {
    let chosen: Preference | undefined;
    for (const range of ranges) {
      const specificity = matches(range, offer);
      if (specificity === undefined) continue;
      const params = countSharedParams(range, offer);
      if (
        chosen === undefined ||
        specificity > chosen.specificity ||
        (specificity === chosen.specificity && (params > chosen.params || (params === chosen.params && range.q > chosen.q)))
      ) {
        chosen = { q: range.q, specificity, params };
      }
    }
    return chosen;
  });
}

/**
 * @internal Picks the offer the ratings of {@link rate} prefer: the highest
 * quality above 0; then the more specific match; then the one with more
 * shared parameters; then the earlier offer. `undefined` when none is
 * acceptable.
 */
export function best(ratings: readonly (Preference | undefined)[]): Match | undefined {
  let winner: (Match & { readonly params: number }) | undefined;
  ratings.forEach((rating, index) => {
    if (rating === undefined || rating.q <= 0) return;
    if (
      winner === undefined ||
      rating.q > winner.q ||
      (rating.q === winner.q && (rating.specificity > winner.specificity || (rating.specificity === winner.specificity && rating.params > winner.params)))
    ) {
      winner = { index, ...rating };
    }
  });
  return winner === undefined ? undefined : { index: winner.index, q: winner.q, specificity: winner.specificity };
}

/**
 * @internal The offer the Accept header prefers ({@link rate}, then
 * {@link best}), or `undefined` when no offer is acceptable (or the header
 * has no valid range).
 */
export function negotiate(header: unknown, offers: readonly MediaType[]): Match | undefined {
  return best(rate(header, offers));
}

function matches(range: MediaRange, offer: MediaType): Specificity | undefined {
  if (range.type === '*') return 0;
  if (range.type !== offer.type) return undefined;
  if (range.subtype === '*') return 1;
  if (range.subtype !== offer.subtype) return undefined;
  for (const [name, value] of range.params) {
    const offered = offer.params.get(name);
    if (offered !== undefined && offered.toLowerCase() !== value.toLowerCase()) return undefined;
  }
  return 2;
}

function countSharedParams(range: MediaRange, offer: MediaType): number {
  let count = 0;
  for (const name of range.params.keys()) if (offer.params.has(name)) count += 1;
  return count;
}

function parseRange(text: string): MediaRange | undefined {
  const [essence = '', ...rest] = splitOutsideQuotes(text, ';');
  const slash = essence.indexOf('/');
  if (slash < 0) return undefined;
  const type = essence.slice(0, slash).trim().toLowerCase();
  const subtype = essence.slice(slash + 1).trim().toLowerCase();
  if (!isToken(type) || !isToken(subtype) || (type === '*' && subtype !== '*')) return undefined;
  const params = new Map<string, string>();
  let q = 1;
  for (const param of rest) {
    const equals = param.indexOf('=');
    if (equals < 0) continue;
    const name = param.slice(0, equals).trim().toLowerCase();
    const value = unquote(param.slice(equals + 1).trim());
    if (!isToken(name)) continue;
    if (name === 'q') {
      // the grammar admits no sign, so a malformed value (NaN) and one above 1 are all that fail
      q = isQuality(value) ? Number(value) : Number.NaN;
      if (!(q <= 1)) return undefined;
    } else {
      params.set(name, value);
    }
  }
  return { type, subtype, params, q };
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Splits on `separator` where it is not inside a double-quoted string. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text.charAt(i);
    if (quoted && character === '\\' && i + 1 < text.length) {
      current += character + text.charAt(i + 1);
      i += 1;
    } else if (character === '"') {
      quoted = !quoted;
      current += character;
    } else if (character === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}
