import type { OptionRule } from '../options/OptionRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { describeValue } from '../options/describeValue.js';
import { optionRules } from '../options/optionRules.js';
import type { ServiceInfo } from '../report/ServiceInfo.js';

/** @internal The longest `version`, `releaseId` or `serviceId`: 200 characters. */
export const SERVICE_ID_MAX_LENGTH = 200;
/** @internal The longest `description` or note: 2,000 characters. */
export const SERVICE_TEXT_MAX_LENGTH = 2_000;
/** @internal The most `notes`, and the most `links`: 50. */
export const SERVICE_LIST_MAX_ITEMS = 50;
/** @internal The longest link URI: 2,048 characters. */
export const LINK_MAX_LENGTH = 2_048;

const linkUri = optionRules.httpUri(LINK_MAX_LENGTH);
/** A link relation: a registered name (`about`, `self`) or a URI. */
const linkRelation = optionRules.uriToken(SERVICE_ID_MAX_LENGTH);

/** `links`: an object of at most {@link SERVICE_LIST_MAX_ITEMS} link relations, each to an absolute http(s) URI; errors name the link. */
const LINKS_RULE: OptionRule<Readonly<Record<string, string>>> = Object.freeze({
  expected: `an object of at most ${SERVICE_LIST_MAX_ITEMS} link relations to absolute http: or https: URIs, such as { about: 'https://wiki.example.com/billing' }`,
  check(value: unknown, option: string, where: string): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TypeError(`${where}: ${option} must be ${LINKS_RULE.expected}, got ${describeValue(value)}`);
    }
    const entries = Object.entries(value);
    if (entries.length > SERVICE_LIST_MAX_ITEMS) throw new TypeError(`${where}: ${option} must hold at most ${SERVICE_LIST_MAX_ITEMS} links, got ${entries.length}`);
    for (const [relation, uri] of entries) {
      if (!linkRelation.accepts(relation)) throw new TypeError(`${where}: ${option} has the key ${describeValue(relation)}, which is not a link relation: ${linkRelation.expected}`);
      linkUri.check(uri, `${option}.${relation}`, where);
    }
  },
});

/**
 * @internal The schema of {@link ServiceInfo}: the draft's field names, so an
 * unknown key is refused with the draft's names listed.
 */
const SERVICE_INFO_SCHEMA = {
  version: optionRules.text(SERVICE_ID_MAX_LENGTH),
  releaseId: optionRules.text(SERVICE_ID_MAX_LENGTH),
  serviceId: optionRules.text(SERVICE_ID_MAX_LENGTH),
  description: optionRules.text(SERVICE_TEXT_MAX_LENGTH),
  notes: optionRules.texts(SERVICE_LIST_MAX_ITEMS, SERVICE_TEXT_MAX_LENGTH),
  links: LINKS_RULE,
} as const satisfies OptionSchema<ServiceInfo>;

/**
 * @internal The rule of the `serviceInfo` option (of {@link HealthServiceOptions},
 * hence of `healthModule()` and `PulsecheckModule`): an object with the
 * fields of draft-inadarei-api-health-check-06's section 3, each checked by
 * {@link SERVICE_INFO_SCHEMA}; errors name the field as `serviceInfo.links.about`.
 */
export const SERVICE_INFO_RULE: OptionRule<ServiceInfo> = optionRules.object(SERVICE_INFO_SCHEMA, "an object of the health+json service fields, such as { version: '2', releaseId: '2.4.1' }");
