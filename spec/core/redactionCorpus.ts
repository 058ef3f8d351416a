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


/** One example of a token format secret scanners recognise, and the part of it that must never come out. */
export interface SecretFormat {
  /** The format, as the rule sets name it. */
  readonly name: string;
  /** The whole secret as a program would print it. */
  readonly secret: string;
  /** Each must be absent from any output: the secret's random part (a readable prefix such as `ghp_` may stay). */
  readonly hidden: readonly string[];
}

/**
 * Joins the parts of a fake secret. The examples are format-valid but plainly
 * fake (FAKE, EXAMPLE, 0123…), and are built at run time so that no token of a
 * real format sits whole in the source, out of the way of push protection.
 */
function join(...parts: string[]): string {
  return parts.join('');
}

const alnum36 = 'FAKE0EXAMPLE0abcdefghijklmnop0123456'; // 36 letters and digits
const hex32 = '0123456789abcdef0123456789abcdef';
const jwtBody = join('eyJ', 'zdWIiOiJGQUtFLUVYQU1QTEUiLCJpYXQiOjE3MDAwMDAwMDB9');
const jwtSignature = 'FAKEsignatureEXAMPLE_0123456789-abcdefghijklmn';
const pemBody = 'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwFAKEpemBODYexample';
const sshBody = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQFAKEsshBODY';

