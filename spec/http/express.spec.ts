import type { Server } from 'node:http';
import { createExpressApp } from '../../examples/frameworks/express.js';
import { baseUrl, close } from './fixtures.js';
import { behavesLikeAHealthRecipe } from './recipeSuite.js';

describe('examples/frameworks/express', () => {
  behavesLikeAHealthRecipe(async (health) => {
    const app = createExpressApp(health);
    const server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(0, '127.0.0.1', (error?: Error) => {
        if (error) reject(error);
        else resolve(listening);
      });
    });
    return { url: baseUrl(server), close: () => close(server) };
  });
});
