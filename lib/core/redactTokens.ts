import { REDACTED } from './redactedMarker.js';

/**
 * The token formats secret scanners recognise by their shape alone (the rule
 * sets of gitleaks, GitHub secret scanning and secretlint's recommended
 * preset were the reference; the patterns are written here, not copied).
 *
 * Every alternative starts with a literal prefix and may only begin where a
 * run of token characters begins (the look-behind), so a scan tries at most
 * one start per run; each alternative is a sequence of greedy character
 * classes separated by literals the classes do not contain, so a failed
 * attempt backtracks over its run once. The scan is linear in the length of
 * the text (spec/core/linearTime.spec.ts has an adversarial input per prefix).
 *
 * Minimum lengths are a little below the published ones, so that a token cut
 * short or a format that grew is still caught; the prefixes keep prose safe.
 */
const formats = [
  // AWS access key IDs (the secret access key is caught by its key name)
  String.raw`(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}`,
  // Google: API keys, OAuth client secrets and access tokens
  String.raw`AIza[A-Za-z0-9_-]{30,}`,
  String.raw`GOCSPX-[A-Za-z0-9_-]{20,}`,
  String.raw`ya29\.[A-Za-z0-9_-]{20,}`,
  // GitHub: personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs
  String.raw`gh[pousr]_[A-Za-z0-9]{30,}`,
  String.raw`github_pat_[A-Za-z0-9_]{22,}`,
  // GitLab: personal, deploy, pipeline trigger, runner, CI build, OAuth, feed, incoming mail, agent tokens
  String.raw`gl(?:pat|dt|ptt|rt|cbt|soat|ffct|imt|oas|ft|agent|cd)-[A-Za-z0-9_-]{20,}`,
  String.raw`GR1348941[A-Za-z0-9_-]{20,}`,
  // Slack: bot, user, app-level, refresh, configuration tokens
  String.raw`xox[abeoprs]-[A-Za-z0-9-]{10,}`,
  String.raw`xapp-\d-[A-Za-z0-9-]{10,}`,
  // Stripe: secret and restricted keys, webhook signing secrets
  String.raw`(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,}`,
  String.raw`whsec_[A-Za-z0-9]{20,}`,
  // npm and PyPI
  String.raw`npm_[A-Za-z0-9]{30,}`,
  String.raw`pypi-AgEI[A-Za-z0-9_-]{20,}`,
  // OpenAI (sk-…, sk-proj-…, sk-…T3BlbkFJ…) and Anthropic (sk-ant-…)
  String.raw`sk-[A-Za-z0-9_-]{20,}`,
  // Twilio API key SIDs and account SIDs
  String.raw`SK[0-9a-fA-F]{32}`,
  String.raw`AC[0-9a-f]{32}`,
  // SendGrid
  String.raw`SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`,
  // JSON Web Tokens (and the JWS/JWE-shaped tokens that start like one)
  String.raw`eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`,
  // Hugging Face, DigitalOcean, Shopify, HashiCorp Vault, Databricks, Postman, Grafana, Doppler, Linear, Square, age, 1Password, Atlassian, Mailgun
  String.raw`hf_[A-Za-z]{30,}`,
  String.raw`do[opr]_v1_[a-f0-9]{64}`,
  String.raw`shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`,
  String.raw`hv[sb]\.[A-Za-z0-9_-]{24,}`,
  String.raw`dapi[a-f0-9]{32}`,
  String.raw`PMAK-[a-f0-9]{24}-[a-f0-9]{34}`,
  String.raw`gl(?:c|sa)_[A-Za-z0-9_+/]{32,}`,
  String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}`,
  String.raw`lin_(?:api|oauth)_[A-Za-z0-9]{40}`,
  String.raw`sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}`,
  String.raw`AGE-SECRET-KEY-1[A-Z0-9]{58}`,
  String.raw`ops_eyJ[A-Za-z0-9+/]{50,}`,
  String.raw`ATATT3[A-Za-z0-9_=-]{50,}`,
  String.raw`key-[0-9a-f]{32}`,
  // Azure AD (Entra ID) client secrets: three characters, a digit, Q~, then 31-34 more
  String.raw`[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`,
  // Telegram bot tokens (also as the /bot<token>/ path segment of the Bot API)
  String.raw`(?:bot)?\d{8,10}:AA[A-Za-z0-9_-]{30,}`,
];

/** Webhook URLs whose path is the secret: Slack, Discord, Microsoft Teams (Office 365 connectors). */
const webhookPaths = [
  String.raw`hooks\.slack\.com/(?:services|workflows|triggers)/`,
  String.raw`discord(?:app)?\.com/api/webhooks/`,
  String.raw`webhook\.office\.com/webhookb2/`,
];

/**
 * One scan for every format. Group 1 is a webhook URL's readable part (kept),
 * group 2 its secret path (redacted); otherwise the whole match is a token.
 */
const tokens = new RegExp(
  String.raw`(?<![A-Za-z0-9_-])(?:(${webhookPaths.join('|')})([A-Za-z0-9_~.+/=-]+)|(?:${formats.join('|')}))`,
  'g',
);

/**
 * Replaces every token of a well-known format (cloud and SaaS API keys,
 * GitHub/GitLab/Slack/Stripe/npm/PyPI/OpenAI/Anthropic tokens, JWTs, webhook
 * URLs whose path is their secret) with `***`, in time linear in the length
 * of the text. A webhook URL keeps its host and the start of its path
 * (`https://hooks.slack.com/services/***`).
 *
 * @param text - The text to redact.
 * @returns `text` itself when it holds no such token.
 * @internal
 */
export function redactTokens(text: string): string {
  tokens.lastIndex = 0;
  if (!tokens.test(text)) return text;
  return text.replace(tokens, (_match, webhook: string | undefined) => (webhook === undefined ? REDACTED : `${webhook}${REDACTED}`));
}
