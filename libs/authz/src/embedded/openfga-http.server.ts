import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monotonicFactory } from 'ulid';
import type { CheckRequest, TupleKey } from '../authz-client.js';
import {
  AuthzEngine,
  AuthzEngineError,
  compileModel,
  InMemoryTupleStore,
  isValidRelationName,
  parseObject,
  parseUser,
} from '../engine/index.js';
import type { AuthorizationModelJson, CheckOutcome, CompiledModel, TupleStore } from '../engine/index.js';
import { ENDPOINT_CHALLENGE, ENDPOINT_PROOF_PATH, endpointProof } from '../openfga/endpoint-proof.js';

/**
 * A subset of the OpenFGA HTTP API (openfga/api v1, as spoken by @openfga/sdk 0.9) served by
 * our embedded engine: stores, authorization models, write, read, check, batch-check,
 * list-objects and /healthz (plus /endpoint-proof when a token is set: see endpoint-proof.ts). Used as the fake OpenFGA in tests and as the dev-mode
 * OpenFGA-compatible endpoint. Store and model metadata live in memory; tuples live in the
 * TupleStore returned by `tupleStoreFactory` (in memory by default).
 */
export interface OpenFgaHttpServerOptions {
  /** Pre-shared key: every route but /healthz then requires `Authorization: Bearer <apiToken>`. */
  apiToken?: string;
  /** Tuple storage of a newly created store, e.g. a PostgresTupleStore per store. */
  tupleStoreFactory?: (storeId: string) => TupleStore | Promise<TupleStore>;
  /** Request bodies above this size get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** OPENFGA_MAX_TUPLES_PER_WRITE (default 100). */
  maxTuplesPerWrite?: number;
  /** OPENFGA_MAX_CHECKS_PER_BATCH_CHECK (default 50). */
  maxChecksPerBatchCheck?: number;
  /**
   * Stores that exist from the start, e.g. a fixed OPENFGA_STORE_ID for a dev endpoint whose
   * tuples outlive restarts (store and model metadata themselves are kept in memory).
   */
  stores?: Array<{ id: string; name: string }>;
  /** Receives unexpected errors (500s); never request bodies or headers. */
  onError?: (error: unknown, context: { method: string; route: string }) => void;
}

export interface RunningOpenFgaHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** OpenFGA's error body: `{code, message}` with the string name of the proto enum. */
export class OpenFgaHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OpenFgaHttpError';
  }

  static validation(message: string, code = 'validation_error'): OpenFgaHttpError {
    return new OpenFgaHttpError(400, code, message);
  }
}

/** openfga/api ErrorCode numbers (2xxx) to their wire names. */
const ERROR_CODE_NAMES: Record<number, string> = {
  2000: 'validation_error',
  2001: 'authorization_model_not_found',
  2002: 'authorization_model_resolution_too_complex',
  2003: 'invalid_write_input',
  2004: 'cannot_allow_duplicate_tuples_in_one_request',
  2005: 'cannot_allow_duplicate_types_in_one_request',
  2006: 'cannot_allow_multiple_references_to_one_relation',
  2007: 'invalid_continuation_token',
  2008: 'invalid_tuple_set',
  2009: 'invalid_check_input',
  2011: 'unsupported_user_set',
  2012: 'invalid_object_format',
  2017: 'write_failed_due_to_invalid_input',
  2020: 'latest_authorization_model_not_found',
  2021: 'type_not_found',
  2022: 'relation_not_found',
  2023: 'empty_relation_definition',
  2025: 'invalid_user',
  2027: 'invalid_tuple',
  2028: 'unknown_relation',
  2053: 'exceeded_entity_limit',
  2054: 'invalid_contextual_tuple',
  2055: 'duplicate_contextual_tuple',
  2056: 'invalid_authorization_model',
  2057: 'unsupported_schema_version',
};

const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
/** Monotonic, so ids created in the same millisecond still sort in creation order (latest model = max id). */
const ulid = monotonicFactory();
const CORRELATION_ID_PATTERN = /^[\w-]{1,36}$/;
const STORE_NAME_PATTERN = /^[\w\s./@-]{3,64}$/;
const MAX_CONTEXTUAL_TUPLES = 100;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

