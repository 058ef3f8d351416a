import { validateHeaderName, validateHeaderValue } from 'node:http';
import { describeValue } from './describeValue.js';
import { MAX_TIMER_MS } from './maxTimerMs.js';
import type { OptionRule } from './OptionRule.js';
import type { OptionSchema } from './OptionSchema.js';
import { assertKnownKeys } from './assertKnownKeys.js';

/** A number as an error names it: bare (`0`, `NaN`); anything else by {@link describeValue}. */
function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeValue(value);
}

/** Whether `value` is a safe integer of 1 or more. */
function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** Throws a RangeError naming the option, the caller and the limit when `value` exceeds {@link MAX_TIMER_MS}. */
function checkTimerLimit(value: number, option: string, where: string): void {
  if (value > MAX_TIMER_MS) {
    throw new RangeError(`${where}: ${option} must be at most ${MAX_TIMER_MS} ms (about 24.8 days, the longest delay a timer can hold), got ${String(value)}`);
  }
}

/** The characters a URI may hold (RFC 3986: unreserved, reserved and `%`); anything else must be percent-encoded. */
const URI_CHARACTERS = /^[\w\-.~:/?#[\]@!$&'()*+,;=%]+$/;

/** RFC 3986 `pchar`: unreserved, sub-delims, `:`, `@`, or a percent-encoded octet. */
const PCHAR = String.raw`(?:[\w\-.~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})`;

/**
 * An absolute `http:`/`https:` URI as RFC 3986 spells it, without user
 * information: a host (a name or an IPv6 literal), an optional port, then
 * path, query and fragment of `pchar`s. No alternative overlaps another, so
 * the match is linear in the length.
 */
const HTTP_URI = new RegExp(
  String.raw`^https?://(?:\[[0-9A-Fa-f:.]+\]|(?:[\w\-.~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(?::\d*)?(?:/${PCHAR}*)*(?:\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
  'i',
);

/** Whether `value` is an absolute `http:` or `https:` URI (RFC 3986) with a host and no user name or password. */
function isHttpUri(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && HTTP_URI.test(value) && URL.canParse(value);
}

/** RFC 6570 `varchar`: a letter, digit, `_` or percent-encoded octet. */
const VARCHAR = String.raw`(?:\w|%[0-9A-Fa-f]{2})`;
/** RFC 6570 `varspec`: a variable name and an optional prefix (`:3`) or explode (`*`) modifier. */
const VARSPEC = String.raw`${VARCHAR}+(?::[1-9]\d{0,3}|\*)?`;

/**
 * An RFC 6570 URI template: literals (URI characters, a `%` only as a
 * percent-encoded octet) and expressions such as `{id}`, `{?page,size}`,
 * `{/path*}`; variable names of letters, digits and `_`. No alternative
 * overlaps another (linear time).
 */
const URI_TEMPLATE = new RegExp(String.raw`^(?:[^\x00-\x20\x7f"'<>%\\^${'`'}{|}]|%[0-9A-Fa-f]{2}|\{[+#./;?&=,!@|]?${VARSPEC}(?:,${VARSPEC})*\})+$`, 'u');

/** Whether `value` is a URI template of at most `maxLength` characters. */
function isUriTemplate(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && URI_TEMPLATE.test(value);
}

/** Whether `value` is a string with more than white space, of at most `maxLength` characters. */
function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && value.trim() !== '';
}

/** Whether `value` is an array of at most `maxItems` items that each pass `accepts`. */
function isListOf(value: unknown, maxItems: number, accepts: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => accepts(item));
}

interface RuleParts<V> {
  /** The text after `must be`. */
  readonly expected: string;
  /** Whether `value` is acceptable. */
  readonly accepts: (value: unknown) => value is V;
  /** TypeError for a value of the wrong type, RangeError for one of the right type out of range. */
  readonly error: typeof TypeError | typeof RangeError;
  /** How the value is named after `got`; {@link describeValue} by default. */
  readonly describe?: (value: unknown) => string;
  /** When `false`, the message ends at `must be <expected>` (for values that cannot be named usefully). */
  readonly got?: boolean;
}

function rule<V>(parts: RuleParts<V>): OptionRule<V> & { readonly accepts: (value: unknown) => value is V } {
  const describe = parts.describe ?? describeValue;
  return Object.freeze({
    expected: parts.expected,
    accepts: parts.accepts,
    check(value: unknown, option: string, where: string): void {
      if (!parts.accepts(value)) {
        throw new parts.error(`${where}: ${option} must be ${parts.expected}${parts.got === false ? '' : `, got ${describe(value)}`}`);
      }
    },
  });
}

const positiveMs: OptionRule<number> = Object.freeze({
  expected: 'a positive finite number of milliseconds',
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`${where}: ${option} must be a positive finite number of milliseconds, got ${describeNumber(value)}`);
    }
    checkTimerLimit(value, option, where);
  },
});

