import type { RunOptions } from './RunOptions.js';

/**
 * @internal The options of a `run()` called without any: frozen and the
 * engine's own, so `CheckSelector` knows them valid without checking them
 * again on every run.
 */
export const NO_RUN_OPTIONS: RunOptions = Object.freeze({});
