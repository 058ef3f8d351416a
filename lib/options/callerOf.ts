import { validatedBy } from './validatedBy.js';

/**
 * @internal The function the user called with these options, when they were
 * validated by {@link validateOptions} (`PulsecheckModule.forRoot` for the
 * options a Nest module hands on), else `fallback`: the name an owner puts
 * in the errors it reports after validation.
 *
 * @param options - Options as an owner received them.
 * @param fallback - The owner's own name.
 */
export function callerOf(options: unknown, fallback: string): string {
  return (typeof options === 'object' && options !== null ? validatedBy.get(options)?.where : undefined) ?? fallback;
}
