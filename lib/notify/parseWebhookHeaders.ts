import { validateHeaderName, validateHeaderValue } from 'node:http';

/**
 * @internal Checks the extra request headers of a webhook: an object of
 * valid names and string values, returned with lower-cased names. A value is
 * never echoed in the error (it may be a credential).
 *
 * @throws TypeError naming `owner` and the header otherwise.
 */
export function parseWebhookHeaders(headers: unknown, owner: string): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) throw new TypeError(`${owner}: headers must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      if (typeof value !== 'string') throw new TypeError('not a string');
      validateHeaderValue(name, value);
    } catch {
      throw new TypeError(`${owner}: header '${name.slice(0, 100)}' must have a valid name and a string value`);
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}
