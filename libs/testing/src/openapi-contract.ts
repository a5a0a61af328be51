import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

/** What the server sent, as seen on the wire. */
export interface ObservedResponse {
  method: string;
  /** The request path without the query string. */
  path: string;
  /** The framework's route template (`/assets/data/:resource_uri`), or undefined when no route matched. */
  route?: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body when it was captured whole; undefined when streamed past the capture limit. */
  body?: Buffer;
}

export interface ContractViolation {
  operation: string;
  status: number;
  problems: string[];
}

interface MediaType {
  schema?: unknown;
}
interface HeaderObject {
  required?: boolean;
  schema?: unknown;
  $ref?: string;
}
interface ResponseObject {
  $ref?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaType>;
}
interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, Record<string, unknown>>;
}

/**
 * Headers the contract must mention wherever a response carries them: a client may act on each
 * (retry, cache, resume, re-authenticate), so an undocumented one is drift.
 */
const CONTRACT_HEADERS = [
  'x-request-id',
  'etag',
  'last-modified',
  'content-range',
  'accept-ranges',
  'retry-after',
  'cache-control',
  'www-authenticate',
];

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/**
 * Checks responses against a committed OpenAPI 3.0 document: the status is documented for the
 * operation, the body matches the documented media type's schema, documented required headers are
 * present and valid, and the headers a client acts on are documented.
 */
