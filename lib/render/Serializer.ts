import type { HealthReport } from '../report/HealthReport.js';

/**
 * Turns a {@link HealthReport} into the body of an HTTP response. The bundled
 * ones are {@link JsonSerializer}, {@link HtmlSerializer},
 * {@link HealthJsonSerializer} and {@link OpenMetricsSerializer}; write your
 * own for another format and send its `contentType` with the body.
 *
 * A serializer never throws for a report's content (hostile names, odd
 * values): it escapes or skips. It throws a TypeError only when given
 * something that is not a report at all.
 *
 * @example
 * ```ts
 * import type { HealthReport, Serializer } from 'pulsecheck';
 *
 * class TextSerializer implements Serializer {
 *   readonly contentType = 'text/plain; charset=utf-8';
 *
 *   serialize(report: HealthReport): string {
 *     return `${report.status}\n`;
 *   }
 * }
 * ```
 */
export interface Serializer {
  /** The `Content-Type` header value of what {@link Serializer.serialize} writes. */
  readonly contentType: string;
  /**
   * Renders the report.
   *
   * @param report - The report to render; it is not modified.
   * @returns The response body.
   */
  serialize(report: HealthReport): string;
}
