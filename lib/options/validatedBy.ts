/**
 * @internal For each frozen options object returned by
 * {@link validateOptions} or {@link pickOptions}: the schema it was
 * validated by and the function the user called (`where`). A later owner
 * given the same object does not validate it again (service options are
 * validated once, by the function the user called, not again by the
 * `HealthService` constructor), and names that function in the errors it
 * reports later (see {@link callerOf}). Only frozen objects are recorded: an
 * object that cannot change stays valid.
 */
export const validatedBy = new WeakMap<object, { readonly schema: object; readonly where: string }>();
