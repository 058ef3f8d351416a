import { followGuide } from '../support/followGuide.js';

/** The guide's seven tests (six with a fake client, one against the local Redis through FaultProxy) pass. */
followGuide('testing-checks', {
  output: { "npx mocha 'dist/test/**/*.spec.js'": /7 passing/ },
});
