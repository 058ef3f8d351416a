/**
 * What a service says about itself in its health reports: the service-level
 * fields of `application/health+json` (draft-inadarei-api-health-check-06,
 * section 3), under the draft's names. Every field is optional; set them
 * with the `serviceInfo` option of {@link healthModule} (or
 * `PulsecheckModule.forRoot`), and each report carries them as
 * {@link HealthReport.service}. Written by the developer, for people and
 * tools; shown at detail `full` only. Keep credentials out of it: a link
 * with a user name or password is refused, and whatever looks like a
 * secret (`?token=...`) is redacted to `***` in the report, as in every
 * output.
 *
 * @example
 * ```ts
 * import type { ServiceInfo } from 'pulsecheck';
 *
 * const serviceInfo: ServiceInfo = {
 *   version: '2',
 *   releaseId: '2.4.1',
 *   serviceId: 'billing-api',
 *   description: 'Invoices and payments',
 *   notes: ['read-only during the monthly close'],
 *   links: { about: 'https://wiki.example.com/billing-api' },
 * };
 * ```
 */
export interface ServiceInfo {
  /** The public version of the service (draft section 3.2), such as `"2"`. */
  readonly version?: string;
  /**
   * The release of its implementation (draft section 3.3), which changes
   * more often than `version`: a semantic version, a build number, a commit.
   */
  readonly releaseId?: string;
  /** A unique identifier of the service in the application's scope (draft section 3.8). */
  readonly serviceId?: string;
  /** A human-friendly description of the service (draft section 3.9). */
  readonly description?: string;
  /** Notes relevant to the current state of health (draft section 3.4). */
  readonly notes?: readonly string[];
  /**
   * Link relations (`about`, `self`, or a URI) to absolute `http:` or
   * `https:` URIs with more about the service's health (draft section 3.7).
   */
  readonly links?: Readonly<Record<string, string>>;
}