interface ModelRecord {
  id: string;
  json: AuthorizationModelJson & { id: string };
  engine: AuthzEngine;
}

interface StoreRecord {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  tuples: TupleStore;
  /** Oldest first; ids are ULIDs, so this is also id order. */
  models: ModelRecord[];
  /** Serialises writes so "already exists" checks and the write happen atomically. */
  writeQueue: Promise<unknown>;
}

type Json = Record<string, unknown>;
type Handler = (params: {
  store?: StoreRecord;
  modelId?: string;
  body: Json;
  query: URLSearchParams;
}) => Promise<{
  status?: number;
  body?: unknown;
}>;

/** Builds the `node:http` server; call `listen()` yourself or use `startOpenFgaHttpServer`. */
export function createOpenFgaHttpServer(options: OpenFgaHttpServerOptions = {}): Server {
  const server = createServer(createOpenFgaRequestListener(options));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

/** Listens on 127.0.0.1 (port 0 by default) and returns the base URL. */
export async function startOpenFgaHttpServer(
  options: OpenFgaHttpServerOptions = {},
  listen: { port?: number; host?: string } = {},
): Promise<RunningOpenFgaHttpServer> {
  const server = createOpenFgaHttpServer(options);
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from SDK agents would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** The request listener alone, for mounting under another `node:http` server. */
export function createOpenFgaRequestListener(
  options: OpenFgaHttpServerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const api = new OpenFgaApi(options);
  return (req, res) => {
    api.handle(req, res).catch((error: unknown) => {
      // handle() answers every error itself; this only fires if the socket already broke.
      options.onError?.(error, { method: req.method ?? '', route: 'response' });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

class OpenFgaApi {
  private readonly stores = new Map<string, StoreRecord>();
  private readonly tokenDigest?: Buffer;
  private readonly maxBodyBytes: number;
  private readonly maxTuplesPerWrite: number;
  private readonly maxChecksPerBatchCheck: number;
  private seeded?: Promise<void>;

  constructor(private readonly options: OpenFgaHttpServerOptions) {
    this.tokenDigest = options.apiToken ? sha256(options.apiToken) : undefined;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.maxTuplesPerWrite = options.maxTuplesPerWrite ?? 100;
    this.maxChecksPerBatchCheck = options.maxChecksPerBatchCheck ?? 50;
    for (const store of options.stores ?? []) {
      if (!ULID_PATTERN.test(store.id)) throw new Error(`OpenFGA store id '${store.id}' is not a ULID`);
      if (!STORE_NAME_PATTERN.test(store.name))
        throw new Error(`OpenFGA store name '${store.name}' is invalid`);
    }
  }

  /** Seeds `options.stores` once, on the first request, since tuple store factories may be async. */
  private seed(): Promise<void> {
    this.seeded ??= (async () => {
      for (const { id, name } of this.options.stores ?? []) {
        if (!this.stores.has(id)) await this.addStore(id, name);
      }
    })().catch((error: unknown) => {
      this.seeded = undefined;
      throw error;
    });
    return this.seeded;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    let route = 'unknown';
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
      if (segments.length === 1 && segments[0] === 'healthz') {
        route = 'healthz';
        if (method !== 'GET') throw methodNotAllowed();
        return send(res, 200, { status: 'SERVING' });
      }
      if (segments.length === 1 && segments[0] === ENDPOINT_PROOF_PATH && this.options.apiToken) {
        route = 'endpoint-proof';
        if (method !== 'GET') throw methodNotAllowed();
        const challenge = url.searchParams.get('challenge') ?? '';
        if (!ENDPOINT_CHALLENGE.test(challenge))
          throw OpenFgaHttpError.validation('challenge must be 32 to 128 URL-safe characters');
        return send(res, 200, {
          proof: endpointProof(this.options.apiToken, req.socket.localPort ?? 0, challenge),
        });
      }
      this.authenticate(req);
      await this.seed();
      const resolved = this.route(method, segments);
      route = resolved.route;
      const body = method === 'POST' || method === 'PUT' ? await this.readJsonBody(req) : {};
      const store = resolved.storeId === undefined ? undefined : this.getStore(resolved.storeId);
      const result = await resolved.handler({
        store,
        modelId: resolved.modelId,
        body,
        query: url.searchParams,
      });
      send(res, result.status ?? 200, result.body);
    } catch (error) {
      this.sendError(res, error, method, route);
    }
  }

  // ---- routing -------------------------------------------------------------------------

  private route(
    method: string,
    segments: string[],
  ): { route: string; handler: Handler; storeId?: string; modelId?: string } {
    if (segments[0] !== 'stores') throw notFoundEndpoint();
    const [, storeId, resource, modelId, ...rest] = segments;
    if (storeId === undefined) {
      if (method === 'GET') return { route: 'ListStores', handler: (p) => this.listStores(p.query) };
      if (method === 'POST') return { route: 'CreateStore', handler: (p) => this.createStore(p.body) };
      throw methodNotAllowed();
    }
    if (resource === undefined) {
      if (method === 'GET')
        return { route: 'GetStore', storeId, handler: (p) => this.getStoreResponse(p.store!) };
      if (method === 'DELETE')
        return { route: 'DeleteStore', storeId, handler: (p) => this.deleteStore(p.store!) };
      throw methodNotAllowed();
    }
    if (rest.length > 0) throw notFoundEndpoint();
    if (resource === 'authorization-models') {
      if (modelId !== undefined) {
        if (method !== 'GET') throw methodNotAllowed();
        return {
          route: 'ReadAuthorizationModel',
          storeId,
          modelId,
          handler: (p) => this.readModel(p.store!, modelId),
        };
      }
      if (method === 'GET') {
        return {
          route: 'ReadAuthorizationModels',
          storeId,
          handler: (p) => this.readModels(p.store!, p.query),
        };
      }
      if (method === 'POST') {
        return {
          route: 'WriteAuthorizationModel',
          storeId,
          handler: (p) => this.writeModel(p.store!, p.body),
        };
      }
      throw methodNotAllowed();
    }
    if (modelId !== undefined) throw notFoundEndpoint();
    const post: Record<
      string,
      (store: StoreRecord, body: Json) => Promise<{ status?: number; body?: unknown }>
    > = {
      write: (s, b) => this.write(s, b),
      read: (s, b) => this.read(s, b),
      check: (s, b) => this.check(s, b),
      'batch-check': (s, b) => this.batchCheck(s, b),
      'list-objects': (s, b) => this.listObjects(s, b),
    };
    const operation = Object.hasOwn(post, resource) ? post[resource] : undefined;
    if (!operation) throw notFoundEndpoint();
    if (method !== 'POST') throw methodNotAllowed();
    return { route: resource, storeId, handler: (p) => operation(p.store!, p.body) };
  }

  private authenticate(req: IncomingMessage): void {
    if (!this.tokenDigest) return;
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
    if (!match) throw new OpenFgaHttpError(401, 'bearer_token_missing', 'missing bearer token');
    // Hashing first makes the comparison constant-time regardless of the presented length.
    if (!timingSafeEqual(sha256(match[1]), this.tokenDigest)) {
      throw new OpenFgaHttpError(401, 'unauthenticated', 'unauthenticated');
    }
  }

  private getStore(storeId: string): StoreRecord {
    if (!ULID_PATTERN.test(storeId)) {
      throw OpenFgaHttpError.validation(
        `invalid store_id: value does not match regex pattern "^[ABCDEFGHJKMNPQRSTVWXYZ0-9]{26}$"`,
      );
    }
    const store = this.stores.get(storeId);
    if (!store) throw new OpenFgaHttpError(404, 'store_id_not_found', 'store not found');
    return store;
  }

  // ---- stores ---------------------------------------------------------------------------

  private async listStores(query: URLSearchParams): Promise<{ body: unknown }> {
    const name = query.get('name') || undefined;
    const all = [...this.stores.values()].filter((store) => name === undefined || store.name === name);
    const page = paginate(all, (store) => store.id, query.get('page_size'), query.get('continuation_token'));
    return { body: { stores: page.items.map(storeView), continuation_token: page.continuationToken } };
  }

  private async createStore(body: Json): Promise<{ status: number; body: unknown }> {
    const name = body.name;
    if (typeof name !== 'string' || !STORE_NAME_PATTERN.test(name)) {
      throw OpenFgaHttpError.validation(
        'invalid CreateStoreRequest.Name: value does not match regex pattern "^[\\w\\d\\s./@-]{3,64}$"',
      );
    }
    const store = await this.addStore(ulid(), name);
    return { status: 201, body: storeView(store) };
  }

  private async addStore(id: string, name: string): Promise<StoreRecord> {
    const tuples = this.options.tupleStoreFactory
      ? await this.options.tupleStoreFactory(id)
      : new InMemoryTupleStore();
    const now = new Date().toISOString();
    const store: StoreRecord = {
      id,
      name,
      created_at: now,
      updated_at: now,
      tuples,
      models: [],
      writeQueue: Promise.resolve(),
    };
    this.stores.set(id, store);
    return store;
  }

  private async getStoreResponse(store: StoreRecord): Promise<{ body: unknown }> {
    return { body: storeView(store) };
  }

  private async deleteStore(store: StoreRecord): Promise<{ status: number }> {
    // Like OpenFGA, deleting a store does not delete its tuples from the backing storage.
    this.stores.delete(store.id);
    return { status: 204 };
  }

  // ---- authorization models ---------------------------------------------------------------

  private async writeModel(store: StoreRecord, body: Json): Promise<{ status: number; body: unknown }> {
    const input: AuthorizationModelJson = {
      schema_version: body.schema_version as string,
      type_definitions: body.type_definitions as AuthorizationModelJson['type_definitions'],
      ...(body.conditions !== undefined
        ? { conditions: body.conditions as AuthorizationModelJson['conditions'] }
        : {}),
    };
    if (typeof input.schema_version !== 'string' || !Array.isArray(input.type_definitions)) {
      throw OpenFgaHttpError.validation('schema_version and type_definitions are required');
    }
    if (input.schema_version !== '1.1') {
      throw OpenFgaHttpError.validation(
        `unsupported schema version: ${input.schema_version}`,
        'invalid_authorization_model',
      );
    }
    if (input.type_definitions.length === 0) {
      throw OpenFgaHttpError.validation(
        'invalid WriteAuthorizationModelRequest.TypeDefinitions: value must contain at least 1 item(s)',
        'type_definitions_too_few_items',
      );
    }
    let compiled: CompiledModel;
    try {
      compiled = compileModel(input);
    } catch (error) {
      if (error instanceof AuthzEngineError) {
        throw OpenFgaHttpError.validation(error.message, 'invalid_authorization_model');
      }
      throw error;
    }
    const id = ulid();
    store.models.push({ id, json: { id, ...input }, engine: new AuthzEngine(compiled, store.tuples) });
    store.updated_at = new Date().toISOString();
    return { status: 201, body: { authorization_model_id: id } };
  }

  private async readModels(store: StoreRecord, query: URLSearchParams): Promise<{ body: unknown }> {
    const newestFirst = [...store.models].reverse();
    const page = paginate(
      newestFirst,
      (model) => model.id,
      query.get('page_size'),
      query.get('continuation_token'),
      'desc',
    );
    return {
      body: {
        authorization_models: page.items.map((model) => model.json),
        continuation_token: page.continuationToken,
      },
    };
  }

  private async readModel(store: StoreRecord, modelId: string): Promise<{ body: unknown }> {
    return { body: { authorization_model: this.model(store, modelId).json } };
  }

  /** The model named by `authorization_model_id`, else the latest, as OpenFGA resolves it. */
  private model(store: StoreRecord, modelId: unknown): ModelRecord {
    if (modelId !== undefined && modelId !== null && modelId !== '') {
      if (typeof modelId !== 'string' || !ULID_PATTERN.test(modelId)) {
        throw OpenFgaHttpError.validation(
          'invalid authorization_model_id: value does not match regex pattern "^[ABCDEFGHJKMNPQRSTVWXYZ0-9]{26}$"',
        );
      }
      const model = store.models.find((candidate) => candidate.id === modelId);
      if (!model) {
        throw OpenFgaHttpError.validation(
          `Authorization Model '${modelId}' not found`,
          'authorization_model_not_found',
        );
      }
      return model;
    }
    const latest = store.models.at(-1);
    if (!latest) {
      throw OpenFgaHttpError.validation(
        `No authorization models found for store '${store.id}'`,
        'latest_authorization_model_not_found',
      );
    }
    return latest;
  }

  // ---- tuples -------------------------------------------------------------------------------

  private async write(store: StoreRecord, body: Json): Promise<{ body: unknown }> {
    const writesBody = optionalObject(body.writes, 'writes');
    const deletesBody = optionalObject(body.deletes, 'deletes');
    const writes = writesBody ? tupleKeys(writesBody.tuple_keys, 'writes.tuple_keys', true) : [];
    const deletes = deletesBody ? tupleKeys(deletesBody.tuple_keys, 'deletes.tuple_keys', false) : [];
    const onDuplicate = conflictMode(writesBody?.on_duplicate, 'writes.on_duplicate');
    const onMissing = conflictMode(deletesBody?.on_missing, 'deletes.on_missing');
    if (writes.length === 0 && deletes.length === 0) {
      throw OpenFgaHttpError.validation(
        'Invalid input. Make sure you provide at least one write or delete',
        'invalid_write_input',
      );
    }
    if (writes.length + deletes.length > this.maxTuplesPerWrite) {
      throw OpenFgaHttpError.validation(
        `The number of write operations exceeds the allowed limit of ${this.maxTuplesPerWrite}`,
        'exceeded_entity_limit',
      );
    }
    const seen = new Set<string>();
    for (const tuple of [...writes, ...deletes]) {
      const key = tupleString(tuple);
      if (seen.has(key)) {
        throw OpenFgaHttpError.validation(
          `duplicate tuple in write: user: '${tuple.user}', relation: '${tuple.relation}', object: '${tuple.object}'`,
          'cannot_allow_duplicate_tuples_in_one_request',
        );
      }
      seen.add(key);
    }
    const model = this.model(store, body.authorization_model_id);
    for (const tuple of writes) model.engine.validateTuple(tuple);
    for (const tuple of deletes) validateTupleShape(tuple);

    const run = async (): Promise<void> => {
      // Stores write idempotently, so only the "error" modes need to look first.
      if (onDuplicate === 'error') {
        for (const tuple of writes) {
          if (await exists(store.tuples, tuple))
            throw alreadyExists(tuple, 'cannot write a tuple which already exists');
        }
      }
      if (onMissing === 'error') {
        for (const tuple of deletes) {
          if (!(await exists(store.tuples, tuple)))
            throw alreadyExists(tuple, 'cannot delete a tuple which does not exist');
        }
      }
      await store.tuples.write(writes, deletes);
    };
    const result = store.writeQueue.then(run, run);
    store.writeQueue = result.catch(() => undefined);
    await result;
    return { body: {} };
  }

  private async read(store: StoreRecord, body: Json): Promise<{ body: unknown }> {
    const key = optionalObject(body.tuple_key, 'tuple_key');
    const object = optionalString(key?.object, 'tuple_key.object');
    const relation = optionalString(key?.relation, 'tuple_key.relation');
    const user = optionalString(key?.user, 'tuple_key.user');
    let tuples: TupleKey[];
    if (key && (object || relation || user)) {
      if (!object) throw OpenFgaHttpError.validation("the 'tuple_key.object' field is required");
      const typeOnly = object.endsWith(':');
      if (typeOnly && !user) {
        throw OpenFgaHttpError.validation(
          "the 'tuple_key.user' field must be specified when 'tuple_key.object' is a type only",
        );
      }
      if (!typeOnly && !/^[^:#@\s]+:[^#:\s]+$/.test(object)) {
        throw OpenFgaHttpError.validation(
          `invalid 'object' field format: ${object}`,
          'invalid_object_format',
        );
      }
      tuples = await store.tuples.read({ object, relation, user });
    } else {
      tuples = await this.readAll(store);
    }
    const sorted = tuples
      .map((tuple) => ({ user: tuple.user, relation: tuple.relation, object: tuple.object }))
      .sort((a, b) => compare(tupleString(a), tupleString(b)));
    const page = paginate(
      sorted,
      tupleString,
      pageSizeParam(body.page_size),
      optionalString(body.continuation_token, 'continuation_token'),
    );
    // Tuple stores keep no write time; the response time stands in for it.
    const timestamp = new Date().toISOString();
    return {
      body: {
        tuples: page.items.map((tuple) => ({ key: tuple, timestamp })),
        continuation_token: page.continuationToken,
      },
    };
  }

  /** Read without a filter: every tuple of the store (`object: ''` is the stores' "all" filter). */
  private async readAll(store: StoreRecord): Promise<TupleKey[]> {
    return store.tuples.read({ object: '' });
  }

  private async check(store: StoreRecord, body: Json): Promise<{ body: unknown }> {
    const model = this.model(store, body.authorization_model_id);
    const tuple = checkTupleKey(body.tuple_key, 'tuple_key');
    const contextualTuples = this.contextualTuples(body.contextual_tuples);
    const allowed = await model.engine.check({ ...tuple, contextualTuples });
    return { body: { allowed, resolution: '' } };
  }

  private async batchCheck(store: StoreRecord, body: Json): Promise<{ body: unknown }> {
    const model = this.model(store, body.authorization_model_id);
    if (!Array.isArray(body.checks) || body.checks.length === 0) {
      throw OpenFgaHttpError.validation(
        'invalid BatchCheckRequest.Checks: value must contain at least 1 item(s)',
      );
    }
    if (body.checks.length > this.maxChecksPerBatchCheck) {
      throw OpenFgaHttpError.validation(
        `batchCheck received ${body.checks.length} checks, the maximum allowed is ${this.maxChecksPerBatchCheck}`,
      );
    }
    const items = body.checks.map((raw, index) => {
      const item = requiredObject(raw, `checks[${index}]`);
      const correlationId = item.correlation_id;
      if (typeof correlationId !== 'string' || !CORRELATION_ID_PATTERN.test(correlationId)) {
        throw OpenFgaHttpError.validation(
          `invalid BatchCheckItem.CorrelationId: value does not match regex pattern "^[\\w\\d-]{1,36}$"`,
        );
      }
      return { item, correlationId };
    });
    const ids = new Set<string>();
    for (const { correlationId } of items) {
      if (ids.has(correlationId))
        throw OpenFgaHttpError.validation(`duplicate correlation_id provided: ${correlationId}`);
      ids.add(correlationId);
    }
    // Items that parse are checked together (one snapshot of the tuples); each answers alone.
    const parsed = items.map(({ item }): CheckRequest | { error: unknown } => {
      try {
        const tuple = checkTupleKey(item.tuple_key, 'tuple_key');
        return { ...tuple, contextualTuples: this.contextualTuples(item.contextual_tuples) };
      } catch (error) {
        return { error };
      }
    });
    const checkable = parsed.filter((p): p is CheckRequest => !('error' in p));
    const outcomes = checkable.length ? await model.engine.checkBatch(checkable) : [];
    const result: Record<string, unknown> = {};
    let next = 0;
    items.forEach(({ correlationId }, index) => {
      const p = parsed[index];
      const outcome: CheckOutcome = 'error' in p ? p : outcomes[next++];
      if (!('error' in outcome)) {
        result[correlationId] = { allowed: outcome.allowed };
        return;
      }
      const mapped = toHttpError(outcome.error);
      if (!mapped) throw outcome.error;
      result[correlationId] = {
        allowed: false,
        error:
          mapped.status < 500
            ? { input_error: mapped.code, message: mapped.message }
            : { internal_error: mapped.code, message: mapped.message },
      };
    });
    return { body: { result } };
  }

  private async listObjects(store: StoreRecord, body: Json): Promise<{ body: unknown }> {
    const model = this.model(store, body.authorization_model_id);
    const type = requiredString(body.type, 'type');
    const relation = requiredString(body.relation, 'relation');
    const user = requiredString(body.user, 'user');
    const contextualTuples = this.contextualTuples(body.contextual_tuples);
    const objects = await model.engine.listObjects({ type, relation, user, contextualTuples });
    return { body: { objects } };
  }

  private contextualTuples(raw: unknown): TupleKey[] {
    const wrapper = optionalObject(raw, 'contextual_tuples');
    if (!wrapper || wrapper.tuple_keys === undefined) return [];
    const tuples = tupleKeys(wrapper.tuple_keys, 'contextual_tuples.tuple_keys', true, 0);
    if (tuples.length > MAX_CONTEXTUAL_TUPLES) {
      throw OpenFgaHttpError.validation(
        `invalid ContextualTupleKeys.TupleKeys: value must contain no more than ${MAX_CONTEXTUAL_TUPLES} item(s)`,
      );
    }
    const seen = new Set<string>();
    for (const tuple of tuples) {
      // The engine validates each against the model when it overlays them.
      const key = tupleString(tuple);
      if (seen.has(key))
        throw OpenFgaHttpError.validation(
          `duplicate contextual tuple in request: ${key}`,
          'duplicate_contextual_tuple',
        );
      seen.add(key);
    }
    return tuples;
  }

  // ---- transport ------------------------------------------------------------------------------

  private async readJsonBody(req: IncomingMessage): Promise<Json> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) throw payloadTooLarge(this.maxBodyBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= this.maxBodyBytes) {
          chunks.push(chunk);
          return;
        }
        // Stop buffering but keep the socket: the 413 goes out with `connection: close`.
        req.off('data', onData);
        req.resume();
        reject(payloadTooLarge(this.maxBodyBytes));
      };
      req.on('data', onData);
      req.once('end', resolve);
      req.once('error', reject);
      req.once('aborted', () => reject(OpenFgaHttpError.validation('request aborted')));
    });
    if (size === 0) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw OpenFgaHttpError.validation('request body is not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw OpenFgaHttpError.validation('request body must be a JSON object');
    }
    return parsed as Json;
  }

  private sendError(res: ServerResponse, error: unknown, method: string, route: string): void {
    const mapped = toHttpError(error);
    if (mapped) {
      if (mapped.status === 413) res.setHeader('connection', 'close');
      return send(res, mapped.status, { code: mapped.code, message: mapped.message });
    }
    this.options.onError?.(error, { method, route });
    send(res, 500, { code: 'internal_error', message: 'Internal Server Error' });
  }
}

// ---- validation helpers ----------------------------------------------------------------------------

function toHttpError(error: unknown): OpenFgaHttpError | undefined {
  if (error instanceof OpenFgaHttpError) return error;
  if (error instanceof AuthzEngineError) {
    return new OpenFgaHttpError(400, ERROR_CODE_NAMES[error.code] ?? 'validation_error', error.message);
  }
  return undefined;
}

function optionalObject(value: unknown, field: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  return requiredObject(value, field);
}

function requiredObject(value: unknown, field: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw OpenFgaHttpError.validation(`invalid '${field}': must be an object`);
  }
  return value as Json;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw OpenFgaHttpError.validation(`invalid '${field}': must be a string`);
  return value;
}

