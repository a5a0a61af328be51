import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transformer } from '@openfga/syntax-transformer';
import { DependencyUnavailableError, ErrorCode } from '@app/core';
import { OpenFgaAuthzClient } from './openfga-authz.client.js';

const DSL = `model
  schema 1.1
type user
type doc
  relations
    define viewer: [user]
`;
const STORE_ID = '01HVMMBCMGZNT3SED4Z17ECXCA';
const MODEL_ID = '01HVMMBD123456789ABCDEFGHJ';
const TOKEN = 'unit-secret-token-5678';

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  traceparent?: string;
  body: any;
}
type Reply = { status: number; body?: unknown };

/** Records what the SDK puts on the wire and answers from `reply`. */
class RecordingServer {
  readonly requests: Recorded[] = [];
  reply: (request: Recorded) => Reply = () => ({
    status: 404,
    body: { code: 'undefined_endpoint', message: 'Not Found' },
  });
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const recorded: Recorded = {
          method: req.method ?? '',
          url: req.url ?? '',
          authorization: req.headers.authorization,
          traceparent: req.headers.traceparent as string | undefined,
          body: text ? JSON.parse(text) : undefined,
        };
        this.requests.push(recorded);
        const { status, body } = this.reply(recorded);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server!.close(() => resolve());
      this.server!.closeAllConnections();
    });
  }
}

/** Answers init() for a pinned store and model, then `rest` for everything else. */
function readyServer(rest: (request: Recorded) => Reply | undefined = () => undefined) {
  return (request: Recorded): Reply => {
    if (request.method === 'GET' && request.url === `/stores/${STORE_ID}`) {
      return {
        status: 200,
        body: {
          id: STORE_ID,
          name: 's',
          created_at: '2024-01-01T00:00:00Z',
          updated_at: '2024-01-01T00:00:00Z',
        },
      };
    }
    if (request.method === 'GET' && request.url === `/stores/${STORE_ID}/authorization-models/${MODEL_ID}`) {
      return {
        status: 200,
        body: { authorization_model: { id: MODEL_ID, ...transformer.transformDSLToJSONObject(DSL) } },
      };
    }
    return rest(request) ?? { status: 404, body: { code: 'undefined_endpoint', message: 'Not Found' } };
  };
}

