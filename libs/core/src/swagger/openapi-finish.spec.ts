import type { OpenAPIObject } from '@nestjs/swagger';
import { finishOpenApiDocument, NO_STORE_EXTENSION, PUBLIC_EXTENSION } from './openapi-finish.js';

const envelope = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelopeDto' } } };

function documentWith(paths: Record<string, unknown>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as unknown as OpenAPIObject;
}

describe('finishOpenApiDocument', () => {
  const server = { defaultHost: 'localhost:8002', description: 'Local' };

  it('should leave public routes without security and without a 401', () => {
    const doc = finishOpenApiDocument(
      documentWith({ '/health/live': { get: { [PUBLIC_EXTENSION]: true, responses: { '200': {} } } } }),
      server,
    );
    const op = doc.paths['/health/live'].get!;
    expect(op.security).toEqual([]);
    expect(Object.keys(op.responses)).toEqual(['200', '400']);
    expect(PUBLIC_EXTENSION in op).toBe(false);
    expect(doc.servers?.[0].variables?.host.default).toBe('localhost:8002');
    expect(doc.info.license?.name).toBe('Apache-2.0');
  });

  it('should merge every cause of a status into one description and give each error an example', () => {
    const doc = finishOpenApiDocument(
      documentWith({
        '/things': {
          post: {
            parameters: [{ name: 'X-Project-ID', in: 'header', required: true }],
            requestBody: { content: { 'application/json': { schema: {} } } },
            responses: {
              '201': {},
              '400': { description: 'INVALID_REQUEST: malformed query', content: envelope },
            },
          },
        },
      }),
      server,
    );
    const responses = doc.paths['/things'].post!.responses as Record<string, Record<string, any>>;
    expect(responses['400'].description).toBe(
      'INVALID_REQUEST: malformed query; malformed path, query or header; the body is not well-formed JSON; X-Project-ID is missing or not a valid project slug',
    );
    expect(responses['401'].headers['WWW-Authenticate']).toEqual({
      $ref: '#/components/headers/WwwAuthenticate',
    });
    expect(responses['415'].content['application/json'].example.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(responses['400'].content['application/json'].example.error).toMatchObject({ status: 400 });
    for (const response of Object.values(responses))
      expect(response.headers['X-Request-Id']).toEqual({ $ref: '#/components/headers/RequestId' });
    expect(responses['400'].headers['Cache-Control']).toBeDefined();
    expect(responses['201'].headers['Cache-Control']).toBeUndefined();
  });

  it('should document no-store on every response of a credential read', () => {
    const doc = finishOpenApiDocument(
      documentWith({ '/secret': { get: { [NO_STORE_EXTENSION]: true, responses: { '200': {} } } } }),
      server,
    );
    const responses = doc.paths['/secret'].get!.responses as Record<string, Record<string, any>>;
    expect(responses['200'].headers['Cache-Control']).toEqual({
      $ref: '#/components/headers/CacheControlNoStore',
    });
    expect(NO_STORE_EXTENSION in doc.paths['/secret'].get!).toBe(false);
  });
});
