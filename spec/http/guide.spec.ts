import { expect } from 'chai';
import { readFileSync } from 'node:fs';

describe('docs/guides/http.md', () => {
  // A recipe's block may name its file for the scratch-project spec (```ts file=src/koa.ts, then `// src/koa.ts`).
  const guide = readFileSync('docs/guides/http.md', 'utf8').replace(/^```ts file=(\S+)\n\/\/ \1\n/gm, '```ts\n');

  for (const recipe of ['node-http', 'express', 'fastify', 'koa', 'nest']) {
    it(`shows examples/frameworks/${recipe}.ts exactly as tested`, () => {
      const code = readFileSync(`examples/frameworks/${recipe}.ts`, 'utf8').trimEnd();
      expect(guide).to.include(`\`\`\`ts\n${code}\n\`\`\``);
    });
  }
});
