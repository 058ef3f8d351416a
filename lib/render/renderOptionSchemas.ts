import type { OptionRule } from '../options/OptionRule.js';
import type { OptionSchema } from '../options/OptionSchema.js';
import { optionRules } from '../options/optionRules.js';
import { DETAIL_LEVELS, type DetailLevel } from './DetailLevel.js';
import type { HealthJsonSerializerOptions } from './HealthJsonSerializer.js';
import type { HtmlSerializerOptions } from './HtmlSerializer.js';
import type { JsonSerializerOptions } from './JsonSerializer.js';
import { DEFAULT_METRIC_PREFIX } from './metricNames.js';
import type { OpenMetricsSerializerOptions } from './OpenMetricsSerializer.js';
import type { RespondRequest } from './RespondRequest.js';

const detail = optionRules.withDefault(optionRules.oneOf<DetailLevel>(DETAIL_LEVELS), 'full');
const title = optionRules.withDefault(optionRules.nonEmptyString, 'Health');
/** What a request carries as it came (a header, a query parameter): any value is read, an unknown or malformed one answered with 400 or a fallback, never thrown at. */
const asReceived: OptionRule<never> = Object.freeze({ expected: 'anything', check: () => undefined });

/**
 * @internal The option schemas of the serializers and of `respond()`: rules,
 * error texts and defaults. `detail`, `title` and `refreshSeconds` are one
 * rule each, shared by every owner, so a bad value reads the same whichever
 * serializer it was given to.
 */
export const RENDER_OPTION_SCHEMAS = Object.freeze({
  json: { detailed: optionRules.withDefault(optionRules.boolean, false), detail } as const satisfies OptionSchema<JsonSerializerOptions>,
  healthJson: { detail } as const satisfies OptionSchema<HealthJsonSerializerOptions>,
  openMetrics: {
    detail,
    prefix: optionRules.withDefault(
      optionRules.custom('a metric name prefix matching [a-zA-Z_][a-zA-Z0-9_]*', (value): value is string => typeof value === 'string' && /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(value)),
      DEFAULT_METRIC_PREFIX,
    ),
    flavor: optionRules.withDefault(optionRules.oneOf<NonNullable<OpenMetricsSerializerOptions['flavor']>>(['openmetrics', 'prometheus']), 'openmetrics'),
  } as const satisfies OptionSchema<OpenMetricsSerializerOptions>,
  html: { detail, title, refreshSeconds: optionRules.positiveSeconds } as const satisfies OptionSchema<HtmlSerializerOptions>,
  respond: {
    accept: asReceived,
    contentType: asReceived,
    format: asReceived,
    detail,
    method: asReceived,
    refreshSeconds: optionRules.positiveSeconds,
    title,
    detailed: optionRules.boolean,
  } as const satisfies OptionSchema<RespondRequest>,
});
