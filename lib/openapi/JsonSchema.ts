/**
 * A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), as plain data.
 *
 * @example
 * ```ts
 * import { HEALTH_STATUSES, type JsonSchema } from 'pulsecheck';
 *
 * const status: JsonSchema = { type: 'string', enum: [...HEALTH_STATUSES] };
 * ```
 */
export type JsonSchema = { readonly [keyword: string]: unknown };
