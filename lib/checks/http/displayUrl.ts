import { redactSecrets } from '../../core/redactSecrets.js';

/**
 * @internal A URL as messages show it: without its credentials (a user name
 * alone is a token for http(s), so it goes too) and with the values of secret
 * query parameters (`token=`, `api_key=`, `password=`, …) replaced by `***`.
 */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  const hadCredentials = shown.username !== '' || shown.password !== '';
  shown.username = '';
  shown.password = '';
  const text = redactSecrets(shown.href);
  return hadCredentials ? text.replace('://', '://***@') : text;
}
