/**
 * The `componentType` of a check in `application/health+json`
 * (draft-inadarei-api-health-check-06, section 4.2), one of the draft's
 * pre-defined values: `datastore` for databases and caches, `system` for
 * checks of the process or host, `component` for anything else.
 *
 * @example
 * ```ts
 * import type { CheckResult, ComponentType } from 'pulsecheck';
 *
 * const typeOf = (result: CheckResult): ComponentType => result.componentType ?? 'component';
 * ```
 */
export type ComponentType = 'datastore' | 'system' | 'component';

/**
 * @internal The component types, the one list validation and schemas derive
 * from. A type missing here, or one {@link ComponentType} lacks, does not compile.
 */
export const COMPONENT_TYPES = Object.freeze(Object.keys({ component: true, datastore: true, system: true } as const satisfies Record<ComponentType, true>)) as readonly ComponentType[];
