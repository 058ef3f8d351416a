import type { ServiceInfo } from '../report/ServiceInfo.js';
import { redactSecrets } from './redactSecrets.js';

/**
 * @internal A deep-frozen copy of a validated `serviceInfo`, its fields in
 * the draft's order (version, releaseId, notes, serviceId, description,
 * links), for {@link HealthReport.service}: the caller's `notes` array and
 * `links` object are copied, so changing them later changes no report, and
 * every string is redacted ({@link redactSecrets}: a token in a link's query
 * becomes `***`, which keeps the link a URI), once, here, so that no format
 * has to. `undefined` when none was given.
 */
export function freezeServiceInfo(info: ServiceInfo | undefined): ServiceInfo | undefined {
  if (info === undefined) return undefined;
  const copy: { -readonly [K in keyof ServiceInfo]: ServiceInfo[K] } = {};
  if (info.version !== undefined) copy.version = redactSecrets(info.version);
  if (info.releaseId !== undefined) copy.releaseId = redactSecrets(info.releaseId);
  if (info.notes !== undefined) copy.notes = Object.freeze(info.notes.map((note) => redactSecrets(note)));
  if (info.serviceId !== undefined) copy.serviceId = redactSecrets(info.serviceId);
  if (info.description !== undefined) copy.description = redactSecrets(info.description);
  // fromEntries defines keys, so a relation named "__proto__" stays data
  if (info.links !== undefined) copy.links = Object.freeze(Object.fromEntries(Object.entries(info.links).map(([relation, uri]) => [relation, redactSecrets(uri)])));
  return Object.freeze(copy);
}