const positiveNumber = rule<number>({
  expected: 'a positive finite number',
  accepts: (value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0,
  error: RangeError,
  describe: describeNumber,
});

const httpUrl: OptionRule<string | URL> = Object.freeze({
  expected: 'an absolute http: or https: URL',
  check(value: unknown, option: string, where: string): void {
    // A URL may carry credentials: a string that does not parse is named by its length, never shown.
    const url = value instanceof URL ? value : typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
    if (url === undefined) {
      const got = typeof value === 'string' ? `a string that is not one (${value.length} characters)` : describeValue(value);
      throw new TypeError(`${where}: ${option} must be an absolute http: or https: URL, got ${got}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${where}: ${option} must be an absolute http: or https: URL, got a ${url.protocol} URL`);
  },
});

const headers: OptionRule<Readonly<Record<string, string>>> = Object.freeze({
  expected: 'an object of header names to string values',
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TypeError(`${where}: ${option} must be an object of header names to string values, got ${describeValue(value)}`);
    }
    for (const [name, headerValue] of Object.entries(value)) {
      try {
        validateHeaderName(name);
        if (typeof headerValue !== 'string') throw new TypeError('not a string');
        validateHeaderValue(name, headerValue);
      } catch {
        // The value may be a secret: the header is named, its value never shown.
        throw new TypeError(`${where}: ${option}['${name.slice(0, 100)}'] must be a valid header name with a string value`);
      }
    }
  },
});

