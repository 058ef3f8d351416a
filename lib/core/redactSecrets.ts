import { REDACTED } from './redactedMarker.js';
import { redactPrivateKeys } from './redactPrivateKeys.js';
import { redactTokens } from './redactTokens.js';

export { REDACTED };

/**
 * A `key=value` / `key: value` / `"key": "value"` parameter: the key is a
 * whole run of name characters (the look-behind makes a failed attempt inside
 * a run cost O(1), so the scan is linear however long the run), then an
 * optional closing quote, then `=` or `:`. The value is parsed by hand.
 */
const parameter = /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)\\*["']?\s*[=:]\s*/g;

/**
 * A command-line flag (`--password`, `-token`, `--api-key`) followed by
 * blanks: its value is the next word. The flag starts a word, and the blanks
 * are one run, so each character is looked at a bounded number of times.
 */
const flag = /(?<![A-Za-z0-9_-])--?([A-Za-z][A-Za-z0-9_-]*)[ \t]+(?=[^\s-])/g;

/** A MySQL/MariaDB client on the command line, whose `-p<password>` (no space) carries the password. */
const mysqlClient = /(?<![A-Za-z0-9_-])(?:mysql|mariadb)[a-z_-]*(?![A-Za-z0-9_])/i;

/** `-p<password>` as a word of its own. */
const mysqlPassword = /(?<![A-Za-z0-9_-])-p(?![\s'"`]|\*\*\*)[^\s'"`]+/g;

/** Key names that are secret wherever they appear in the key (`PGPASSWORD`, `dbPassword`, `x-auth-token`). */
const secretSubstrings = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'accesskey', 'privatekey', 'credential', 'authorization', 'cookie', 'sessionid'];

/** Key names that are secret as a whole word of the key (`api_key`, `AWS_SECRET_ACCESS_KEY`, `userPwd`), but not inside one (`keyboard`, `bypass`). */
const secretWords = new Set(['key', 'keys', 'pwd', 'pw', 'pass', 'auth', 'sig', 'signature']);

/** Authorization schemes kept readable before the redacted credentials (`Bearer ***`). */
const authSchemes = new Set(['bearer', 'basic', 'digest', 'token', 'negotiate', 'ntlm', 'apikey', 'bot', 'aws4-hmac-sha256']);

/** A bearer token anywhere in the text, without an `Authorization:` key before it. */
const bearer = /\b(Bearer[ \t]+)([A-Za-z0-9._~+/-]{8,}=*)/gi;

/** Schemes whose user-only userinfo (`https://ghp_…@github.com`) is a token, not a user name. */
const tokenUserinfoSchemes = new Set(['http', 'https', 'ws', 'wss', 'git+https', 'git+http', 'ftp', 'ftps']);

/** Prefixes of well-known tokens (GitHub, GitLab, Slack, OpenAI/Stripe style, npm). */
const tokenPrefix = /^(?:gh[pousr]_|github_pat_|gl[a-z]{1,5}-|xox[abeoprs]-|sk[-_]|rk_|pk_|npm_|pypi-|AKIA|ASIA|AIza|SG\.|eyJ)/;

/** Characters that end a URL, a value or a token. */
function isBoundary(code: number): boolean {
  // whitespace, quotes, backtick, angle brackets
  return code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x3c || code === 0x3e || code === 0x85 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

/**
 * Replaces the secrets a message may carry with `***`, in time linear in the
 * length of the text:
 *
 * - the password of a URL, even one containing `/`, `#` or `@`
 *   (`postgres://user:p@ss/w#rd@host` → `postgres://user:***@host`), and a
 *   token-only userinfo (`https://ghp_…@github.com` → `https://***@github.com`);
 * - the value of a parameter whose key names a secret: `password=…`,
 *   `PGPASSWORD=…`, `db_password: …`, `"dbPassword": "…"`, `api_key=…`,
 *   `AWS_SECRET_ACCESS_KEY=…`, quoted values with spaces (`password='a b'`);
 * - the credentials of an `Authorization: Bearer …` / `Basic …` header, and a
 *   `Bearer …` token anywhere;
 * - the same assignments inside an escaped JSON string
 *   (`{\\"password\\":\\"…\\"}`), and command-line flags (`--password …`,
 *   `--token=…`, `mysql -p…`);
 * - the body of private-key blocks (PEM, OpenSSH, PGP) and every token of a
 *   well-known format ({@link redactTokens}: AWS, Google, Azure, GitHub,
 *   GitLab, Slack, Stripe, npm, PyPI, OpenAI, Anthropic, Twilio, SendGrid,
 *   JWTs, webhook URLs, …).
 *
 * Prose stays readable: `password policy`, `token bucket`, `keyboard=us`.
 *
 * @param text - The text to redact.
 * @param truncated - Whether `text` was cut from a longer text: a URL that
 *   runs to its end with a `user:` part and no `@` is then redacted too, since
 *   its `@` may have been cut off.
 * @internal
 */
export function redactSecrets(text: string, truncated = false): string {
  return redactTokens(redactBearers(redactCommandLines(redactParameters(redactUrls(redactPrivateKeys(text), truncated)))));
}

function redactUrls(text: string, truncated: boolean): string {
  let out = '';
  let copied = 0; // text before this index is in `out`
  let floor = 0; // the scheme of the next URL cannot reach back before this index
  let marker = text.indexOf('://');
  while (marker !== -1) {
    // The scheme: letters, digits, + . - before `://`, starting with a letter.
    let start = marker;
    while (start > floor && isSchemeChar(text.charCodeAt(start - 1))) start -= 1;
    while (start < marker && !isLetter(text.charCodeAt(start))) start += 1;
    const authorityStart = marker + 3;
    // The URL runs to the first boundary, or to the scheme of the next URL in the same token.
    const next = text.indexOf('://', authorityStart);
    const limit = next === -1 ? text.length : next;
    let end = authorityStart;
    while (end < limit && !isBoundary(text.charCodeAt(end))) end += 1;
    if (end === next) {
      while (end > authorityStart && isSchemeChar(text.charCodeAt(end - 1))) end -= 1;
    }
    floor = end;
    marker = next;
    if (start === authorityStart - 3) continue; // no scheme
    let at = end - 1;
    while (at >= authorityStart && text.charCodeAt(at) !== 0x40) at -= 1;
    let userinfo: string;
    let rest: string;
    if (at >= authorityStart) {
      userinfo = text.slice(authorityStart, at);
      rest = text.slice(at, end);
    } else if (truncated && end === text.length) {
      // Cut before its `@`: a `user:` prefix may be the start of a password.
      userinfo = text.slice(authorityStart, end);
      rest = '';
    } else {
      continue;
    }
    const redacted = redactUserinfo(text.slice(start, authorityStart - 3).toLowerCase(), userinfo, rest === '');
    if (redacted === userinfo) continue;
    out += text.slice(copied, authorityStart) + redacted + rest;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function redactUserinfo(scheme: string, userinfo: string, cut: boolean): string {
  const colon = userinfo.indexOf(':');
  if (colon === -1) {
    if (userinfo === '' || userinfo.includes('/')) return userinfo;
    if (cut) return tokenPrefix.test(userinfo) ? REDACTED : userinfo; // most likely a host whose path was cut off
    const looksLikeToken = tokenUserinfoSchemes.has(scheme) || tokenPrefix.test(userinfo) || (userinfo.length >= 20 && /\d/.test(userinfo));
    return looksLikeToken ? REDACTED : userinfo;
  }
  const user = userinfo.slice(0, colon);
  if (user.includes('/')) return userinfo; // a path segment with `:` in it, not a user name
  if (cut && /^\d*(?:[/?#]|$)/.test(userinfo.slice(colon + 1))) return userinfo; // `host:8080/…` cut off: a port, not a password
  return colon === userinfo.length - 1 ? userinfo : `${user}:${REDACTED}`;
}

function isSchemeChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function redactParameters(text: string): string {
  let out = '';
  let copied = 0;
  parameter.lastIndex = 0;
  for (let match = parameter.exec(text); match !== null; match = parameter.exec(text)) {
    const key = match[1] ?? '';
    if (!isSecretKey(key)) continue;
    const valueStart = match.index + match[0].length;
    const value = valueSpan(text, valueStart, key);
    if (value === undefined) continue;
    out += text.slice(copied, value.start) + value.replacement;
    copied = value.end;
    parameter.lastIndex = value.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** A file name (`secrets.yaml`, `token.json`): its `:12` or `:12:5` is a line position, not a value. */
const fileName = /\.(?:ya?ml|json5?|[cm]?[jt]s|env|toml|ini|conf|cfg|txt|pem|key|properties|xml|sh|py|go|rb)$/i;
const linePosition = /^\d+(?::\d+)?:?$/;

function isLinePosition(key: string, value: string): boolean {
  return linePosition.test(value) && fileName.test(key);
}

interface ValueSpan {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/**
 * How far the value after a secret key's separator runs, and what replaces it; `undefined` when there is none to
 * redact (the value of a file name `key` that is a line position, `secrets.yaml:12:`, included).
 */
function valueSpan(text: string, start: number, key = ''): ValueSpan | undefined {
  if (text.startsWith(REDACTED, start)) return undefined;
  const quoted = quotedSpan(text, start);
  if (quoted !== null) return quoted;
  let end = unquotedEnd(text, start);
  if (end === start || isLinePosition(key, text.slice(start, end))) return undefined;
  // `key: token='…'`: the value is itself a parameter's name and separator, and the secret is that parameter's value
  // (quoted, or after blanks): redacted with it, not left behind it. A loop, not recursion, however many there are.
  const own = end;
  while (isSeparator(text.charCodeAt(end - 1))) {
    let next = end;
    while (next < text.length && isBlank(text.charCodeAt(next))) next += 1;
    const nested = quotedSpan(text, next);
    if (nested !== null) {
      if (nested !== undefined) end = nested.end;
      break;
    }
    const nestedEnd = unquotedEnd(text, next);
    if (nestedEnd === next) break;
    end = nestedEnd;
  }
  if (end > own) return { start, end, replacement: REDACTED };
  if (authSchemes.has(text.slice(start, end).toLowerCase())) {
    // `Authorization: Bearer <credentials>`: keep the scheme, redact what follows it.
    let credentials = end;
    while (credentials < text.length && (text[credentials] === ' ' || text[credentials] === '\t')) credentials += 1;
    let credentialsEnd = credentials;
    while (credentialsEnd < text.length && !isValueEnd(text.charCodeAt(credentialsEnd))) credentialsEnd += 1;
    if (credentials > end && credentialsEnd > credentials) return { start: credentials, end: credentialsEnd, replacement: REDACTED };
    if (credentials === text.length) return undefined; // the scheme alone ends the text: nothing secret yet (a next error may hold the credentials)
  }
  return { start, end, replacement: REDACTED };
}

/**
 * The span of a quoted value starting at `start`, possibly inside an escaped string (`\"…\"`: the same run of
 * backslashes before its quotes); `undefined` when it is empty or cannot be delimited, `null` when no quoted value
 * starts there.
 */
function quotedSpan(text: string, start: number): ValueSpan | undefined | null {
  let quoteAt = start;
  while (text.charCodeAt(quoteAt) === 0x5c) quoteAt += 1;
  const first = text[quoteAt];
  if (first === '"' || first === "'") {
    const opening = text.slice(start, quoteAt + 1);
    const close = closingQuote(text, quoteAt + 1, first, quoteAt - start);
    if (close === -1) return { start, end: text.length, replacement: `${opening}${REDACTED}` }; // unterminated: the rest may all be secret
    if (close === quoteAt + 1) return undefined; // an empty value
    return { start, end: close + opening.length, replacement: `${opening}${REDACTED}${opening}` };
  }
  if (quoteAt > start) return undefined; // backslashes before anything but a quote: not a value we can delimit
  return null;
}

/** Where an unquoted value starting at `start` ends (`start` itself when there is none). */
function unquotedEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && !isValueEnd(text.charCodeAt(end))) end += 1;
  return end;
}

/** `=` or `:`, which end a parameter's name. */
function isSeparator(code: number): boolean {
  return code === 0x3d || code === 0x3a;
}

/** A space, a tab or a line break. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * The index of the closing sequence of a quoted value opened by `depth`
 * backslashes and `quote` (where that sequence starts), or -1. Unescaped
 * (`depth` 0), a quote closes after an even run of backslashes; escaped once
 * (`\"…\"`, JSON inside a JSON string), after exactly one, or one plus a
 * multiple of four (escaped backslashes); an escaped quote inside (`\\\"`) does not close.
 */
function closingQuote(text: string, from: number, quote: string, depth: number): number {
  let run = 0;
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) {
      run += 1;
      continue;
    }
    if (text[index] === quote && closes(run, depth)) return index - depth;
    run = 0;
  }
  return -1;
}

function closes(run: number, depth: number): boolean {
  if (depth === 0) return run % 2 === 0;
  return run >= depth && (run - depth) % (2 * (depth + 1)) === 0;
}

function isValueEnd(code: number): boolean {
  // whitespace, & ; , " ' ) } ] < > `
  return isBoundary(code) || code === 0x26 || code === 0x3b || code === 0x2c || code === 0x29 || code === 0x7d || code === 0x5d;
}

/** Whether a parameter key names a secret: it contains a secret word (`PGPASSWORD`), or one of its words is one (`api_key`, `userPwd`). */
function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  const squashed = lower.replace(/[^a-z0-9]+/g, '');
  if (secretSubstrings.some((word) => squashed.includes(word))) return true;
  for (const word of words(key)) {
    if (secretWords.has(word)) return true;
  }
  return false;
}

/** The words of a key: split at `_`, `-`, `.`, digits and camelCase boundaries, lowercased. */
function words(key: string): string[] {
  const result: string[] = [];
  let current = '';
  for (let index = 0; index < key.length; index += 1) {
    const character = key[index] ?? '';
    const code = key.charCodeAt(index);
    if (!isLetter(code)) {
      if (current !== '') result.push(current.toLowerCase());
      current = '';
      continue;
    }
    const upper = code <= 0x5a;
    const previousLower = index > 0 && key.charCodeAt(index - 1) >= 0x61 && key.charCodeAt(index - 1) <= 0x7a;
    if (upper && previousLower && current !== '') {
      result.push(current.toLowerCase());
      current = '';
    }
    current += character;
  }
  if (current !== '') result.push(current.toLowerCase());
  return result;
}

function redactBearers(text: string): string {
  return text.replace(bearer, (_match, prefix: string) => `${prefix}${REDACTED}`);
}

/** Redacts the word after a secret flag (`--password hunter2` → `--password ***`) and a MySQL client's `-p<password>`. */
function redactCommandLines(text: string): string {
  if (!text.includes('-')) return text;
  let out = '';
  let copied = 0;
  flag.lastIndex = 0;
  for (let match = flag.exec(text); match !== null; match = flag.exec(text)) {
    if (!isSecretKey(match[1] ?? '')) continue;
    const value = valueSpan(text, match.index + match[0].length);
    if (value === undefined) continue;
    out += text.slice(copied, value.start) + value.replacement;
    copied = value.end;
    flag.lastIndex = value.end;
  }
  const redacted = copied === 0 ? text : out + text.slice(copied);
  return mysqlClient.test(redacted) ? redacted.replace(mysqlPassword, `-p${REDACTED}`) : redacted;
}