/** One example per token format (the list of docs/notes: AWS, Google, Azure, GitHub, GitLab, Slack, Stripe, npm, PyPI, OpenAI, Anthropic, Twilio, SendGrid, JWT, private keys, …). */
export const secretFormats: readonly SecretFormat[] = [
  { name: 'AWS access key ID (AKIA)', secret: join('AK', 'IA', 'FAKEEXAMPLE23456'), hidden: ['FAKEEXAMPLE23456'] },
  { name: 'AWS temporary access key ID (ASIA)', secret: join('AS', 'IA', 'FAKEEXAMPLE65432'), hidden: ['FAKEEXAMPLE65432'] },
  { name: 'AWS secret access key (assignment)', secret: join('aws_secret_access_key=', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEYEXA'), hidden: ['wJalrXUtnFEMI/K7MDENG'] },
  { name: 'AWS secret access key (JSON)', secret: join('{"SecretAccessKey": "', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEYEXB', '"}'), hidden: ['wJalrXUtnFEMI/K7MDENG'] },
  { name: 'Google API key', secret: join('AI', 'za', 'SyFAKE-EXAMPLE_0123456789abcdefghi'), hidden: ['SyFAKE-EXAMPLE_0123456789'] },
  { name: 'Google OAuth client secret', secret: join('GOC', 'SPX-', 'FAKEexample0123456789abcd'), hidden: ['FAKEexample0123456789'] },
  { name: 'Google OAuth access token', secret: join('ya', '29.', 'a0FAKEexample0123456789abcdefghijkl'), hidden: ['a0FAKEexample0123456789'] },
  {
    name: 'GCP service account private_key (JSON)',
    secret: join('{"type": "service_account", "private_key_id": "', hex32, 'ffff", "private_key": "-----BEGIN PRIVATE KEY-----\\n', pemBody, '\\n-----END PRIVATE KEY-----\\n"}'),
    hidden: [pemBody.slice(0, 30), `${hex32}ffff`],
  },
  { name: 'Azure storage AccountKey', secret: join('DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=', 'FAKE+EXAMPLE/key0123456789abcdefghijABCDEFGHIJ==', ';EndpointSuffix=core.windows.net'), hidden: ['FAKE+EXAMPLE/key0123456789'] },
  { name: 'Azure SAS signature', secret: join('https://fake.blob.core.windows.net/c/b?sv=2022-11-02&se=2030-01-01&sig=', 'FAKE%2BEXAMPLEsig0123456789%3D'), hidden: ['FAKE%2BEXAMPLEsig0123456789'] },
  { name: 'Azure AD client secret', secret: join('abc', '8Q~', 'FAKE.EXAMPLE_secret-0123456789abcdef'), hidden: ['FAKE.EXAMPLE_secret-0123456789'] },
  { name: 'Azure client secret (assignment)', secret: join('AZURE_CLIENT_SECRET=', 'FakeAzureClientSecret0123'), hidden: ['FakeAzureClientSecret0123'] },
  { name: 'GitHub personal access token (ghp_)', secret: join('gh', 'p_', alnum36), hidden: [alnum36] },
  { name: 'GitHub OAuth token (gho_)', secret: join('gh', 'o_', alnum36), hidden: [alnum36] },
  { name: 'GitHub user-to-server token (ghu_)', secret: join('gh', 'u_', alnum36), hidden: [alnum36] },
  { name: 'GitHub server-to-server token (ghs_)', secret: join('gh', 's_', alnum36), hidden: [alnum36] },
  { name: 'GitHub refresh token (ghr_)', secret: join('gh', 'r_', alnum36, alnum36), hidden: [alnum36] },
  { name: 'GitHub fine-grained token (github_pat_)', secret: join('github', '_pat_', '11FAKEEXA0', alnum36, '_', alnum36.slice(0, 30)), hidden: [alnum36] },
  { name: 'GitLab personal access token', secret: join('gl', 'pat-', 'FAKEexample-0123456789'), hidden: ['FAKEexample-0123456789'] },
  { name: 'Slack bot token (xoxb-)', secret: join('xo', 'xb-', '0123456789-0123456789012-FAKEexampleTOKEN0123'), hidden: ['0123456789012-FAKEexample'] },
  { name: 'Slack user token (xoxp-)', secret: join('xo', 'xp-', '0123456789-0123456789-0123456789012-', hex32), hidden: [hex32] },
  { name: 'Slack legacy workspace token (xoxa-)', secret: join('xo', 'xa-', '2-0123456789-FAKEexample0123'), hidden: ['0123456789-FAKEexample0123'] },
  { name: 'Slack refresh token (xoxr-)', secret: join('xo', 'xr-', '0123456789-FAKEexample0123'), hidden: ['0123456789-FAKEexample0123'] },
  { name: 'Slack incoming webhook URL', secret: join('https://hooks.', 'slack.com/services/', 'T00000000/B00000000/FAKEEXAMPLEwebhook012345'), hidden: ['T00000000/B00000000', 'FAKEEXAMPLEwebhook012345'] },
  { name: 'Stripe live secret key', secret: join('sk', '_live_', 'FAKEexample0123456789abcd'), hidden: ['FAKEexample0123456789abcd'] },
  { name: 'Stripe test secret key', secret: join('sk', '_test_', 'FAKEexample0123456789abce'), hidden: ['FAKEexample0123456789abce'] },
  { name: 'Stripe restricted key', secret: join('rk', '_live_', 'FAKEexample0123456789abcf'), hidden: ['FAKEexample0123456789abcf'] },
  { name: 'npm access token', secret: join('np', 'm_', alnum36), hidden: [alnum36] },
  { name: 'PyPI upload token', secret: join('py', 'pi-', 'AgEIcHlwaS5vcmc', 'CJFAKEexample0123456789abcdefghijklmnop'), hidden: ['CJFAKEexample0123456789'] },
  { name: 'OpenAI project key (sk-proj-)', secret: join('sk', '-proj-', 'FAKEexample0123456789abcdefghijklmnopqrstuvwxyz_ABCDEFGH'), hidden: ['FAKEexample0123456789abcdefghij'] },
  { name: 'OpenAI legacy key (T3BlbkFJ)', secret: join('sk', '-', 'FAKEexample012345678a', 'T3Blbk', 'FJ', 'FAKEexample012345678b'), hidden: ['FAKEexample012345678a', 'FAKEexample012345678b'] },
  { name: 'Anthropic API key (sk-ant-)', secret: join('sk', '-ant-', 'api03-FAKEexample0123456789abcdefghijklmnopqrstuvwxyz-AA'), hidden: ['FAKEexample0123456789abcdefghij'] },
  { name: 'Twilio API key SID (SK)', secret: join('S', 'K', hex32), hidden: [hex32] },
  { name: 'Twilio account SID (AC)', secret: join('A', 'C', 'fedcba9876543210fedcba9876543210'), hidden: ['fedcba9876543210fedcba9876543210'] },
  { name: 'SendGrid API key', secret: join('S', 'G.', 'FAKEexample0123456789ab', '.', 'FAKEexample0123456789abcdefghijklmnopqrstuvwx'), hidden: ['FAKEexample0123456789ab', 'FAKEexample0123456789abcdefghij'] },
  { name: 'bare JWT', secret: join('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', jwtBody, '.', jwtSignature), hidden: [jwtBody, jwtSignature] },
  { name: 'PEM private-key block (whole body)', secret: join('-----BEGIN RSA ', 'PRIVATE KEY-----\n', pemBody, '\n', pemBody.split('').reverse().join(''), '\n-----END RSA PRIVATE KEY-----'), hidden: [pemBody.slice(0, 20), pemBody.split('').reverse().join('').slice(0, 20)] },
  { name: 'PKCS#8 private-key block on one line', secret: join('-----BEGIN ', 'PRIVATE KEY----- ', pemBody, ' -----END PRIVATE KEY-----'), hidden: [pemBody.slice(0, 20)] },
  { name: 'OpenSSH private-key block', secret: join('-----BEGIN OPENSSH ', 'PRIVATE KEY-----\n', sshBody, '\n-----END OPENSSH PRIVATE KEY-----'), hidden: [sshBody.slice(0, 24)] },
  { name: 'private-key block cut before its END line', secret: join('-----BEGIN EC ', 'PRIVATE KEY-----\n', pemBody), hidden: [pemBody.slice(0, 20)] },
  { name: 'basic-auth URL', secret: 'https://deploy:FakeBasicAuthPw0@registry.example.com/v2/', hidden: ['FakeBasicAuthPw0'] },
  { name: 'password= assignment', secret: 'password=FakeAssignPw01', hidden: ['FakeAssignPw01'] },
  { name: 'secret: assignment', secret: 'client_secret: FakeClientSecret02', hidden: ['FakeClientSecret02'] },
  { name: 'token in single quotes', secret: "token='FakeQuotedToken03'", hidden: ['FakeQuotedToken03'] },
  { name: 'key in JSON', secret: '{"api_key":"FakeJsonApiKey04"}', hidden: ['FakeJsonApiKey04'] },
  { name: 'password in escaped JSON', secret: String.raw`{\"user\":\"app\",\"password\":\"FakeEscapedPw05\"}`, hidden: ['FakeEscapedPw05'] },
  { name: 'token in escaped JSON with an escaped quote inside', secret: String.raw`{\"token\":\"Fake\\\"EscapedTok06\"}`, hidden: ['EscapedTok06'] },
  { name: 'command line --password X', secret: 'pg_dump --password FakeFlagPw07 -h db', hidden: ['FakeFlagPw07'] },
  { name: 'command line --password=X', secret: 'psql --password=FakeFlagPw08 -h db', hidden: ['FakeFlagPw08'] },
  { name: 'command line mysql -pX', secret: 'mysql -h db -u app -pFakeMysqlPw09 app', hidden: ['FakeMysqlPw09'] },
  { name: 'HashiCorp Vault token', secret: join('hv', 's.', 'FAKEexample0123456789abcdefgh'), hidden: ['FAKEexample0123456789'] },
  { name: 'Hugging Face token', secret: join('h', 'f_', 'FAKEexampleabcdefghijklmnopqrstuv'), hidden: ['FAKEexampleabcdefghij'] },
  { name: 'DigitalOcean token', secret: join('do', 'p_v1_', hex32, hex32), hidden: [hex32] },
  { name: 'Telegram bot token in a Bot API URL', secret: join('https://api.telegram.org/bot', '123456789', ':AA', 'FAKEexample0123456789abcdefghijklmn', '/getMe'), hidden: ['FAKEexample0123456789'] },
  { name: 'Discord webhook URL', secret: join('https://discord.com/api/', 'webhooks/', '123456789012345678/FAKEexample-webhook_token0123456789'), hidden: ['FAKEexample-webhook_token'] },
];

/** The corpus case of a token format: the secret in a message as a driver or SDK would write it. */
function formatCase(format: SecretFormat): RedactionCase {
  return { name: format.name, text: `request failed (401): ${format.secret} rejected`, secrets: format.hidden };
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
  // Every token format, in a message
  ...secretFormats.map(formatCase),
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
  { name: 'sk- inside a word', text: 'task-runner-scheduler-for-the-nightly-batch started' },
  { name: 'a short sk- name', text: 'loaded sk-learn 1.5' },
  { name: 'a key-value store', text: 'key-value store unreachable' },
  { name: 'a MySQL port flag', text: 'mysql -P 3306 -h db -u app' },
  { name: 'a -p flag of another tool', text: 'ssh -p2222 deploy@host refused' },
  { name: 'a flag that names no secret', text: 'pg_isready --host db --port 5432' },
  { name: 'a public-key block', text: '-----BEGIN PUBLIC KEY----- MIIBIjANBgkq -----END PUBLIC KEY-----' },
  { name: 'a YAML file named secrets.yaml, with its line number', text: 'secrets.yaml:12: not valid YAML: bad indentation' },
  { name: 'a file named token.json, with line and column', text: 'token.json:3:14 unexpected token' },
  { name: 'a base64 word starting eyJ with no dots', text: 'eyJhbGciOiJIUzI1NiJ9 is a header' },
];
