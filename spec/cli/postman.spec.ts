import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Collection {
  info: { schema: string };
  variable: { key: string; value: string }[];
  item: { name: string; request: { url: { raw: string } }; event: { script: { exec: string[] } }[] }[];
}

const fixture = (name: string): string => `build/spec/cli/fixtures/${name}.js`;

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/pulsecheck.js', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

const script = (collection: Collection, name: string): string => collection.item.find((item) => item.name === name)?.event[0]?.script.exec.join('\n') ?? '';

describe('pulsecheck postman', function () {
  this.timeout(20_000);
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'pulsecheck-postman-cli-'));
  });
  after(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  describe('having a module that registers checks', () => {
    it('writes a Postman Collection v2.1 to --output, one request per endpoint, and says so', async () => {
      const output = join(directory, 'health.json');
      const { code, stdout, stderr } = await cli('postman', '-m', fixture('passing'), '--base-url', 'https://orders.example.com/', '--output', output);
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      expect(stdout).to.equal(`wrote ${output}: 4 requests\n`);
      const collection = JSON.parse(readFileSync(output, 'utf8')) as Collection;
      expect(collection.info.schema).to.equal('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
      expect(collection.variable).to.deep.include({ key: 'baseUrl', value: 'https://orders.example.com', type: 'string' });
      expect(collection.item.map((item) => item.name)).to.deep.equal(['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /health/startup']);
      expect(collection.item[0]?.request.url.raw).to.equal('{{baseUrl}}/health?format=json');
    });

    it("tests each route's critical checks only, and its largest timeout plus the margin", async () => {
      const { stdout } = await cli('postman', '-m', fixture('passing'), '--base-url', 'http://127.0.0.1:3000');
      const collection = JSON.parse(stdout) as Collection;
      // Cache is non-critical: a monitor does not page for it.
      expect(script(collection, 'GET /health')).to.include('var critical = ["Process","Database"];');
      expect(script(collection, 'GET /health/live')).to.include('var critical = ["Process"];');
      expect(script(collection, 'GET /health/ready')).to.include('var critical = ["Database"];');
      expect(script(collection, 'GET /health')).to.include('var timeoutMs = 700;');
      expect(collection.variable).to.deep.include({ key: 'responseTimeMarginMs', value: '500', type: 'string' });
    });

    it('takes the default timeout of the service from --timeout-ms, and the mount point from --base-path', async () => {
      const { stdout } = await cli('postman', '-m', fixture('passing'), '--base-url', 'http://127.0.0.1:3000', '--timeout-ms', '2000', '--base-path', '/ops');
      const collection = JSON.parse(stdout) as Collection;
      expect(script(collection, 'GET /ops/health')).to.include('var timeoutMs = 2000;');
      expect(collection.item[0]?.request.url.raw).to.equal('{{baseUrl}}/ops/health?format=json');
    });
  });

  describe('when the command line is wrong', () => {
    const cases: [string, string[], RegExp][] = [
      ['no --base-url', ['postman', '-m', fixture('passing')], /^pulsecheck: postman: missing --base-url <url>/],
      ['a base URL that is not http(s)', ['postman', '-m', fixture('passing'), '--base-url', 'orders.example.com'], /baseUrl must be an http\(s\) URL/],
      ['a javascript: base URL', ['postman', '-m', fixture('passing'), '--base-url', 'javascript:alert(1)'], /baseUrl must be an http\(s\) URL/],
      ['an openapi-only option', ['postman', '-m', fixture('passing'), '--base-url', 'http://x', '--yaml'], /^pulsecheck: postman: unknown option '--yaml'/],
      ['a malformed --timeout-ms', ['postman', '-m', fixture('passing'), '--base-url', 'http://x', '--timeout-ms', '1.5'], /--timeout-ms must be a whole number of milliseconds/],
      ['an output file it cannot write', ['postman', '-m', fixture('passing'), '--base-url', 'http://x', '--output', '/nonexistent-dir/c.json'], /^pulsecheck: cannot write \/nonexistent-dir\/c\.json/],
    ];
    for (const [what, args, message] of cases) {
      it(`exits 2 for ${what}, saying why`, async () => {
        const { code, stdout, stderr } = await cli(...args);
        expect(code).to.equal(2);
        expect(stdout).to.equal('');
        expect(stderr).to.match(message);
      });
    }
  });
});
