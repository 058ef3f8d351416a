import { createServer } from 'node:http';
import { createKoaApp } from '../../examples/frameworks/koa.js';
import { close, listen } from './fixtures.js';
import { behavesLikeAHealthRecipe } from './recipeSuite.js';

describe('examples/frameworks/koa', () => {
  behavesLikeAHealthRecipe(async (health) => {
    const handle = createKoaApp(health).callback();
    const server = createServer((req, res) => {
      void handle(req, res);
    });
    const url = await listen(server);
    return { url, close: () => close(server) };
  });
});