function requiredString(value: unknown, field: string): string {
  const result = optionalString(value, field);
  if (result === undefined) throw OpenFgaHttpError.validation(`the '${field}' field is required`);
  if (result.length > 512) throw OpenFgaHttpError.validation(`the '${field}' field is too long`);
  return result;
}

function checkTupleKey(value: unknown, field: string): TupleKey {
  const key = requiredObject(value, field);
  return {
    user: requiredString(key.user, `${field}.user`),
    relation: requiredString(key.relation, `${field}.relation`),
    object: requiredString(key.object, `${field}.object`),
  };
}

function tupleKeys(value: unknown, field: string, allowCondition: boolean, min = 1): TupleKey[] {
  if (!Array.isArray(value) || value.length < min) {
    throw OpenFgaHttpError.validation(
      `invalid '${field}': value must contain at least ${min} item(s)`,
      'tuple_keys_too_many_or_too_few_items',
    );
  }
  return value.map((raw, index) => {
    const key = requiredObject(raw, `${field}[${index}]`);
    if (key.condition !== undefined && key.condition !== null) {
      // Our engine evaluates no ABAC conditions; accepting one would silently widen access.
      throw OpenFgaHttpError.validation(
        allowCondition ? 'conditions are not supported by this server' : 'deletes take no condition',
      );
    }
    return checkTupleKey(key, `${field}[${index}]`);
  });
}

