import type { JsonSchema } from './JsonSchema.js';

/**
 * The `paths` and `components` that {@link openApiDocument} generates with
 * `fragment: true`, for merging into an OpenAPI 3.1 document of your own:
 * spread `paths` into
 * yours, and each member of `components` into yours. Every component name
 * starts with `Pulsecheck`, so it does not clash with yours.
 *
 * @example
 * ```ts
 * import { HealthService, openApiDocument } from 'pulsecheck';
 *
 * const health = openApiDocument({ service: new HealthService([]), fragment: true });
 * const mine = {
 *   openapi: '3.1.0',
 *   info: { title: 'Orders API', version: '2.3.0' },
 *   paths: { '/orders': { get: { responses: { '200': { description: 'The orders' } } } }, ...health.paths },
 *   components: { schemas: { ...health.components.schemas }, parameters: { ...health.components.parameters } },
 * };
 * console.log(Object.keys(mine.paths));
 * ```
 */
export interface OpenApiFragment {
  /** One path item per route, each with `get` and `head` operations. */
  readonly paths: Readonly<Record<string, JsonSchema>>;
  /** The schemas and the `format` parameter the paths refer to (`#/components/...`). */
  readonly components: {
    /** The JSON Schemas of the bodies, by component name. */
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    /** The `format` query parameter, by component name. */
    readonly parameters: Readonly<Record<string, JsonSchema>>;
  };
}
