import type { ServiceInfo } from '../report/ServiceInfo.js';

/**
 * @internal A report's `service` as plain data with its fields in the
 * draft's order (version, releaseId, notes, serviceId, description, links),
 * keeping only well-formed ones (a serializer may be handed a report built
 * by hand or parsed from JSON): strings, an array of strings, an object of
 * strings. `undefined` when nothing is left.
 */
export function serviceFields(value: unknown): ServiceInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, releaseId, notes, serviceId, description, links } = value as Record<string, unknown>;
  const fields: { -readonly [K in keyof ServiceInfo]: ServiceInfo[K] } = {};
  if (typeof version === 'string') fields.version = version;
  if (typeof releaseId === 'string') fields.releaseId = releaseId;
  if (Array.isArray(notes)) fields.notes = notes.filter((note): note is string => typeof note === 'string');
  if (typeof serviceId === 'string') fields.serviceId = serviceId;
  if (typeof description === 'string') fields.description = description;
  if (typeof links === 'object' && links !== null && !Array.isArray(links)) {
    // fromEntries defines keys, so a relation named "__proto__" stays data
    fields.links = Object.fromEntries(Object.entries(links).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return Object.keys(fields).length === 0 ? undefined : fields;
}