function conflictMode(value: unknown, field: string): 'error' | 'ignore' {
  if (value === undefined || value === null || value === '' || value === 'error') return 'error';
  if (value === 'ignore') return 'ignore';
  throw OpenFgaHttpError.validation(`invalid '${field}': must be "error" or "ignore"`);
}

function pageSizeParam(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' && typeof value !== 'string')
    throw OpenFgaHttpError.validation("invalid 'page_size'");
  return String(value);
}

/** Shape only, as OpenFGA checks deletes; writes are also checked against the model by the engine. */
function validateTupleShape(tuple: TupleKey): void {
  const reason = !parseObject(tuple.object)
    ? "invalid 'object' field format"
    : !isValidRelationName(tuple.relation)
      ? "invalid 'relation' field format"
      : !parseUser(tuple.user)
        ? "invalid 'user' field format"
        : undefined;
  if (reason)
    throw OpenFgaHttpError.validation(
      `Invalid tuple '${tupleString(tuple)}'. Reason: ${reason}`,
      'invalid_tuple',
    );
}

async function exists(tuples: TupleStore, tuple: TupleKey): Promise<boolean> {
  const found = await tuples.read({ object: tuple.object, relation: tuple.relation, user: tuple.user });
  return found.some((candidate) => candidate.user === tuple.user);
}