describe(OpenFgaAuthzClient.name, () => {
  const fake = new RecordingServer();

  beforeEach(async () => {
    fake.requests.length = 0;
    await fake.start();
  });

  afterEach(async () => {
    await fake.stop();
  });

  const pinned = (extra: Partial<ConstructorParameters<typeof OpenFgaAuthzClient>[0]> = {}) =>
    new OpenFgaAuthzClient({
      apiUrl: fake.url,
      storeId: STORE_ID,
      authorizationModelId: MODEL_ID,
      apiToken: TOKEN,
      model: DSL,
      maxRetries: 0,
      ...extra,
    });
  const calls = (path: string) => fake.requests.filter((r) => r.url.split('?')[0] === path);

  it('should refuse store and model ids that are not ULIDs, and a missing store', () => {
    expect(() => pinned({ storeId: 'my-store' })).toThrow(/ULID/);
    expect(() => pinned({ authorizationModelId: 'latest' })).toThrow(/ULID/);
    expect(() => new OpenFgaAuthzClient({ apiUrl: fake.url, model: DSL })).toThrow(/store/);
  });

  it('should verify a pinned store and model instead of writing a model', async () => {
    fake.reply = readyServer();

    await expect(pinned().init()).resolves.toEqual({ storeId: STORE_ID, authorizationModelId: MODEL_ID });

    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /stores/${STORE_ID}`,
      `GET /stores/${STORE_ID}/authorization-models/${MODEL_ID}`,
    ]);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('should create the store and write the model when neither exists', async () => {
    const created = '01HVMMC0000000000000000000';
    fake.reply = (r) => {
      if (r.method === 'GET' && r.url.startsWith('/stores?'))
        return { status: 200, body: { stores: [], continuation_token: '' } };
      if (r.method === 'POST' && r.url === '/stores') {
        return { status: 201, body: { id: created, name: r.body.name, created_at: 'x', updated_at: 'x' } };
      }
      if (r.method === 'GET')
        return { status: 200, body: { authorization_models: [], continuation_token: '' } };
      return { status: 201, body: { authorization_model_id: MODEL_ID } };
    };
    const client = new OpenFgaAuthzClient({
      apiUrl: fake.url,
      storeName: 'assets platform',
      model: DSL,
      maxRetries: 0,
    });

    await expect(client.init()).resolves.toEqual({ storeId: created, authorizationModelId: MODEL_ID });

    expect(fake.requests[0].url).toBe('/stores?page_size=100&name=assets+platform');
    expect(fake.requests[1].body).toEqual({ name: 'assets platform' });
    expect(fake.requests[2].url).toBe(`/stores/${created}/authorization-models?page_size=1`);
    expect(fake.requests[3]).toMatchObject({
      method: 'POST',
      url: `/stores/${created}/authorization-models`,
      body: JSON.parse(JSON.stringify(transformer.transformDSLToJSONObject(DSL))),
    });
  });

  it('should send check and listObjects with contextual tuples wrapped in tuple_keys', async () => {
    fake.reply = readyServer((r) =>
      r.url.endsWith('/check')
        ? { status: 200, body: { allowed: true } }
        : { status: 200, body: { objects: ['doc:1'] } },
    );
    const client = pinned();
    const contextual = [{ user: 'user:a', relation: 'viewer', object: 'doc:2' }];

    await expect(
      client.check({ user: 'user:a', relation: 'viewer', object: 'doc:1', contextualTuples: contextual }),
    ).resolves.toBe(true);
    await expect(client.listObjects({ user: 'user:a', relation: 'viewer', type: 'doc' })).resolves.toEqual([
      'doc:1',
    ]);

    expect(calls(`/stores/${STORE_ID}/check`)[0].body).toEqual({
      tuple_key: { user: 'user:a', relation: 'viewer', object: 'doc:1' },
      contextual_tuples: { tuple_keys: contextual },
      authorization_model_id: MODEL_ID,
    });
    expect(calls(`/stores/${STORE_ID}/list-objects`)[0].body).toEqual({
      user: 'user:a',
      relation: 'viewer',
      type: 'doc',
      contextual_tuples: { tuple_keys: [] },
      authorization_model_id: MODEL_ID,
    });
  });

  it("should send the current span's traceparent with every call when tracing gives one, and none otherwise", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    let current: string | undefined = traceparent;
    fake.reply = readyServer((request) => {
      if (request.url.endsWith('/check')) return { status: 200, body: { allowed: true } };
      if (request.url.endsWith('/batch-check'))
        return { status: 200, body: { result: { '0': { allowed: true } } } };
      if (request.url.endsWith('/list-objects')) return { status: 200, body: { objects: [] } };
      if (request.url.endsWith('/write')) return { status: 200, body: {} };
      if (request.url.endsWith('/read')) return { status: 200, body: { tuples: [], continuation_token: '' } };
      return undefined;
    });
    const client = pinned({ traceparent: () => current });
    const tuple = { user: 'user:alice', relation: 'viewer', object: 'doc:1' };
    await client.check(tuple);
    await client.batchCheck([tuple]);
    await client.listObjects({ user: 'user:alice', relation: 'viewer', type: 'doc' });
    await client.writeTuples([tuple]);
    await client.readTuples({ object: 'doc:1' });
    const sent = fake.requests.filter((r) => r.method === 'POST');
    expect(sent.map((r) => r.url.split('/').pop())).toEqual([
      'check',
      'batch-check',
      'list-objects',
      'write',
      'read',
    ]);
    for (const request of sent) expect(request.traceparent).toBe(traceparent);
    current = undefined;
    fake.requests.length = 0;
    await client.check(tuple);
    expect(fake.requests.map((r) => r.traceparent)).toEqual([undefined]);
  });

  it('should write with on_duplicate/on_missing ignore in chunks of at most 100', async () => {
    fake.reply = readyServer((r) => (r.url.endsWith('/write') ? { status: 200, body: {} } : undefined));
    const writes = Array.from({ length: 150 }, (_, i) => ({
      user: `user:u${i}`,
      relation: 'viewer',
      object: 'doc:1',
    }));
    const deletes = Array.from({ length: 60 }, (_, i) => ({
      user: `user:d${i}`,
      relation: 'viewer',
      object: 'doc:1',
    }));

    await pinned().writeTuples([...writes, writes[0]], deletes);

    const bodies = calls(`/stores/${STORE_ID}/write`).map((r) => r.body);
    expect(
      bodies.map((b) => (b.writes?.tuple_keys.length ?? 0) + (b.deletes?.tuple_keys.length ?? 0)),
    ).toEqual([100, 100, 10]);
    expect(bodies[0]).toEqual({
      writes: { tuple_keys: writes.slice(0, 100), on_duplicate: 'ignore' },
      authorization_model_id: MODEL_ID,
    });
    expect(bodies[1]).toEqual({
      writes: { tuple_keys: writes.slice(100), on_duplicate: 'ignore' },
      deletes: { tuple_keys: deletes.slice(0, 50), on_missing: 'ignore' },
      authorization_model_id: MODEL_ID,
    });
    expect(bodies[2].deletes).toEqual({ tuple_keys: deletes.slice(50), on_missing: 'ignore' });
  });

  it('should skip the request for an empty write', async () => {
    fake.reply = readyServer();

    await pinned().writeTuples([], []);

    expect(fake.requests).toEqual([]);
  });

  it('should send only the write for a tuple both deleted and written, as the embedded store ends up', async () => {
    fake.reply = readyServer((r) => (r.url.endsWith('/write') ? { status: 200, body: {} } : undefined));
    const tuple = { user: 'user:a', relation: 'viewer', object: 'doc:1' };

    await pinned().writeTuples([tuple], [tuple]);

    expect(calls(`/stores/${STORE_ID}/write`).map((r) => r.body)).toEqual([
      { writes: { tuple_keys: [tuple], on_duplicate: 'ignore' }, authorization_model_id: MODEL_ID },
    ]);
  });

  it('should batch-check through /batch-check in order, at most 50 per call', async () => {
    fake.reply = readyServer((r) => {
      if (!r.url.endsWith('/batch-check')) return undefined;
      // Reversed on purpose: results must be matched by correlation id, not position.
      const entries = [...r.body.checks]
        .reverse()
        .map((c: any) => [c.correlation_id, { allowed: c.tuple_key.user === 'user:yes' }]);
      return { status: 200, body: { result: Object.fromEntries(entries) } };
    });
    const requests = Array.from({ length: 120 }, (_, i) => ({
      user: i % 7 === 0 ? 'user:yes' : 'user:no',
      relation: 'viewer',
      object: 'doc:1',
      contextualTuples: i === 0 ? [{ user: 'user:yes', relation: 'viewer', object: 'doc:1' }] : undefined,
    }));

    const results = await pinned().batchCheck(requests);

    expect(results).toEqual(requests.map((_, i) => i % 7 === 0));
    const sent = calls(`/stores/${STORE_ID}/batch-check`).map((r) => r.body);
    expect(sent.map((b) => b.checks.length).sort()).toEqual([20, 50, 50]);
    const first = sent.flatMap((b) => b.checks).find((c: any) => c.correlation_id === '0');
    expect(first).toEqual({
      tuple_key: { user: 'user:yes', relation: 'viewer', object: 'doc:1' },
      contextual_tuples: { tuple_keys: [{ user: 'user:yes', relation: 'viewer', object: 'doc:1' }] },
      correlation_id: '0',
    });
    expect(sent[0].authorization_model_id).toBe(MODEL_ID);
  });

  it('should fail a batch check whose item came back with an error', async () => {
    fake.reply = readyServer((r) =>
      r.url.endsWith('/batch-check')
        ? {
            status: 200,
            body: {
              result: { '0': { error: { input_error: 'validation_error', message: 'relation not found' } } },
            },
          }
        : undefined,
    );

    await expect(
      pinned().batchCheck([{ user: 'user:a', relation: 'nope', object: 'doc:1' }]),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_ERROR,
      message: expect.stringMatching(/relation not found/),
      details: { openfga_code: 'validation_error' },
    });
  });

  it('should follow continuation tokens when reading tuples', async () => {
    fake.reply = readyServer((r) => {
      if (!r.url.endsWith('/read')) return undefined;
      const page = r.body.continuation_token === 'next' ? 2 : 1;
      return {
        status: 200,
        body: {
          tuples: [
            {
              key: { user: `user:p${page}`, relation: 'viewer', object: 'doc:1' },
              timestamp: '2024-01-01T00:00:00Z',
            },
          ],
          continuation_token: page === 1 ? 'next' : '',
        },
      };
    });

    const tuples = await pinned().readTuples({ object: 'doc:1', relation: 'viewer' });

    expect(tuples.map((t) => t.user)).toEqual(['user:p1', 'user:p2']);
    const bodies = calls(`/stores/${STORE_ID}/read`).map((r) => r.body);
    expect(bodies[0]).toEqual({ tuple_key: { object: 'doc:1', relation: 'viewer' }, page_size: 100 });
    expect(bodies[1]).toMatchObject({ continuation_token: 'next' });
  });

  it('should turn 5xx and unreachable servers into DependencyUnavailableError without the token', async () => {
    fake.reply = readyServer((r) =>
      r.url.endsWith('/check') ? { status: 503, body: { code: 'unavailable', message: 'down' } } : undefined,
    );
    const failure = await pinned()
      .check({ user: 'user:a', relation: 'viewer', object: 'doc:1' })
      .catch((error: unknown) => error);
    const unreachable = await new OpenFgaAuthzClient({
      apiUrl: 'http://127.0.0.1:1',
      storeName: 'x',
      model: DSL,
      apiToken: TOKEN,
      maxRetries: 0,
    })
      .healthCheck()
      .catch((error: unknown) => error);

    for (const error of [failure, unreachable]) {
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      const serialised = `${String(error)} ${JSON.stringify(error)} ${String((error as DependencyUnavailableError).cause)}`;
      expect(serialised).not.toContain(TOKEN);
    }
  });

  it('should treat a rejected token as the dependency being unavailable', async () => {
    fake.reply = () => ({ status: 401, body: { code: 'unauthenticated', message: 'unauthenticated' } });

    const error = await pinned()
      .init()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(String((error as DependencyUnavailableError).cause)).toContain('HTTP 401');
  });

  it('should report a 400 as a validation error, not as unavailability', async () => {
    fake.reply = readyServer((r) =>
      r.url.endsWith('/check')
        ? { status: 400, body: { code: 'validation_error', message: "relation 'doc#nope' not found" } }
        : undefined,
    );

    const error = await pinned()
      .check({ user: 'user:a', relation: 'nope', object: 'doc:1' })
      .catch((e: unknown) => e);

    expect(error).not.toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({
      code: ErrorCode.VALIDATION_ERROR,
      details: { openfga_code: 'validation_error' },
    });
    expect((error as Error).message).toMatch(/validation_error.*doc#nope/);
  });

  it('should resolve the store again after it vanished, reporting the dependency unavailable meanwhile', async () => {
    let storeGone = false;
    fake.reply = readyServer((r) => {
      if (!r.url.endsWith('/check')) return undefined;
      return storeGone
        ? { status: 404, body: { code: 'store_id_not_found', message: 'store not found' } }
        : { status: 200, body: { allowed: true } };
    });
    const client = pinned();
    const request = { user: 'user:a', relation: 'viewer', object: 'doc:1' };
    await expect(client.check(request)).resolves.toBe(true);

    storeGone = true;
    await expect(client.check(request)).rejects.toBeInstanceOf(DependencyUnavailableError);
    storeGone = false;
    fake.requests.length = 0;
    await expect(client.check(request)).resolves.toBe(true);

    expect(fake.requests.map((r) => r.url)).toEqual([
      `/stores/${STORE_ID}`,
      `/stores/${STORE_ID}/authorization-models/${MODEL_ID}`,
      `/stores/${STORE_ID}/check`,
    ]);
  });

  it('should name the setting at fault when a pinned store does not exist', async () => {
    fake.reply = () => ({ status: 404, body: { code: 'store_id_not_found', message: 'store not found' } });

    await expect(pinned().init()).rejects.toThrow(/OPENFGA_STORE_ID names a store that does not exist/);
  });

  it('should retry init after a failure instead of caching it', async () => {
    fake.reply = () => ({ status: 503, body: { code: 'unavailable', message: 'down' } });
    const client = pinned();
    await expect(client.init()).rejects.toBeInstanceOf(DependencyUnavailableError);

    fake.reply = readyServer();

    await expect(client.init()).resolves.toEqual({ storeId: STORE_ID, authorizationModelId: MODEL_ID });
  });
});
