/**
 * @internal Parses a webhook URL: absolute, `http:` or `https:`, without
 * credentials. The value is never echoed in the error (it may be a secret).
 *
 * @throws TypeError naming `owner` otherwise.
 */
export function parseWebhookUrl(value: unknown, owner: string): URL {
  let url: URL;
  try {
    if (!(value instanceof URL) && typeof value !== 'string') throw new TypeError('not a string');
    url = new URL(String(value));
  } catch {
    throw new TypeError(`${owner}: url must be an absolute http: or https: URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${owner}: url must be an http: or https: URL, got ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new TypeError(`${owner}: url must not carry credentials; send them in headers (Authorization)`);
  return url;
}
