import type { HealthService } from '../core/HealthService.js';
import type { RunOptions } from '../core/RunOptions.js';

/**
 * A check as {@link openApiDocument} needs to know it: its name, and what
 * the document says about it. A {@link CheckDefinition} (from
 * `defaultRegistry.list()` or `HealthService.definitions()`) is one.
 *
 * @example
 * ```ts
 * import { openApiDocument, type OpenApiCheck } from 'pulsecheck';
 *
 * const checks: OpenApiCheck[] = [
 *   { name: 'DatabaseHealthCheck', tags: ['ready'], description: 'PostgreSQL' },
 *   { name: 'DiskSpaceHealthCheck', critical: false },
 * ];
 * console.log(Object.keys(openApiDocument({ checks }).paths));
 * ```
 */
export interface OpenApiCheck {
  /** The check's name: a known property of the flat JSON map. */
  readonly name: string;
  /**
   * Whether a failure fails the report (HTTP 503).
   * @defaultValue `true`
   */
  readonly critical?: boolean | undefined;
  /**
   * The check's tags, which place it in the probes (`live`, `ready`, `startup`).
   * @defaultValue `[]`
   */
  readonly tags?: readonly string[] | undefined;
  /** A human description, written into the property's description (redacted). */
  readonly description?: string | undefined;
  /** The check's own timeout in milliseconds, if it set one. */
  readonly timeoutMs?: number | undefined;
}

/**
 * A server of the document (OpenAPI `servers`).
 *
 * @example
 * ```ts
 * import type { OpenApiServer } from 'pulsecheck';
 *
 * const production: OpenApiServer = { url: 'https://api.example.com', description: 'production' };
 * ```
 */
export interface OpenApiServer {
  /** The server's URL, absolute (`https://api.example.com`) or relative (`/`). */
  readonly url: string;
  /** What the server is. */
  readonly description?: string | undefined;
}

/**
 * Options of {@link openApiDocument}. Give exactly one of `service` and
 * `checks`: the checks whose names the document lists.
 *
 * @example
 * ```ts
 * import { DEFAULT_HEALTH_ROUTES, HealthService, openApiDocument, type OpenApiOptions } from 'pulsecheck';
 *
 * const options: OpenApiOptions = {
 *   service: new HealthService([]),
 *   basePath: '/ops',
 *   servers: [{ url: 'https://api.example.com' }],
 *   title: 'Orders API: health',
 *   version: '2.3.0',
 *   routes: { ...DEFAULT_HEALTH_ROUTES, '/health/db': { tags: ['db'] } },
 * };
 * console.log(Object.keys(openApiDocument(options).paths)); // [ '/ops/health', '/ops/health/live', ... ]
 * ```
 */
export interface OpenApiOptions {
  /** The service the endpoints serve: its checks' names, tags and criticality come from `definitions()`. */
  readonly service?: HealthService | undefined;
  /** The checks, when there is no service at hand (e.g. `defaultRegistry.list()`). */
  readonly checks?: readonly OpenApiCheck[] | undefined;
  /**
   * Where the routes are mounted: a prefix starting with `/` (`/api`), or `''`.
   * A trailing slash is ignored.
   * @defaultValue `''` (the routes as they are)
   */
  readonly basePath?: string | undefined;
  /**
   * The document's `servers`.
   * @defaultValue `[{ url: '/' }]` (the document's own host, what OpenAPI means by none)
   */
  readonly servers?: readonly OpenApiServer[] | undefined;
  /**
   * The document's `info.title`.
   * @defaultValue `'Health endpoints'`
   */
  readonly title?: string | undefined;
  /**
   * The document's `info.version` (the version of your API, not of pulsecheck).
   * @defaultValue `'1.0.0'`
   */
  readonly version?: string | undefined;
  /**
   * The routes, as given to {@link healthEndpoints}; keep the two the same.
   * @defaultValue {@link DEFAULT_HEALTH_ROUTES}
   */
  readonly routes?: Readonly<Record<string, RunOptions>> | undefined;
  /**
   * Return only `paths` and `components` (an {@link OpenApiFragment}), for
   * merging into a document of your own, instead of a whole document.
   * @defaultValue `false`
   */
  readonly fragment?: boolean | undefined;
}
