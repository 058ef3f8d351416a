const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#]*):([^\s@/?#]*)@/gi;
const secretParameter =
  /(\b(?:password|passwd|pwd|pass|secret|client_secret|token|access_token|refresh_token|api[_-]?key|access[_-]?key|private[_-]?key)["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,"')}\]]+)/gi;

/** The text that replaces a redacted secret. */
export const REDACTED = '***';

/**
 * @internal Replaces the secrets a message may carry with `***`: the
 * password of a URL (`postgres://user:secret@host` → `postgres://user:***@host`)
 * and the value of `password=...`, `token: ...`, `"apiKey": "..."` style
 * parameters.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(urlCredentials, (_match, scheme: string, user: string, password: string) => `${scheme}${user}:${password === '' ? '' : REDACTED}@`)
    .replace(secretParameter, (_match, key: string) => `${key}${REDACTED}`);
}
