import { validate } from '@readme/openapi-parser';
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from 'pulsecheck';
import { parse } from 'yaml';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

const fixture = (name: string): string => `build/spec/cli/fixtures/${name}.js`;
const blockYaml = fileURLToPath(new URL('../openapi/blockYaml.js', import.meta.url));

/** Runs the built bin as a child process (with `node` options first, such as --import). */
function cli(args: readonly string[], nodeOptions: readonly string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeOptions, 'dist/cli/pulsecheck.js', ...args], { timeout: 15_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

const requiredNames = (document: OpenApiDocument, path: string): unknown => {
  const content = (document.paths[path] as { get: { responses: Record<string, { content: Record<string, { schema: { anyOf: { required: unknown }[] } }> }> } }).get.responses['200']?.content;
  return content?.['application/json']?.schema.anyOf[0]?.required;
};

describe('pulsecheck openapi', function () {
  this.timeout(20_000);

  describe('having a module that registers checks', () => {
    it('prints a valid OpenAPI 3.1 document naming them, as JSON, and exits 0', async () => {
      const { code, stdout, stderr } = await cli(['openapi', '--module', fixture('passing')]);
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      const document = JSON.parse(stdout) as OpenApiDocument;
      expect((await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0])).valid).to.equal(true);
      expect(requiredNames(document, '/health')).to.deep.equal(['Process', 'Database', 'Cache']);
      expect(requiredNames(document, '/health/live')).to.deep.equal(['Process']);
    });

    it('mounts the routes under --base-path and lists each --server-url', async () => {
      const { code, stdout } = await cli(['openapi', '-m', fixture('passing'), '--base-path', '/api', '--server-url', 'https://a.example.com', '--server-url', 'https://b.example.com']);
      expect(code).to.equal(0);
      const document = JSON.parse(stdout) as OpenApiDocument;
      expect(Object.keys(document.paths)).to.deep.equal(['/api/health', '/api/health/live', '/api/health/ready', '/api/health/startup']);
      expect(document.servers).to.deep.equal([{ url: 'https://a.example.com' }, { url: 'https://b.example.com' }]);
    });

    it('prints the same document as YAML with --yaml', async () => {
      const [json, yaml] = await Promise.all([cli(['openapi', '-m', fixture('passing')]), cli(['openapi', '-m', fixture('passing'), '--yaml'])]);
      expect(yaml.code).to.equal(0);
      expect(yaml.stdout).to.match(/^openapi: 3\.1\.0\n/);
      expect(yaml.stdout, 'no YAML anchors: not every OpenAPI tool follows them').to.not.match(/[&*]a\d/);
      expect(parse(yaml.stdout)).to.deep.equal(JSON.parse(json.stdout));
    });
  });

  describe('having a module that exports a HealthService', () => {
    it("takes the names from its definitions()", async () => {
      const { code, stdout } = await cli(['openapi', '-m', fixture('failing')]);
      expect(code).to.equal(0);
      expect(requiredNames(JSON.parse(stdout) as OpenApiDocument, '/health')).to.deep.equal(['ApiHealthCheck', 'QueueHealthCheck']);
    });
  });

  describe('without the yaml package', () => {
    it('still prints JSON, and says what to install for --yaml, with exit code 2', async () => {
      const json = await cli(['openapi', '-m', fixture('passing')], ['--import', blockYaml]);
      expect(json.code).to.equal(0);
      const yaml = await cli(['openapi', '-m', fixture('passing'), '--yaml'], ['--import', blockYaml]);
      expect(yaml.code).to.equal(2);
      expect(yaml.stdout).to.equal('');
      expect(yaml.stderr).to.equal("pulsecheck: --yaml needs the 'yaml' package: npm install --save-dev yaml (or leave out --yaml for JSON)\n");
    });
  });

  describe('when the command line or the module is wrong', () => {
    const cases: [string, string[], RegExp][] = [
      ['no --module', ['openapi'], /^pulsecheck: openapi: missing --module <path>/],
      ['an unknown option', ['openapi', '-m', fixture('passing'), '--base-url', 'http://x'], /^pulsecheck: openapi: unknown option '--base-url'/],
      ['a positional argument', ['openapi', fixture('passing')], /^pulsecheck: openapi: Unexpected argument/],
      ['a base path without a slash', ['openapi', '-m', fixture('passing'), '--base-path', 'api'], /^pulsecheck: openApiDocument: basePath must start with '\/'/],
      ['a javascript: server URL', ['openapi', '-m', fixture('passing'), '--server-url', 'javascript:alert(1)'], /^pulsecheck: openapi --server-url must be an http\(s\) URL such as https:\/\/orders\.example\.com, got 'javascript:alert\(1\)'/],
      ['a server URL that is not a URL', ['openapi', '-m', fixture('passing'), '--server-url', 'orders'], /^pulsecheck: openapi --server-url must be an http\(s\) URL .* got 'orders'/],
      ['a module that does not exist', ['openapi', '-m', 'build/nowhere.js'], /^pulsecheck: module not found: .*nowhere\.js/],
      ['a module that throws', ['openapi', '-m', fixture('throws')], /^pulsecheck: module .* threw while loading: Error: PULSECHECK_FIXTURE_DATABASE_URL is not set/],
      ['a module that registers nothing', ['openapi', '-m', fixture('nothing')], /exports neither 'health' nor a default export, and registered no checks/],
      ['a module that exports something else', ['openapi', '-m', fixture('wrongExport')], /export 'health' of .* is an object \(Object\)/],
    ];
    for (const [what, args, message] of cases) {
      it(`exits 2 for ${what}, saying why`, async () => {
        const { code, stdout, stderr } = await cli(args);
        expect(code).to.equal(2);
        expect(stdout).to.equal('');
        expect(stderr).to.match(message);
      });
    }

    it('gives up on a module that never yields its service after --load-timeout-ms, exit 2', async () => {
      const { code, stderr } = await cli(['openapi', '-m', fixture('pending'), '--load-timeout-ms', '200']);
      expect(code).to.equal(2);
      expect(stderr).to.match(/did not finish within 200 ms/);
    });

    it('prints its help with --help, and the main help lists the command', async () => {
      const own = await cli(['openapi', '--help']);
      expect(own.code).to.equal(0);
      expect(own.stdout).to.match(/^Usage: pulsecheck openapi --module <path>/);
      expect(own.stdout, 'a flag openapi refuses').to.not.include('--base-url');
      expect(own.stdout).to.not.include('pulsecheck postman');
      const postman = await cli(['postman', '--help']);
      expect(postman.code).to.equal(0);
      expect(postman.stdout).to.match(/^Usage: pulsecheck postman --module <path> --base-url <url>/);
      expect(postman.stdout).to.not.include('--yaml');
      expect(postman.stdout).to.not.include('--server-url');
      expect((await cli(['--help'])).stdout).to.include('pulsecheck openapi --module <path>');
    });
  });
});