const nonNegativeMs: OptionRule<number> = Object.freeze({
  expected: 'a non-negative finite number of milliseconds',
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${where}: ${option} must be a non-negative finite number of milliseconds, got ${describeNumber(value)}`);
    }
    checkTimerLimit(value, option, where);
  },
});

/**
 * @internal The rules options are built from: each names its option, the
 * function the user called and what it got in the same words wherever the
 * option is accepted. Shared rules are shared objects: a schema that
 * accepts `defaultTimeoutMs` uses `optionRules.positiveMs` itself.
 *
 * For example, `validateOptions({ delayMs: optionRules.nonNegativeMs }, { delayMs: -1 }, 'FaultProxy.start')`
 * throws `RangeError: FaultProxy.start: delayMs must be a non-negative finite number of milliseconds, got -1`.
 */
export const optionRules = Object.freeze({
  /** A positive finite number of milliseconds, at most {@link MAX_TIMER_MS} (RangeError otherwise). */
  positiveMs,
  /** A non-negative finite number of milliseconds, at most {@link MAX_TIMER_MS} (RangeError otherwise). */
  nonNegativeMs,
  /** `true` or `false` (TypeError otherwise). */
  boolean: rule<boolean>({ expected: 'a boolean', accepts: (value): value is boolean => typeof value === 'boolean', error: TypeError }),
  /** A string with something besides whitespace: a host, a label, a title (TypeError otherwise). */
  nonEmptyString: rule<string>({ expected: 'a non-empty string', accepts: (value): value is string => typeof value === 'string' && value.trim() !== '', error: TypeError }),
  /** A positive finite number, of no particular unit: a threshold (RangeError otherwise). */
  positiveNumber,
  /** An absolute `http:` or `https:` URL, as a string or a `URL` (TypeError otherwise; an unparsable string is named by its length only). */
  httpUrl,
  /** An object of valid HTTP header names to valid string values (TypeError otherwise; a value is never shown). */
  headers,
  /** Any string (TypeError otherwise). */
  string: rule<string>({ expected: 'a string', accepts: (value): value is string => typeof value === 'string', error: TypeError, got: false }),
  /** A function (TypeError otherwise). */
  // Typed `never` so that it fits any function option's type (it has no default to disagree with).
  function: rule<never>({ expected: 'a function', accepts: (value): value is never => typeof value === 'function', error: TypeError, got: false }),
  /** An array of non-empty strings: tags, check names (TypeError otherwise). */
  nonEmptyStrings: rule<readonly string[]>({
    expected: 'an array of non-empty strings',
    accepts: (value): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== ''),
    error: TypeError,
    got: false,
  }),
  /** A string with more than white space, of at most `maxLength` characters (TypeError otherwise). */
  text(maxLength: number): OptionRule<string> & { readonly accepts: (value: unknown) => value is string } {
    return rule<string>({
      expected: `a non-empty string of at most ${maxLength} characters`,
      accepts: (value): value is string => isText(value, maxLength),
      error: TypeError,
      got: false,
    });
  },
  /** An array of at most `maxItems` strings with more than white space, each of at most `maxLength` characters (TypeError otherwise). */
  texts(maxItems: number, maxLength: number): OptionRule<readonly string[]> {
    return rule<readonly string[]>({
      expected: `an array of at most ${maxItems} non-empty strings of at most ${maxLength} characters each`,
      accepts: (value): value is readonly string[] => isListOf(value, maxItems, (item) => isText(item, maxLength)),
      error: TypeError,
      got: false,
    });
  },
  /** An absolute `http:` or `https:` URI with a host, no user name or password, of at most `maxLength` characters (TypeError otherwise). */
  httpUri(maxLength: number): OptionRule<string> & { readonly accepts: (value: unknown) => value is string } {
    return rule<string>({
      expected: `an absolute http: or https: URI of at most ${maxLength} characters, without a user name or password`,
      accepts: (value): value is string => isHttpUri(value, maxLength),
      error: TypeError,
      got: false,
    });
  },
  /** A non-empty string of URI characters only (RFC 3986: a name such as `about`, or a URI), of at most `maxLength` characters (TypeError otherwise). */
  uriToken(maxLength: number): OptionRule<string> & { readonly accepts: (value: unknown) => value is string } {
    return rule<string>({
      expected: `a name or URI of at most ${maxLength} characters (URI characters only)`,
      accepts: (value): value is string => typeof value === 'string' && value.length <= maxLength && URI_CHARACTERS.test(value),
      error: TypeError,
    });
  },
  /** An array of at most `maxItems` URI templates (RFC 6570, such as `/orders/{id}`), each of at most `maxLength` characters (TypeError otherwise). */
  uriTemplates(maxItems: number, maxLength: number): OptionRule<readonly string[]> {
    return rule<readonly string[]>({
      expected: `an array of at most ${maxItems} URI templates (RFC 6570, such as '/orders/{id}') of at most ${maxLength} characters each, without white space`,
      accepts: (value): value is readonly string[] => isListOf(value, maxItems, (item) => isUriTemplate(item, maxLength)),
      error: TypeError,
      got: false,
    });
  },
  /** A positive integer, a number of executions (RangeError otherwise). */
  count: rule<number>({ expected: 'a positive integer (a number of executions)', accepts: isPositiveInteger, error: RangeError }),
  /** A whole number from `min` to `max` (RangeError otherwise). */
  wholeNumber(min: number, max: number): OptionRule<number> {
    return rule<number>({
      expected: `a whole number from ${min} to ${max}`,
      accepts: (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      error: RangeError,
      describe: describeNumber,
    });
  },
  /** A positive integer number of seconds (RangeError otherwise). */
  positiveSeconds: rule<number>({ expected: 'a positive integer number of seconds', accepts: isPositiveInteger, error: RangeError }),
  /** One of `values`, listed quoted in the error (TypeError otherwise). */
  oneOf<V extends string>(values: readonly V[]): OptionRule<V> {
    return rule<V>({
      expected: `one of ${values.map((value) => `'${value}'`).join(', ')}`,
      accepts: (value): value is V => typeof value === 'string' && (values as readonly string[]).includes(value),
      error: TypeError,
    });
  },
  /** A rule of its own: `accepts` decides, the error reads `<where>: <option> must be <expected>, got <value>`. */
  custom<V>(expected: string, accepts: (value: unknown) => value is V, error: typeof TypeError | typeof RangeError = TypeError): OptionRule<V> & { readonly accepts: (value: unknown) => value is V } {
    return rule<V>({ expected, accepts, error });
  },
  /** A nested options object, validated by its own schema; errors name the key as `parent.child`. */
  object<T extends object>(schema: OptionSchema<T>, expected: string): OptionRule<T> {
    return Object.freeze({
      expected,
      schema: schema as object,
      check(value: unknown, option: string, where: string): void {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new TypeError(`${where}: ${option} must be ${expected}, got ${describeValue(value)}`);
        }
        assertKnownKeys(value, Object.keys(schema), where, `${option}.`);
      },
    });
  },
  /** `rule`, refusing `undefined` too. */
  required<V>(base: OptionRule<V>): OptionRule<V> {
    return Object.freeze({ ...base, required: true });
  },
  /** `rule`, with the value an owner uses when the option is left out. */
  withDefault<V>(base: OptionRule<V>, defaultValue: V): OptionRule<V> & { readonly defaultValue: V } {
    return Object.freeze({ ...base, defaultValue });
  },
});
