import type { FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppException } from '../errors/app.exception.js';
import { ErrorCode } from '../errors/error-code.js';
import { fieldProblem } from './validation.pipe.js';
import { acceptsFormBody, parseFormBody } from './form-body.js';

/**
 * Deepest JSON nesting a body may have. Our largest real body (a connection with its config and
 * credentials) nests 4 levels; every consumer after the parser (class-transformer, ajv, audit
 * scrubbing) recurses, so depth is bounded before anything else sees the body.
 */
export const MAX_JSON_DEPTH = 64;

const NUL = '\u0000';
const NUL_ERROR = 'must not contain U+0000';
const MAX_FIELD_NAME = 200;

/**
 * Whether JSON text nests deeper than `max` arrays/objects. One pass over the text with a counter,
 * no recursion and no allocation, so it is safe on any input the body limit lets through; brackets
 * inside strings do not count. Malformed text is left for JSON.parse to refuse.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next char is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** A field path as a linked list, so walking a deep value copies nothing. */
type PathNode = { key: string; parent: PathNode | null } | null;

function fieldName(node: PathNode): string {
  const keys: string[] = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.').replaceAll(NUL, '\\u0000').slice(0, MAX_FIELD_NAME);
}

/**
 * The path of the first string (value or key) holding U+0000 in a parsed body, query or params
 * object, in document order; null if there is none. Iterative; a raw-body stream or a Buffer is
 * not text and is not walked.
 */
export function findNul(value: unknown): string | null {
  const stack: Array<[unknown, PathNode]> = [[value, null]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return fieldName(path);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], { key: String(i), parent: path }]);
      continue;
    }
    // Fastify's query, params and headers have their own null-based prototypes; skip only bytes and streams.
    if (ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === 'function') continue;
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [key] of entries) if (key.includes(NUL)) return fieldName({ key, parent: path });
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push([entries[i]![1], { key: entries[i]![0], parent: path }]);
  }
  return null;
}

/** The parts of a request that hold client text (the request line, headers and parsed body). */
type RequestInput = Pick<FastifyRequest, 'query' | 'params' | 'headers' | 'body'>;

function rejectNul(request: RequestInput): void {
  const problem = (field: string) => fieldProblem(field, NUL_ERROR);
  const inQuery = findNul(request.query);
  if (inQuery !== null) throw AppException.invalidRequest('Invalid query parameters', problem(inQuery));
  const inParams = findNul(request.params);
  if (inParams !== null) throw AppException.invalidRequest('Invalid path parameters', problem(inParams));
  const inHeaders = findNul(request.headers);
  if (inHeaders !== null) throw AppException.invalidRequest('Invalid header', problem(inHeaders));
  const inBody = findNul(request.body);
  if (inBody !== null) throw AppException.validation('Request body failed validation', problem(inBody));
}

/**
 * Input no route can store or recurse over is refused before any route code runs, on every route
 * of the app:
 * - JSON bodies (`application/json`, any parameters) nested deeper than MAX_JSON_DEPTH: 422,
 *   decided by a linear scan before JSON.parse; Fastify's own parser (prototype-poisoning checks
 *   included) then parses the rest;
 * - U+0000 anywhere in a query string, a path parameter, a header or a parsed body, keys included
 *   (PostgreSQL text cannot hold it): 400 for the request line and headers, 422 for a body.
 */
const UNSUPPORTED = 'Unsupported Content-Type: send the body as application/json';

export function registerInputGuards(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // Registered through Nest so that it replaces the JSON parser Nest would add at init.
  app.useBodyParser('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      done(
        AppException.validation(
          'Request body is nested too deeply',
          fieldProblem('body', `is nested deeper than ${MAX_JSON_DEPTH} levels`),
        ),
        undefined,
      );
      return;
    }
    void parseJson(request as unknown as Parameters<typeof parseJson>[0], text, done);
  });
  // JSON routes take JSON only: a form or text body would reach validation as stray fields or a
  // string, and field names quoted back could be the caller's data. Any other body answers 415;
  // a Content-Type on a request without a body (a DELETE, say) is harmless and ignored.
  const unsupported = () => new AppException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED);
  // Except on the few routes that opt in with @AcceptsFormBody (the dev IdP's forms).
  app.useBodyParser('application/x-www-form-urlencoded', {}, (request, body, done) => {
    if (body.length === 0) done(null, undefined);
    else if (acceptsFormBody(request as unknown as FastifyRequest))
      done(null, parseFormBody(body.toString('utf8')));
    else done(unsupported(), undefined);
  });
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('*', (request, payload, done) => {
    const declared = request.headers['content-length'];
    if (declared === '0' || (declared === undefined && request.headers['transfer-encoding'] === undefined)) {
      payload.resume();
      done(null, undefined);
      return;
    }
    done(unsupported(), undefined);
  });
  fastify.addHook('preValidation', async (request) => rejectNul(request));
}
