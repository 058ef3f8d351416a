import type { OptionRule } from '../options/OptionRule.js';
import { optionRules } from '../options/optionRules.js';

/**
 * @internal The rule of a webhook's `url`: an absolute `http:` or `https:`
 * URL ({@link optionRules}`.httpUrl`, whose errors never show a string
 * that does not parse) without credentials, which belong in `headers`.
 */
export const WEBHOOK_URL_RULE: OptionRule<string | URL> = Object.freeze({
  expected: 'an absolute http: or https: URL without credentials',
  required: true,
  check(value: unknown, option: string, where: string): void {
    optionRules.httpUrl.check(value, option, where);
    const url = value instanceof URL ? value : new URL(value as string);
    if (url.username !== '' || url.password !== '') throw new TypeError(`${where}: ${option} must not carry credentials; send them in headers (Authorization)`);
  },
});
