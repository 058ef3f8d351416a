import { createServer } from 'node:http';
import { createKoaApp } from '../../examples/frameworks/koa.js';
import { close, listen } from './fixtures.js';
import { behavesLikeAHealthRecipe } from './recipeSuite.js';

describe('examples/frameworks/koa', () => {
  behavesLikeAHealthRecipe(async (health) => {
    const server = createServer(createKoaApp(health).callback());
    const url = await listen(server);
    return { url, close: () => close(server) };
  });
});
