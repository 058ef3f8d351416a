import { followGuide } from '../support/followGuide.js';

/** The four recipes (node:http, Express, Koa, Fastify), started by the guide's try-recipes program, each answer /health with 200. */
followGuide('http', {
  output: {
    'node dist/try-recipes.js': /^node:http 200 \{"AlwaysWorking":"working"\}\nExpress 200 \{"AlwaysWorking":"working"\}\nKoa 200 \{"AlwaysWorking":"working"\}\nFastify 200 \{"AlwaysWorking":"working"\}$/m,
  },
});
