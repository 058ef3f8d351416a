import { expect } from 'chai';
import { createNodeServer } from '../../examples/frameworks/node-http.js';
import { close, listen, makeHealth } from './fixtures.js';
import { behavesLikeAHealthRecipe } from './recipeSuite.js';

describe('examples/frameworks/node-http', () => {
  describe('for a caller with the operations token', () => {
    behavesLikeAHealthRecipe(
      async (health) => {
        const server = createNodeServer(health, { opsToken: 's3cret' });
        const url = await listen(server);
        return { url, close: () => close(server) };
      },
      { authorization: 'Bearer s3cret' },
    );
  });

  describe('for any other caller', () => {
    it('shows each check state without its error message', async () => {
      const { health, switches } = makeHealth();
      const server = createNodeServer(health, { opsToken: 's3cret' });
      const url = await listen(server);
      try {
        switches.databaseDown = true;
        for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cre']) {
          const response = await fetch(`${url}/health`, { headers: { accept: 'application/json', ...(authorization === undefined ? {} : { authorization }) } });
          expect(response.status).to.equal(503);
          const body = await response.text();
          expect(JSON.parse(body)).to.deep.equal({ Process: 'working', Database: 'unavailable', Cache: 'working' });
          expect(body).not.to.include('10.0.0.7');
        }
      } finally {
        await close(server);
      }
    });
  });
});
