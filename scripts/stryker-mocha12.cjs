'use strict';
/**
 * Lets @stryker-mutator/mocha-runner 9.x (the last line that runs on Node 20)
 * load mocha 12, loaded through NODE_OPTIONS by `npm run mutate`.
 *
 * The runner requires mocha's CLI helpers by extensionless path
 * (`mocha/lib/cli/run-helpers`, `options`, `collect-files`); mocha 12 ships
 * them as `.cjs`, which require() does not try. This maps exactly those three
 * requests to their `.cjs` files and leaves every other resolution alone.
 * Remove it (and the NODE_OPTIONS in the "mutate" script) once the project can
 * use a runner release that finds them itself.
 */
const Module = require('node:module');

const mochaCliHelper = /[\\/]mocha[\\/]lib[\\/]cli[\\/](?:run-helpers|options|collect-files)$/;
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function resolveMochaCliHelper(request, ...rest) {
  return resolveFilename.call(this, mochaCliHelper.test(request) ? `${request}.cjs` : request, ...rest);
};
