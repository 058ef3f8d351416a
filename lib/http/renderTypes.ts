import type { respond } from '../render/respond.js';

// These follow respond()'s signature, so this folder compiles whichever file
// of lib/render declares them; they are the same types as the barrel's
// `RespondRequest`, `HealthResponse` and `DetailLevel`.

/** @internal The request options of `respond()`. */
export type RespondRequest = NonNullable<Parameters<typeof respond>[1]>;

/** @internal What `respond()` returns: status code, headers and body. */
export type HealthResponse = ReturnType<typeof respond>;

/** @internal A detail level of the renderers: `full`, `status` or `summary`. */
export type DetailLevel = NonNullable<RespondRequest['detail']>;
