import type { ServiceInfo } from '../report/ServiceInfo.js';

/**
 * @internal A deep-frozen copy of a validated `serviceInfo`, its fields in
 * the draft's order (version, releaseId, notes, serviceId, description, links), for {@link HealthReport.service}: the caller's
 * `notes` array and `links` object are copied, so changing them later
 * changes no report. `undefined` when none was given.
 */
export function freezeServiceInfo(info: ServiceInfo | undefined): ServiceInfo | undefined {
  if (info === undefined) return undefined;
  const copy: { -readonly [K in keyof ServiceInfo]: ServiceInfo[K] } = {};
  if (info.version !== undefined) copy.version = info.version;
  if (info.releaseId !== undefined) copy.releaseId = info.releaseId;
  if (info.notes !== undefined) copy.notes = Object.freeze([...info.notes]);
  if (info.serviceId !== undefined) copy.serviceId = info.serviceId;
  if (info.description !== undefined) copy.description = info.description;
  if (info.links !== undefined) copy.links = Object.freeze({ ...info.links });
  return Object.freeze(copy);
}
