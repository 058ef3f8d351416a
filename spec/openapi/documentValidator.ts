/**
 * Checks HTTP responses against an OpenAPI 3.1 document with ajv (its
 * draft 2020-12 build, the dialect OpenAPI 3.1 uses): the status must be a
 * documented response of the operation, the Content-Type one of that
 * response's media types, and a JSON body valid against its schema.
 */
import addFormats from 'ajv-formats';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenApiDocument } from 'pulsecheck';

export interface CheckedResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

const documentId = 'https://pulsecheck.test/openapi.json';

/** A JSON pointer token: `~` and `/` escaped. */
const token = (text: string): string => text.replaceAll('~', '~0').replaceAll('/', '~1');

export class DocumentValidator {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    // strict: false lets ajv walk the OpenAPI keywords around the schemas (paths, responses, ...).
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    this.#ajv.addFormat('date-time', { type: 'string', validate: (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text)) });
    addFormats.default(this.#ajv, ['uri']);
    this.#ajv.addSchema({ ...document, $id: documentId });
  }

  /** Every way the response breaks the document; empty when it conforms. */
  problems(path: string, method: 'get' | 'head', response: CheckedResponse): string[] {
    const operation = (this.#document.paths[path] as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }> | undefined)?.[method];
    if (operation?.responses === undefined) return [`no ${method.toUpperCase()} ${path} in the document`];
    const documented = operation.responses[String(response.status)];
    if (documented === undefined) return [`status ${response.status} is not documented for ${method.toUpperCase()} ${path} (documented: ${Object.keys(operation.responses).join(', ')})`];
    if (method === 'head') return response.body === '' ? [] : ['a HEAD response has a body'];
    const content = documented.content ?? {};
    const contentType = response.contentType ?? '(none)';
    if (!(contentType in content)) return [`Content-Type ${contentType} is not documented for ${response.status} (documented: ${Object.keys(content).join(', ')})`];
    if (!/json/.test(contentType)) return [];
    const pointer = ['paths', path, method, 'responses', String(response.status), 'content', contentType, 'schema'].map(token).join('/');
    const validate = this.#compile(`${documentId}#/${pointer}`);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [`the ${contentType} body is not JSON: ${response.body.slice(0, 200)}`];
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  #compile(ref: string): ReturnType<Ajv2020['compile']> {
    let validate = this.#compiled.get(ref);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#compiled.set(ref, validate);
    }
    return validate;
  }

  /** Validates a value against a component schema (`PulsecheckDetailedReport`, ...). */
  componentProblems(name: string, value: unknown): string[] {
    const validate = this.#compile(`${documentId}#/components/schemas/${name}`);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(value)'} ${error.message ?? ''}`);
  }
}
