/**
 * The shapes of secrets real error messages carry, and the near-misses that
 * must stay readable. Shared by the redaction specs of the core, the
 * serializers, process warnings and the CLI: import it, put `text` wherever
 * a check or caller controls text, and assert that no string of `secrets`
 * comes out (and, where `redacted` is given, exactly what does).
 */
export interface RedactionCase {
  /** What the case is about, for the spec title. */
  readonly name: string;
  /** Text carrying a secret. */
  readonly text: string;
  /** Each must be absent from any output (long enough not to occur by chance). */
  readonly secrets: readonly string[];
  /** The exact result of redactSecrets(text), when pinned. */
  readonly redacted?: string;
}

/** Text that holds no secret and must come out unchanged. */
export interface ReadableCase {
  readonly name: string;
  readonly text: string;
}

const long = 'x'.repeat(470);

export const redactionCorpus: readonly RedactionCase[] = [
  // URL credentials
  { name: 'a URL password', text: 'postgres://user:hunter2pw@db:5432/app', secrets: ['hunter2pw'], redacted: 'postgres://user:***@db:5432/app' },
  { name: 'an AMQP URL password in prose', text: 'connect to amqp://guest:gu3stpw@127.0.0.1:5672/ failed', secrets: ['gu3stpw'], redacted: 'connect to amqp://guest:***@127.0.0.1:5672/ failed' },
  { name: 'a password-only Redis URL', text: 'redis://:0nlyPassw0rd@cache:6379', secrets: ['0nlyPassw0rd'], redacted: 'redis://:***@cache:6379' },
  { name: 'a percent-encoded URL password', text: 'mongodb+srv://app:p%40ss%2Fw0rd@cluster0.example.net/test', secrets: ['p%40ss', 'w0rd'], redacted: 'mongodb+srv://app:***@cluster0.example.net/test' },
  { name: 'a URL password containing /', text: 'postgres://app:pa/ss/w0rdz@db/app', secrets: ['pa/ss', 'w0rdz'], redacted: 'postgres://app:***@db/app' },
  { name: 'a URL password containing #', text: 'postgres://app:pa#ssw0rdz@db/app', secrets: ['pa#ss', 'ssw0rdz'], redacted: 'postgres://app:***@db/app' },
  { name: 'a URL password containing @', text: 'postgres://app:p@ssw0rdz@db/app', secrets: ['p@ss', 'ssw0rdz'], redacted: 'postgres://app:***@db/app' },
  { name: 'a URL password containing / # and @', text: 'amqps://app:a/b#c@d3f9@broker:5671/vhost', secrets: ['a/b#c', 'd3f9'], redacted: 'amqps://app:***@broker:5671/vhost' },
  { name: 'a token-only userinfo', text: 'git fetch https://ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@github.com/acme/app.git', secrets: ['ghp_xxxx'], redacted: 'git fetch https://***@github.com/acme/app.git' },
  { name: 'a short token-only userinfo', text: 'https://ghp_xxx@github.com', secrets: ['ghp_xxx'], redacted: 'https://***@github.com' },
  { name: 'a GitLab token as userinfo', text: 'clone git+https://glpat-AbCdEf123456@gitlab.example.com/x.git', secrets: ['glpat-AbCdEf123456'] },
  { name: 'a URL inside a query string', text: 'GET https://proxy.local/?next=postgres://u:n3stedPw@db/app', secrets: ['n3stedPw'] },
  { name: 'two URLs in one token', text: 'primary=redis://:firstPw1@a:6379,replica=redis://:secondPw2@b:6379', secrets: ['firstPw1', 'secondPw2'] },
  { name: 'a URL at the start of a quoted string', text: "'postgres://u:qu0tedPw@db/app'", secrets: ['qu0tedPw'] },
  { name: 'a URL password cut by the display limit', text: `${long} postgres://user:abcdefghijklmnopqrstuvwxyz0123456789@db.example.com/app`, secrets: ['abcdefghij', 'abcd'] },
  // Authorization headers and bearer tokens
  { name: 'an Authorization: Bearer header', text: 'request failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig (401)', secrets: ['eyJhbGciOiJIUzI1NiJ9'], redacted: 'request failed: Authorization: Bearer *** (401)' },
  { name: 'an Authorization: Basic header', text: 'Authorization: Basic dXNlcjpodW50ZXIy', secrets: ['dXNlcjpodW50ZXIy'], redacted: 'Authorization: Basic ***' },
  { name: 'a lowercase authorization header', text: 'authorization: bearer abc.def.ghi123', secrets: ['abc.def.ghi123'], redacted: 'authorization: bearer ***' },
  { name: 'a Proxy-Authorization header', text: 'Proxy-Authorization: Basic cHJveHk6c2VjcmV0', secrets: ['cHJveHk6c2VjcmV0'] },
  { name: 'an Authorization header in JSON', text: '{"headers":{"Authorization":"Bearer jsonTok3n.abc"}}', secrets: ['jsonTok3n'], redacted: '{"headers":{"Authorization":"***"}}' },
  { name: 'a bare Bearer token', text: 'sent Bearer abcdef0123456789xyz to the API', secrets: ['abcdef0123456789xyz'], redacted: 'sent Bearer *** to the API' },
  // Environment-style keys
  { name: 'AWS_SECRET_ACCESS_KEY=', text: 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY', secrets: ['wJalrXUtnFEMI'], redacted: 'AWS_SECRET_ACCESS_KEY=***' },
  { name: 'PGPASSWORD=', text: 'env PGPASSWORD=pgS3cret psql -h db', secrets: ['pgS3cret'], redacted: 'env PGPASSWORD=*** psql -h db' },
  { name: 'db_password=', text: 'host=db db_password=dbS3cret user=app', secrets: ['dbS3cret'], redacted: 'host=db db_password=*** user=app' },
  { name: 'password=', text: 'host=db password=hunter2 user=app', secrets: ['hunter2'], redacted: 'host=db password=*** user=app' },
  { name: 'a key containing secret', text: 'CLIENT_SECRET_VALUE=cl13ntS3cret', secrets: ['cl13ntS3cret'], redacted: 'CLIENT_SECRET_VALUE=***' },
  { name: 'a key containing token', text: 'x-auth-token: t0kenValue9', secrets: ['t0kenValue9'], redacted: 'x-auth-token: ***' },
  { name: 'a key ending in _KEY', text: 'STRIPE_API_KEY=sk_live_abc123', secrets: ['sk_live_abc123'], redacted: 'STRIPE_API_KEY=***' },
  { name: 'api_key=', text: '?api_key=ap1KeyValue&x=1', secrets: ['ap1KeyValue'], redacted: '?api_key=***&x=1' },
  { name: 'apiKey= in a query string', text: '?apiKey=abc123xyz&x=1', secrets: ['abc123xyz'], redacted: '?apiKey=***&x=1' },
  { name: 'access_key=', text: 'access_key=acc3ssKey, region=eu', secrets: ['acc3ssKey'], redacted: 'access_key=***, region=eu' },
  { name: 'private_key=', text: 'private_key=pr1vateKeyMaterial', secrets: ['pr1vateKeyMaterial'], redacted: 'private_key=***' },
  { name: 'access_token= in a URL', text: 'https://api.example.com/v1?access_token=acc3ssTok&page=2', secrets: ['acc3ssTok'], redacted: 'https://api.example.com/v1?access_token=***&page=2' },
  { name: 'pwd=', text: 'pwd=abcPwd9; other=1', secrets: ['abcPwd9'], redacted: 'pwd=***; other=1' },
  { name: 'a CLI flag', text: 'ran: psql --password=flagS3cret -h db', secrets: ['flagS3cret'], redacted: 'ran: psql --password=*** -h db' },
  // camelCase and JSON
  { name: 'camelCase dbPassword=', text: 'dbPassword=camelS3cret', secrets: ['camelS3cret'], redacted: 'dbPassword=***' },
  { name: 'JSON "dbPassword": "…"', text: '{"user":"app","dbPassword": "js0nS3cret"}', secrets: ['js0nS3cret'], redacted: '{"user":"app","dbPassword": "***"}' },
  { name: 'JSON "password":"…"', text: '{"password":"x1x1x1","user":"u"}', secrets: ['x1x1x1'], redacted: '{"password":"***","user":"u"}' },
  { name: 'JSON with an escaped quote in the value', text: '{"secret":"ab\\"cdQuoted","n":1}', secrets: ['cdQuoted'], redacted: '{"secret":"***","n":1}' },
  { name: 'a camelCase userPwd', text: 'userPwd: p4ssCamel', secrets: ['p4ssCamel'], redacted: 'userPwd: ***' },
  // Quoted values
  { name: 'a single-quoted value with a space', text: "password='hunter2 x' host=db", secrets: ['hunter2'], redacted: "password='***' host=db" },
  { name: 'a double-quoted value with spaces', text: 'Password: "quoted secret words" rest', secrets: ['quoted secret words', 'secret words'], redacted: 'Password: "***" rest' },
  { name: 'an unterminated quoted value', text: 'token="unterminatedT0ken and more', secrets: ['unterminatedT0ken', 'and more'], redacted: 'token="***' },
  { name: 'spaces around the separator', text: 'password = spacedPw1', secrets: ['spacedPw1'], redacted: 'password = ***' },
  { name: 'a value after a line break', text: 'password=\n  brokenLinePw', secrets: ['brokenLinePw'] },
  // Cookies
  { name: 'a Cookie header', text: 'Cookie: session=c00kieValue; theme=dark', secrets: ['c00kieValue'] },
];

export const readableCorpus: readonly ReadableCase[] = [
  { name: 'password policy prose', text: 'password policy requires 12 characters' },
  { name: 'password authentication failure', text: 'password authentication failed for user "app"' },
  { name: 'token bucket', text: 'token bucket empty, retry in 3 s' },
  { name: 'keyboard', text: 'keyboard=us layout loaded' },
  { name: 'monkey', text: 'monkey=banana' },
  { name: 'bypass', text: 'bypass=1' },
  { name: 'a refused connection', text: 'connect ECONNREFUSED 127.0.0.1:5432' },
  { name: 'a URL with a port and no credentials', text: 'GET https://example.com:8443/health returned 503' },
  { name: 'a URL with a user name only', text: 'amqp://guest@host' },
  { name: 'a database URL with a user name only', text: 'postgres://postgres@localhost:5432/app' },
  { name: 'a path with @', text: 'https://github.com/@acme/app' },
  { name: 'a timeout', text: 'timeout: did not finish within 800 ms' },
  { name: 'Bearer as a word', text: 'Bearer of bad news' },
  { name: 'a key rotation notice', text: 'key rotation finished; secret manager reachable' },
];