function alreadyExists(tuple: TupleKey, what: string): OpenFgaHttpError {
  return OpenFgaHttpError.validation(
    `${what}: user: '${tuple.user}', relation: '${tuple.relation}', object: '${tuple.object}': invalid write input`,
    'write_failed_due_to_invalid_input',
  );
}

// ---- pagination ---------------------------------------------------------------------------------------

/**
 * Keyset pagination: the token is the base64 of the last key returned, so pages stay
 * consistent while tuples are written between calls.
 */
function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  pageSizeRaw: string | null,
  token: string | null | undefined,
  order: 'asc' | 'desc' = 'asc',
): { items: T[]; continuationToken: string } {
  let pageSize = DEFAULT_PAGE_SIZE;
  if (pageSizeRaw !== null && pageSizeRaw !== '') {
    pageSize = Number(pageSizeRaw);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw OpenFgaHttpError.validation(
        `invalid page_size: value must be inside range [1, ${MAX_PAGE_SIZE}]`,
        'page_size_invalid',
      );
    }
  }
  const sorted = [...items].sort((a, b) => (order === 'asc' ? 1 : -1) * compare(keyOf(a), keyOf(b)));
  let start = 0;
  if (token) {
    let after: unknown;
    try {
      after = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      after = undefined;
    }
    if (
      typeof after !== 'object' ||
      after === null ||
      typeof (after as { after?: unknown }).after !== 'string'
    ) {
      throw OpenFgaHttpError.validation('Invalid continuation token', 'invalid_continuation_token');
    }
    const afterKey = (after as { after: string }).after;
    start = sorted.findIndex((item) => (order === 'asc' ? 1 : -1) * compare(keyOf(item), afterKey) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + pageSize);
  const more = start + pageSize < sorted.length;
  const continuationToken = more
    ? Buffer.from(JSON.stringify({ after: keyOf(page[page.length - 1]) }), 'utf8').toString('base64url')
    : '';
  return { items: page, continuationToken };
}

// ---- small utilities --------------------------------------------------------------------------------

function storeView(store: StoreRecord): Json {
  return { id: store.id, name: store.name, created_at: store.created_at, updated_at: store.updated_at };
}

function tupleString(tuple: TupleKey): string {
  return `${tuple.object}#${tuple.relation}@${tuple.user}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw OpenFgaHttpError.validation('malformed URL path');
  }
}

function notFoundEndpoint(): OpenFgaHttpError {
  return new OpenFgaHttpError(404, 'undefined_endpoint', 'Not Found');
}

function methodNotAllowed(): OpenFgaHttpError {
  return new OpenFgaHttpError(405, 'undefined_endpoint', 'Method Not Allowed');
}

function payloadTooLarge(limit: number): OpenFgaHttpError {
  return new OpenFgaHttpError(413, 'validation_error', `request body exceeds ${limit} bytes`);
}
