import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { transformer } from '@openfga/syntax-transformer';
import { startOpenFgaHttpServer } from './openfga-http.server.js';
import type { RunningOpenFgaHttpServer } from './openfga-http.server.js';

const MODEL = transformer.transformDSLToJSONObject(`model
  schema 1.1
type user
type group
  relations
    define member: [user]
type doc
  relations
    define owner: [user]
    define viewer: [user, group#member] or owner
`);
const TOKEN = 'test-preshared-key-1234';

describe('OpenFgaHttpServer', () => {
  let running: RunningOpenFgaHttpServer;
  const errors: unknown[] = [];

  beforeEach(async () => {
    errors.length = 0;
    running = await startOpenFgaHttpServer({ apiToken: TOKEN, onError: (error) => errors.push(error) });
  });

  afterEach(async () => {
    await running.close();
  });

  async function call(method: string, path: string, body?: unknown, token: string | null = TOKEN) {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  }

  async function storeWithModel(): Promise<{ storeId: string; modelId: string }> {
    const store = await call('POST', '/stores', { name: 'unit-store' });
    const model = await call('POST', `/stores/${store.body!.id}/authorization-models`, MODEL);
    return { storeId: store.body!.id, modelId: model.body!.authorization_model_id };
  }

  it('should answer /healthz without a token', async () => {
    await expect(call('GET', '/healthz', undefined, null)).resolves.toEqual({
      status: 200,
      body: { status: 'SERVING' },
    });
  });

  it('should require the bearer token on every other route', async () => {
    await expect(call('GET', '/stores', undefined, null)).resolves.toEqual({
      status: 401,
      body: { code: 'bearer_token_missing', message: 'missing bearer token' },
    });
    await expect(call('GET', '/stores', undefined, 'wrong')).resolves.toEqual({
      status: 401,
      body: { code: 'unauthenticated', message: 'unauthenticated' },
    });
    await expect(call('GET', '/stores')).resolves.toMatchObject({ status: 200 });
  });

  it('should create, get, list by name and delete stores with ULID ids', async () => {
    const created = await call('POST', '/stores', { name: 'alpha' });
    await call('POST', '/stores', { name: 'beta' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'alpha',
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
    });
    await expect(call('GET', `/stores/${created.body!.id}`)).resolves.toMatchObject({
      status: 200,
      body: { name: 'alpha' },
    });
    const byName = await call('GET', '/stores?name=alpha');
    expect(byName.body!.stores.map((s: { id: string }) => s.id)).toEqual([created.body!.id]);

    await expect(call('DELETE', `/stores/${created.body!.id}`)).resolves.toEqual({
      status: 204,
      body: undefined,
    });
    await expect(call('GET', `/stores/${created.body!.id}`)).resolves.toEqual({
      status: 404,
      body: { code: 'store_id_not_found', message: 'store not found' },
    });
  });

  it('should page through stores with continuation tokens', async () => {
    for (let i = 0; i < 5; i++) await call('POST', '/stores', { name: `store-${i}` });

    const first = await call('GET', '/stores?page_size=2');
    const second = await call(
      'GET',
      `/stores?page_size=2&continuation_token=${first.body!.continuation_token}`,
    );
    const third = await call(
      'GET',
      `/stores?page_size=2&continuation_token=${second.body!.continuation_token}`,
    );

    const names = [...first.body!.stores, ...second.body!.stores, ...third.body!.stores].map(
      (s: { name: string }) => s.name,
    );
    expect(names).toEqual(['store-0', 'store-1', 'store-2', 'store-3', 'store-4']);
    expect(third.body!.continuation_token).toBe('');
  });

  it('should reject a malformed store id and an unknown one', async () => {
    await expect(call('POST', '/stores/not-a-ulid/check', {})).resolves.toMatchObject({
      status: 400,
      body: { code: 'validation_error' },
    });
    await expect(call('POST', '/stores/01ARZ3NDEKTSV4RRFFQ69G5FAV/check', {})).resolves.toMatchObject({
      status: 404,
      body: { code: 'store_id_not_found' },
    });
  });

  it('should list models newest first and read one by id', async () => {
    const { storeId, modelId } = await storeWithModel();
    const second = await call('POST', `/stores/${storeId}/authorization-models`, MODEL);

    const list = await call('GET', `/stores/${storeId}/authorization-models?page_size=1`);
    expect(list.body!.authorization_models.map((m: { id: string }) => m.id)).toEqual([
      second.body!.authorization_model_id,
    ]);
    expect(list.body!.continuation_token).not.toBe('');
    const read = await call('GET', `/stores/${storeId}/authorization-models/${modelId}`);
    expect(read.body!.authorization_model).toMatchObject({ id: modelId, schema_version: '1.1' });
  });

  it('should reject an invalid model with invalid_authorization_model', async () => {
    const store = await call('POST', '/stores', { name: 'bad-model' });
    const response = await call('POST', `/stores/${store.body!.id}/authorization-models`, {
      schema_version: '1.1',
      type_definitions: [
        { type: 'doc', relations: { viewer: { computedUserset: { relation: 'missing' } } } },
      ],
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'invalid_authorization_model' } });
  });

  it('should answer check before any model with latest_authorization_model_not_found', async () => {
    const store = await call('POST', '/stores', { name: 'no-model' });
    const response = await call('POST', `/stores/${store.body!.id}/check`, {
      tuple_key: { user: 'user:a', relation: 'viewer', object: 'doc:1' },
    });
    expect(response).toMatchObject({ status: 400, body: { code: 'latest_authorization_model_not_found' } });
  });

  it('should write tuples and check them, with contextual tuples', async () => {
    const { storeId, modelId } = await storeWithModel();
    const write = await call('POST', `/stores/${storeId}/write`, {
      writes: {
        tuple_keys: [{ user: 'user:anne', relation: 'owner', object: 'doc:1' }],
        on_duplicate: 'error',
      },
      authorization_model_id: modelId,
    });
    expect(write).toEqual({ status: 200, body: {} });

    const check = (user: string, contextual: unknown[] = []) =>
      call('POST', `/stores/${storeId}/check`, {
        tuple_key: { user, relation: 'viewer', object: 'doc:1' },
        contextual_tuples: { tuple_keys: contextual },
        authorization_model_id: modelId,
      });
    await expect(check('user:anne')).resolves.toMatchObject({ status: 200, body: { allowed: true } });
    await expect(check('user:bob')).resolves.toMatchObject({ status: 200, body: { allowed: false } });
    await expect(
      check('user:bob', [
        { user: 'user:bob', relation: 'member', object: 'group:g' },
        { user: 'group:g#member', relation: 'viewer', object: 'doc:1' },
      ]),
    ).resolves.toMatchObject({ status: 200, body: { allowed: true } });
  });

  it('should honour on_duplicate and on_missing', async () => {
    const { storeId } = await storeWithModel();
    const tupleKey = { user: 'user:anne', relation: 'owner', object: 'doc:1' };
    await call('POST', `/stores/${storeId}/write`, { writes: { tuple_keys: [tupleKey] } });

    await expect(
      call('POST', `/stores/${storeId}/write`, { writes: { tuple_keys: [tupleKey] } }),
    ).resolves.toMatchObject({
      status: 400,
      body: { code: 'write_failed_due_to_invalid_input' },
    });
    await expect(
      call('POST', `/stores/${storeId}/write`, {
        writes: { tuple_keys: [tupleKey], on_duplicate: 'ignore' },
      }),
    ).resolves.toEqual({ status: 200, body: {} });
    const missing = { user: 'user:zed', relation: 'owner', object: 'doc:1' };
    await expect(
      call('POST', `/stores/${storeId}/write`, { deletes: { tuple_keys: [missing] } }),
    ).resolves.toMatchObject({
      status: 400,
      body: { code: 'write_failed_due_to_invalid_input' },
    });
    await expect(
      call('POST', `/stores/${storeId}/write`, { deletes: { tuple_keys: [missing], on_missing: 'ignore' } }),
    ).resolves.toEqual({ status: 200, body: {} });
  });

  it('should enforce the write limits and validate tuples against the model', async () => {
    const { storeId } = await storeWithModel();
    const many = Array.from({ length: 101 }, (_, i) => ({
      user: `user:u${i}`,
      relation: 'owner',
      object: 'doc:1',
    }));
    const post = (body: unknown) => call('POST', `/stores/${storeId}/write`, body);

    await expect(post({ writes: { tuple_keys: many } })).resolves.toMatchObject({
      status: 400,
      body: { code: 'exceeded_entity_limit' },
    });
    await expect(post({})).resolves.toMatchObject({ status: 400, body: { code: 'invalid_write_input' } });
    await expect(
      post({ writes: { tuple_keys: [many[0]] }, deletes: { tuple_keys: [many[0]] } }),
    ).resolves.toMatchObject({ status: 400, body: { code: 'cannot_allow_duplicate_tuples_in_one_request' } });
    // group#member is not an allowed user type of doc#owner.
    await expect(
      post({ writes: { tuple_keys: [{ user: 'group:g#member', relation: 'owner', object: 'doc:1' }] } }),
    ).resolves.toMatchObject({ status: 400, body: { code: 'invalid_tuple' } });
    await expect(
      post({ writes: { tuple_keys: [{ user: 'user:a', relation: 'owner', object: 'folder:1' }] } }),
    ).resolves.toMatchObject({ status: 400, body: { code: 'invalid_tuple' } });
    await expect(
      call('POST', `/stores/${storeId}/read`, { tuple_key: { object: 'doc:1' } }),
    ).resolves.toMatchObject({
      body: { tuples: [] },
    });
  });

  it('should page reads with continuation tokens and filter them', async () => {
    const { storeId } = await storeWithModel();
    const tupleKeys = Array.from({ length: 7 }, (_, i) => ({
      user: `user:u${i}`,
      relation: 'viewer',
      object: 'doc:1',
    }));
    await call('POST', `/stores/${storeId}/write`, {
      writes: { tuple_keys: [...tupleKeys, { user: 'user:u0', relation: 'owner', object: 'doc:2' }] },
    });

    const seen: string[] = [];
    let token = '';
    do {
      const page = await call('POST', `/stores/${storeId}/read`, {
        tuple_key: { object: 'doc:1', relation: 'viewer' },
        page_size: 3,
        continuation_token: token || undefined,
      });
      expect(page.body!.tuples.length).toBeLessThanOrEqual(3);
      for (const tuple of page.body!.tuples) {
        expect(tuple.timestamp).toEqual(expect.any(String));
        seen.push(tuple.key.user);
      }
      token = page.body!.continuation_token;
    } while (token);

    expect(seen.sort()).toEqual(tupleKeys.map((t) => t.user).sort());
    const byUser = await call('POST', `/stores/${storeId}/read`, {
      tuple_key: { object: 'doc:', user: 'user:u0' },
    });
    expect(byUser.body!.tuples.map((t: { key: unknown }) => t.key)).toEqual(
      [
        { user: 'user:u0', relation: 'viewer', object: 'doc:1' },
        { user: 'user:u0', relation: 'owner', object: 'doc:2' },
      ].sort((a, b) => a.object.localeCompare(b.object)),
    );
    const all = await call('POST', `/stores/${storeId}/read`, {});
    expect(all.body!.tuples).toHaveLength(8);
    await expect(
      call('POST', `/stores/${storeId}/read`, { tuple_key: { object: 'doc:' } }),
    ).resolves.toMatchObject({
      status: 400,
    });
    await expect(
      call('POST', `/stores/${storeId}/read`, { continuation_token: 'garbage!' }),
    ).resolves.toMatchObject({
      status: 400,
      body: { code: 'invalid_continuation_token' },
    });
  });

  it('should answer batch-check by correlation id and report per-item errors', async () => {
    const { storeId } = await storeWithModel();
    await call('POST', `/stores/${storeId}/write`, {
      writes: { tuple_keys: [{ user: 'user:anne', relation: 'viewer', object: 'doc:1' }] },
    });

    const response = await call('POST', `/stores/${storeId}/batch-check`, {
      checks: [
        { tuple_key: { user: 'user:anne', relation: 'viewer', object: 'doc:1' }, correlation_id: 'a' },
        { tuple_key: { user: 'user:bob', relation: 'viewer', object: 'doc:1' }, correlation_id: 'b' },
        { tuple_key: { user: 'user:bob', relation: 'nope', object: 'doc:1' }, correlation_id: 'c' },
      ],
    });

    expect(response.status).toBe(200);
    expect(response.body!.result.a).toEqual({ allowed: true });
    expect(response.body!.result.b).toEqual({ allowed: false });
    expect(response.body!.result.c.error).toMatchObject({ input_error: 'validation_error' });
  });

  it('should reject oversized batches and duplicate correlation ids', async () => {
    const { storeId } = await storeWithModel();
    const item = (id: string) => ({
      tuple_key: { user: 'user:a', relation: 'viewer', object: 'doc:1' },
      correlation_id: id,
    });

    await expect(
      call('POST', `/stores/${storeId}/batch-check`, {
        checks: Array.from({ length: 51 }, (_, i) => item(`c${i}`)),
      }),
    ).resolves.toMatchObject({ status: 400, body: { code: 'validation_error' } });
    await expect(
      call('POST', `/stores/${storeId}/batch-check`, { checks: [item('x'), item('x')] }),
    ).resolves.toMatchObject({
      status: 400,
    });
    await expect(
      call('POST', `/stores/${storeId}/batch-check`, { checks: [item('has space')] }),
    ).resolves.toMatchObject({
      status: 400,
    });
  });

  it('should list objects', async () => {
    const { storeId } = await storeWithModel();
    await call('POST', `/stores/${storeId}/write`, {
      writes: {
        tuple_keys: [
          { user: 'user:anne', relation: 'owner', object: 'doc:1' },
          { user: 'user:anne', relation: 'member', object: 'group:g' },
          { user: 'group:g#member', relation: 'viewer', object: 'doc:2' },
          { user: 'user:bob', relation: 'owner', object: 'doc:3' },
        ],
      },
    });

    const response = await call('POST', `/stores/${storeId}/list-objects`, {
      type: 'doc',
      relation: 'viewer',
      user: 'user:anne',
    });

    expect(response.status).toBe(200);
    expect(response.body!.objects.sort()).toEqual(['doc:1', 'doc:2']);
  });

  it('should answer bad transport input with OpenFGA JSON errors', async () => {
    const { storeId } = await storeWithModel();

    await expect(call('POST', `/stores/${storeId}/check`, '{not json')).resolves.toMatchObject({
      status: 400,
      body: { code: 'validation_error' },
    });
    await expect(call('POST', `/stores/${storeId}/check`, '[1,2]')).resolves.toMatchObject({ status: 400 });
    await expect(call('GET', `/stores/${storeId}/check`)).resolves.toMatchObject({ status: 405 });
    await expect(call('GET', '/nope')).resolves.toMatchObject({
      status: 404,
      body: { code: 'undefined_endpoint' },
    });
    await expect(call('GET', '/stores/%E0%A4%A')).resolves.toMatchObject({ status: 400 });
    const huge = JSON.stringify({
      tuple_key: { user: 'x'.repeat(2 * 1024 * 1024), relation: 'viewer', object: 'doc:1' },
    });
    await expect(call('POST', `/stores/${storeId}/check`, huge)).resolves.toMatchObject({ status: 413 });
    expect(errors).toEqual([]);
  });

  it('should reject a body over the limit even without a content-length', async () => {
    const { storeId } = await storeWithModel();
    const url = new URL(`${running.url}/stores/${storeId}/check`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          method: 'POST',
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // Chunked transfer: the server only learns the size while reading.
      for (let i = 0; i < 40; i++) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('should serve stores configured up front under their fixed ids', async () => {
    const fixed = await startOpenFgaHttpServer({
      stores: [{ id: '01HVMMBCMGZNT3SED4Z17ECXCA', name: 'dev-store' }],
    });
    try {
      const response = await fetch(`${fixed.url}/stores?name=dev-store`);
      await expect(response.json()).resolves.toMatchObject({
        stores: [{ id: '01HVMMBCMGZNT3SED4Z17ECXCA', name: 'dev-store' }],
      });
    } finally {
      await fixed.close();
    }
    await expect(startOpenFgaHttpServer({ stores: [{ id: 'nope', name: 'dev-store' }] })).rejects.toThrow(
      /ULID/,
    );
  });

  it('should never answer arbitrary JSON bodies with a 500', async () => {
    const { storeId } = await storeWithModel();
    const routes = ['write', 'read', 'check', 'batch-check', 'list-objects', 'authorization-models'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 4 }), async (route, body) => {
        const response = await call('POST', `/stores/${storeId}/${route}`, JSON.stringify(body));
        expect(response.status).toBeLessThan(500);
        expect(response.body === undefined || typeof response.body === 'object').toBe(true);
      }),
      { numRuns: 150 },
    );
    // Shapes close to valid requests exercise deeper validation.
    const tupleArb = fc.record(
      { user: fc.string(), relation: fc.string(), object: fc.string() },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(tupleArb, fc.array(tupleArb, { maxLength: 3 }), async (tupleKey, contextual) => {
        for (const [route, body] of [
          ['check', { tuple_key: tupleKey, contextual_tuples: { tuple_keys: contextual } }],
          ['write', { writes: { tuple_keys: [tupleKey, ...contextual] } }],
          ['read', { tuple_key: tupleKey }],
          ['list-objects', { ...tupleKey, type: tupleKey.object }],
        ] as const) {
          const response = await call('POST', `/stores/${storeId}/${route}`, body);
          expect(response.status).toBeLessThan(500);
        }
      }),
      { numRuns: 100 },
    );
    expect(errors).toEqual([]);
  });
});
