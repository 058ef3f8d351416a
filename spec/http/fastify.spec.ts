import { createFastifyApp } from '../../examples/frameworks/fastify.js';
import { behavesLikeAHealthRecipe } from './recipeSuite.js';

describe('examples/frameworks/fastify', () => {
  behavesLikeAHealthRecipe(async (health) => {
    const app = createFastifyApp(health);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      close: async () => {
        await app.close();
      },
    };
  });
});
