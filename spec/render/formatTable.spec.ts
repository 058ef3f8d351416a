import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { OpenApiDocument, respond as respondFunction, openApiDocument as openApiDocumentFunction } from 'pulsecheck';
import type { parseArguments as parseArgumentsFunction } from '#lib/cli/parseArguments.js';
import { aReport, working } from './fixtures.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const report = aReport([working('db')]);

/** The one row added to the format table, and its name, in the compiled dist/render/formats.js. */
const csvRow = `csv: { mediaTypes: ['text/csv'], metrics: false, description: 'One line per check: its name and status.', create: () => ({ contentType: 'text/csv; charset=utf-8', serialize: (report) => report.checks.map((check) => check.name + ',' + check.status).join('\\n') }) },`;

interface Consumers {
  readonly respond: typeof respondFunction;
  readonly openApiDocument: typeof openApiDocumentFunction;
  readonly parseArguments: typeof parseArgumentsFunction;
  readonly usage: string;
}

describe('the format table (lib/render/formats.ts)', function () {
  this.timeout(60_000);
  // A copy of dist/ inside the project (so that its imports of inversify resolve), with one edit: a row in the format table.
  const copy = join(root, 'build', `format-table-${process.pid}`);
  let patched: Consumers;

  before(async () => {
    await cp(join(root, 'dist'), copy, { recursive: true });
    const file = join(copy, 'render', 'formats.js');
    const source = await readFile(file, 'utf8');
    const edited = source.replace("'openmetrics', 'prometheus'];", "'openmetrics', 'prometheus', 'csv'];").replace('const table = {', `const table = {\n    ${csvRow}`);
    expect(edited, 'the name and the row were added').to.include("'prometheus', 'csv'];").and.include('csv: { mediaTypes');
    await writeFile(file, edited);
    const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(copy, path)).href)) as T;
    patched = {
      respond: (await load<{ respond: typeof respondFunction }>('render/respond.js')).respond,
      openApiDocument: (await load<{ openApiDocument: typeof openApiDocumentFunction }>('openapi/openApiDocument.js')).openApiDocument,
      parseArguments: (await load<{ parseArguments: typeof parseArgumentsFunction }>('cli/parseArguments.js')).parseArguments,
      usage: (await load<{ usage: string }>('cli/usage.js')).usage,
    };
  });

  after(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  describe('having one row added, and nothing else edited', () => {
    it('makes the format a choice of respond(), by ?format= and by Accept', () => {
      const byName = patched.respond(report, { format: 'csv' });
      expect(byName.headers['Content-Type']).to.equal('text/csv; charset=utf-8');
      expect(byName.body).to.equal('db,pass');
      expect(patched.respond(report, { accept: 'text/csv' }).headers['Content-Type']).to.equal('text/csv; charset=utf-8');
      expect(patched.respond(report, { format: 'xml' }).body).to.include('html, json, health+json, openmetrics, prometheus, csv');
    });

    it('makes it a response of every route in the OpenAPI description, with its own description and in the format parameter', () => {
      const document: OpenApiDocument = patched.openApiDocument({ checks: [{ name: 'db' }] });
      const get = (document.paths['/health'] as { get: { responses: Record<string, { content?: Record<string, { schema: { description?: string } }> }> } }).get;
      expect(get.responses['200']?.content?.['text/csv; charset=utf-8']?.schema.description).to.equal('One line per check: its name and status.');
      expect(get.responses['503']?.content).to.have.property('text/csv; charset=utf-8');
      const parameter = (document.components as unknown as { parameters: { PulsecheckFormat: { description: string; schema: { enum: string[] } } } }).parameters.PulsecheckFormat;
      expect(parameter.schema.enum).to.include('csv');
      expect(parameter.description).to.include('text/csv');
    });

    it("makes it a choice of the CLI's --format, listed in its usage", () => {
      expect(patched.parseArguments(['--module', './health.js', '--format', 'csv'])).to.include({ format: 'csv' });
      expect(patched.usage).to.match(/--format <fmt>\s+text \(default\), json, html, health\+json, openmetrics,\s+prometheus, csv\./);
    });
  });

  it('is what the untouched build answers from: csv is no format there', async () => {
    const { respond } = await import('pulsecheck');
    const { parseArguments } = await import('#lib/cli/parseArguments.js');
    expect(respond(report, { format: 'csv' }).statusCode).to.equal(400);
    expect(() => parseArguments(['--module', './health.js', '--format', 'csv'])).to.throw(/--format must be one of text, json, html, health\+json, openmetrics, prometheus, got 'csv'/);
  });
});
