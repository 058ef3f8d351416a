import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const blocker = fileURLToPath(new URL('./blockYaml.js', import.meta.url));

describe('the yaml package (used by `pulsecheck openapi --yaml` only)', function () {
  this.timeout(30_000);

  it('is neither loaded nor needed by importing pulsecheck and generating a document', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const { openApiDocument } = await import('pulsecheck');
      const document = openApiDocument({ checks: [{ name: 'db' }] });
      const cached = Object.keys(createRequire(process.cwd() + '/').cache).filter((file) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(file));
      const yaml = await import('yaml').then(() => 'loaded', (error) => error.code);
      console.log(JSON.stringify({ openapi: document.openapi, cached, yaml }));
    `;
    const { stdout } = await run(process.execPath, ['--import', blocker, '--input-type=module', '--eval', script], { cwd: root, timeout: 20_000 });
    expect(JSON.parse(stdout)).to.deep.equal({ openapi: '3.1.0', cached: [], yaml: 'ERR_MODULE_NOT_FOUND' });
  });
});