export class OpenApiContract {
  private readonly bodies = new Ajv({ strict: false, allErrors: true, discriminator: true });
  private readonly headerValues = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    readonly name: string,
    readonly document: OpenApiDocument,
  ) {
    for (const ajv of [this.bodies, this.headerValues]) {
      addFormats(ajv);
      ajv.addFormat('binary', true);
      ajv.addSchema({ ...(withoutUntypedNullable(document) as object), $id: `${name}.json` });
    }
  }

  static load(name: string, root = process.cwd()): OpenApiContract {
    return new OpenApiContract(
      name,
      JSON.parse(readFileSync(join(root, 'openapi', `${name}.json`), 'utf8')) as OpenApiDocument,
    );
  }

  /**
   * The documented operation a route serves, as `[method, path]`, or null. Fastify's `:name` is
   * OpenAPI's `{name}`; its trailing wildcard `*` is the document's last parameter (a storage key
   * spans slashes). HEAD falls back to GET, as Fastify answers HEAD with the GET handler.
   */
  operationFor(method: string, route: string): { method: string; path: string } | null {
    const wanted = method.toLowerCase();
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const candidates = path.endsWith('*')
      ? Object.keys(this.document.paths).filter(
          (p) => p.startsWith(path.slice(0, -1)) && /^\{[^/}]+\}$/.test(p.slice(path.length - 1)),
        )
      : [path];
    for (const m of wanted === 'head' ? ['head', 'get'] : [wanted]) {
      const found = candidates.find((p) => this.document.paths[p]?.[m]);
      if (found) return { method: m, path: found };
    }
    return null;
  }

  check(response: ObservedResponse): ContractViolation | null {
    const problems: string[] = [];
    if (response.route === undefined) {
      // No route: only the framework's 404/405 may answer, and in the envelope.
      if (response.status !== 404 && response.status !== 405)
        problems.push(`status ${response.status} outside any route`);
      this.checkEnvelope(response, problems);
      return this.violation(`${response.method} ${response.path}`, response.status, problems);
    }
    const found = this.operationFor(response.method, response.route);
    if (!found) {
      return {
        operation: `${response.method} ${response.path}`,
        status: response.status,
        problems: ['the operation is not in the document'],
      };
    }
    const operation = this.document.paths[found.path][found.method];
    const label = `${operation.operationId ?? found.method} (${found.method.toUpperCase()} ${found.path})`;
    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) {
      problems.push(`status ${response.status} is not documented`);
      return this.violation(label, response.status, problems);
    }
    const pointer = `#/paths/${escape(found.path)}/${found.method}/responses/${response.status}`;
    const resolved = this.resolve(documented, pointer);
    this.checkHeaders(response, resolved.value, resolved.pointer, problems);
    if (response.method.toUpperCase() !== 'HEAD')
      this.checkBody(response, resolved.value, resolved.pointer, problems);
    return this.violation(label, response.status, problems);
  }

  private checkHeaders(
    response: ObservedResponse,
    documented: ResponseObject,
    pointer: string,
    problems: string[],
  ): void {
    const headers = Object.fromEntries(
      Object.entries(documented.headers ?? {}).map(([name, header]) => [
        name.toLowerCase(),
        { name, header },
      ]),
    );
    for (const [lower, { name, header }] of Object.entries(headers)) {
      const resolved = this.resolve(header, `${pointer}/headers/${escape(name)}`);
      const value = response.headers[lower];
      if (value === undefined) {
        if (resolved.value.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      if (!resolved.value.schema) continue;
      const validate = this.validator(this.headerValues, `${resolved.pointer}/schema`);
      const single = Array.isArray(value) ? value.join(', ') : value;
      if (!validate(single)) problems.push(`header ${name}: ${formatErrors(validate)}`);
    }
    for (const name of CONTRACT_HEADERS) {
      if (response.headers[name] !== undefined && !headers[name])
        problems.push(`header ${name} is sent but not documented for this status`);
    }
  }

  private checkBody(
    response: ObservedResponse,
    documented: ResponseObject,
    pointer: string,
    problems: string[],
  ): void {
    const content = documented.content ?? {};
    const hasBody = response.body !== undefined ? response.body.length > 0 : true;
    if (Object.keys(content).length === 0) {
      if (hasBody) problems.push('a body was sent where none is documented');
      return;
    }
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const mediaType = mediaTypeFor(content, contentType);
    if (!mediaType) {
      problems.push(
        `content type ${contentType || '(none)'} is not documented (${Object.keys(content).join(', ')})`,
      );
      return;
    }
    const schema = content[mediaType].schema as { format?: string } | undefined;
    // Bytes documented as bytes (a download) are whatever was stored, JSON included.
    if (!schema || schema.format === 'binary' || !isJson(contentType) || response.body === undefined) return;
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      problems.push('the body is not valid JSON');
      return;
    }
    const validate = this.validator(this.bodies, `${pointer}/content/${escape(mediaType)}/schema`);
    if (!validate(body)) problems.push(`body: ${formatErrors(validate)}`);
  }

  /** Any response may be the framework's envelope; checked against the documented error schema. */
  private checkEnvelope(response: ObservedResponse, problems: string[]): void {
    const schemas = this.document.components?.schemas ?? {};
    if (!('ErrorEnvelopeDto' in schemas) || response.body === undefined) return;
    try {
      const validate = this.validator(this.bodies, '#/components/schemas/ErrorEnvelopeDto');
      if (!validate(JSON.parse(response.body.toString('utf8'))))
        problems.push(`body: ${formatErrors(validate)}`);
    } catch {
      problems.push('the body is not the JSON error envelope');
    }
  }

  private resolve<T extends { $ref?: string }>(value: T, pointer: string): { value: T; pointer: string } {
    let current = value;
    let at = pointer;
    for (let hops = 0; current.$ref && hops < 8; hops++) {
      at = current.$ref;
      current = at
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], this.document) as T;
    }
    return { value: current, pointer: at };
  }

  private validator(ajv: Ajv, pointer: string): ValidateFunction {
    const key = `${ajv === this.bodies ? 'b' : 'h'}${pointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `${this.name}.json${pointer}` });
      this.compiled.set(key, validate);
    }
    return validate;
  }

  private violation(operation: string, status: number, problems: string[]): ContractViolation | null {
    return problems.length ? { operation, status, problems } : null;
  }
}

/**
 * OpenAPI 3.0.3 §4.7.25.1: `nullable: true` adds null only to a `type` in the same schema object;
 * beside `allOf`/`$ref` alone it admits nothing (Ajv refuses such a schema outright).
 */
function withoutUntypedNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUntypedNullable);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const untyped = !('type' in (node as object));
  return Object.fromEntries(
    entries
      .filter(([key]) => !(key === 'nullable' && untyped))
      .map(([key, value]) => [key, withoutUntypedNullable(value)]),
  );
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isJson(contentType: string): boolean {
  return contentType === 'application/json' || contentType.endsWith('+json');
}

/** The documented media type a content type falls under: exact, then `type/*`, then `*\/*`. */
function mediaTypeFor(content: Record<string, MediaType>, contentType: string): string | undefined {
  if (content[contentType]) return contentType;
  const wildcard = `${contentType.split('/')[0]}/*`;
  if (content[wildcard]) return wildcard;
  return content['*/*'] ? '*/*' : undefined;
}

function formatErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}
