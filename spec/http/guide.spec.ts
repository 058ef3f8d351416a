import { expect } from 'chai';
import { readFileSync } from 'node:fs';

describe('docs/guides/http.md', () => {
  const guide = readFileSync('docs/guides/http.md', 'utf8');

  for (const recipe of ['node-http', 'express', 'fastify', 'koa', 'nest']) {
    it(`shows examples/frameworks/${recipe}.ts exactly as tested`, () => {
      const code = readFileSync(`examples/frameworks/${recipe}.ts`, 'utf8').trimEnd();
      expect(guide).to.include(`\`\`\`ts\n${code}\n\`\`\``);
    });
  }
});
