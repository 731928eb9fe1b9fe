import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface RecordedResponse {
  method: string;
  /** Fastify route template, e.g. /v1/questions/:idOrSlug */
  route: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

/**
 * Checks real responses against the checked-in openapi.yaml: the route and
 * status must be documented, and a JSON body must match its schema.
 */
export class OpenApiResponseValidator {
  private readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(file = path.resolve(__dirname, '../../openapi.yaml')) {
    this.document = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: this.document.components ?? {} });
  }

  /** Returns a description of every mismatch; empty when the response conforms. */
  check(response: RecordedResponse): string[] {
    const where = `${response.method} ${response.route} → ${response.status}`;
    const pathKey = response.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = this.document.paths[pathKey]?.[response.method.toLowerCase()];
    if (!operation) return [`${where}: the route is not in openapi.yaml`];
    const documented = operation.responses?.[String(response.status)] ?? operation.responses?.default;
    if (!documented) return [`${where}: status ${response.status} is not documented`];
    if (response.status === 204 || response.body === undefined) return [];
    const mediaType = (response.contentType ?? '').split(';')[0].trim();
    if (!mediaType.includes('json')) return [];
    const content = documented.content?.[mediaType];
    if (!content) return [`${where}: content type ${mediaType} is not documented`];
    if (!content.schema) return [];
    const validate = this.compile(`${pathKey} ${response.method} ${response.status} ${mediaType}`, content.schema);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message}`);
  }

  private compile(key: string, schema: Schema): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Schema);
      this.cache.set(key, validate);
    }
    return validate;
  }
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) =>
        key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? [key, `openapi${value}`] : [key, rewriteRefs(value)],
      ),
    );
  }
  return node;
}
