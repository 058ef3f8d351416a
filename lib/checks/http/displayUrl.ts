import { REDACTED, redactSecrets } from '../../core/redactSecrets.js';

/** A path segment that reads as a capability token: 32 or more letters, digits, `_` or `-`, with both letters and digits, and not a UUID. */
const tokenSegment = /^(?=[^/]*[0-9])(?=[^/]*[A-Za-z])(?![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$)[A-Za-z0-9_-]{32,}$/;

/**
 * @internal A URL as messages show it: without its credentials (a user name
 * alone is a token for http(s), so it goes too) and with the values of secret
 * query parameters (`token=`, `api_key=`, `password=`, …) replaced by `***`,
 * and so are path segments that are secrets: a token of a well-known format,
 * the secret path of a webhook URL, or a segment of 32 or more letters and
 * digits (a capability URL's key).
 */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  const hadCredentials = shown.username !== '' || shown.password !== '';
  shown.username = '';
  shown.password = '';
  if (shown.pathname.length > 32) shown.pathname = shown.pathname.split('/').map((segment) => (tokenSegment.test(segment) ? REDACTED : segment)).join('/');
  const text = redactSecrets(shown.href);
  return hadCredentials ? text.replace('://', '://***@') : text;
}
