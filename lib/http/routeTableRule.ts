import type { RunOptions } from '../core/RunOptions.js';
import { optionRules } from '../options/optionRules.js';

/**
 * @internal The rule of a route table's shape: an object mapping paths to run
 * options. Its one home: `healthEndpoints` (through its option schema, and so
 * `PulsecheckModule.forRoot`) and {@link resolveRouteTable} (the OpenAPI
 * description, the Postman collection, `verify-probes`) check a table with
 * it, so they refuse the same values in the same words.
 */
export const ROUTE_TABLE_RULE = optionRules.custom(
  'an object mapping paths to run options',
  (value): value is Readonly<Record<string, RunOptions>> => typeof value === 'object' && value !== null && !Array.isArray(value),
);
