import type {
  AuthorizationModel,
  ClientBatchCheckItem,
  OpenFgaClient,
  Store,
  TupleKey as FgaTupleKey,
  WriteAuthorizationModelRequest,
} from '@openfga/sdk';
import { AppException, DependencyUnavailableError } from '@app/core';
import { AuthzClient } from '../authz-client.js';
import type { CheckRequest, ListObjectsRequest, ReadTuplesFilter, TupleKey } from '../authz-client.js';
import type { AuthorizationModelJson } from '../engine/compiled-model.js';
import { loadSyntaxTransformer } from '../model/syntax-transformer.js';

type FgaSdk = typeof import('@openfga/sdk');

/** The SDK (and axios under it), loaded by the first client's init(): a process on the embedded engine never loads it. */
let sdk: FgaSdk | undefined;

async function loadSdk(): Promise<FgaSdk> {
  sdk ??= await import('@openfga/sdk');
  return sdk;
}

/** The loaded SDK; errors to map only exist once a call has been made, so it is always there. */
function loadedSdk(): FgaSdk {
  if (!sdk) throw new Error('@openfga/sdk is not loaded yet');
  return sdk;
}

/** OpenFGA ids are ULIDs; the SDK rejects anything else, so fail at boot with a clear message. */
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
/** OpenFGA's default OPENFGA_MAX_TUPLES_PER_WRITE (writes and deletes counted together). */
export const OPENFGA_MAX_TUPLES_PER_WRITE = 100;
/** OpenFGA's default OPENFGA_MAX_CHECKS_PER_BATCH_CHECK. */
export const OPENFGA_MAX_CHECKS_PER_BATCH_CHECK = 50;
/** Maximum page size of the Read API. */
const READ_PAGE_SIZE = 100;
const DEPENDENCY = 'openfga';

export interface OpenFgaAuthzClientOptions {
  /** Base URL of the OpenFGA HTTP API, e.g. `http://openfga:8080`. */
  apiUrl: string;
  /** OPENFGA_STORE_ID: use this store (must exist). */
  storeId?: string;
  /** Store to find by name, or create, when no store id is given. */
  storeName?: string;
  /** OPENFGA_AUTHORIZATION_MODEL_ID: pin a model instead of syncing `model`. */
  authorizationModelId?: string;
  /** Pre-shared key sent as `Authorization: Bearer …`. */
  apiToken?: string;
  /** The model, as DSL text or OpenFGA's JSON; written when it differs from the store's latest model. */
  model: string | AuthorizationModelJson;
  /** SDK retries on network errors, 429 and 5xx (default 3). */
  maxRetries?: number;
  /** Base wait before the first retry, doubled each time (default 100 ms). */
  minRetryWaitMs?: number;
  /** With tracing on: the current span's W3C `traceparent`, sent so OpenFGA's own spans join the trace. */
  traceparent?: () => string | undefined;
}

export interface OpenFgaTarget {
  storeId: string;
  authorizationModelId: string;
}

/**
 * AuthzClient over an OpenFGA server through @openfga/sdk. `init()` resolves the store and
 * model once; every other method calls it lazily, so the service can boot before OpenFGA.
 */
export class OpenFgaAuthzClient extends AuthzClient {
  /** Built by init(), which every call awaits first. */
  private fga!: OpenFgaClient;
  private ready?: Promise<OpenFgaTarget>;

  constructor(private readonly options: OpenFgaAuthzClientOptions) {
    super();
    if (options.storeId !== undefined && !ULID_PATTERN.test(options.storeId)) {
      throw new Error('OPENFGA_STORE_ID must be an OpenFGA store id (a ULID)');
    }
    if (options.authorizationModelId !== undefined && !ULID_PATTERN.test(options.authorizationModelId)) {
      throw new Error('OPENFGA_AUTHORIZATION_MODEL_ID must be an OpenFGA model id (a ULID)');
    }
    if (!options.storeId && !options.storeName) {
      throw new Error('OpenFgaAuthzClient needs a store id or a store name');
    }
  }

  /** Resolves (and caches) the store and model; a failed attempt is retried on the next call. */
  init(): Promise<OpenFgaTarget> {
    this.ready ??= this.connect().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async connect(): Promise<OpenFgaTarget> {
    const { CredentialsMethod, OpenFgaClient } = await loadSdk();
    const options = this.options;
    this.fga ??= new OpenFgaClient({
      apiUrl: options.apiUrl,
      credentials: options.apiToken
        ? { method: CredentialsMethod.ApiToken, config: { token: options.apiToken } }
        : undefined,
      retryParams: { maxRetry: options.maxRetries ?? 3, minWaitInMs: options.minRetryWaitMs ?? 100 },
    });
    return this.resolveTarget();
  }

  /** A call's SDK options, with the current span's `traceparent` header when tracing is on. */
  private traced<T extends object>(options: T): T & { headers?: Record<string, string> } {
    const traceparent = this.options.traceparent?.();
    return traceparent ? { ...options, headers: { traceparent } } : options;
  }

  override async check(request: CheckRequest): Promise<boolean> {
    await this.init();
    const response = await this.call('check', () =>
      this.fga.check(
        {
          user: request.user,
          relation: request.relation,
          object: request.object,
          contextualTuples: request.contextualTuples?.map(toFgaTuple),
        },
        this.traced({}),
      ),
    );
    return response.allowed === true;
  }

  override async batchCheck(requests: CheckRequest[]): Promise<boolean[]> {
    if (requests.length === 0) return [];
    await this.init();
    // The index is the correlation id: it matches OpenFGA's `^[\w\d-]{1,36}$` and maps results back.
    const checks: ClientBatchCheckItem[] = requests.map((request, index) => ({
      user: request.user,
      relation: request.relation,
      object: request.object,
      correlationId: String(index),
      // Unlike check(), the SDK forwards this field verbatim, so it must already be `{tuple_keys}`.
      contextualTuples: request.contextualTuples
        ? { tuple_keys: request.contextualTuples.map(toFgaTuple) }
        : undefined,
    }));
    const response = await this.call('batchCheck', () =>
      this.fga.batchCheck({ checks }, this.traced({ maxBatchSize: OPENFGA_MAX_CHECKS_PER_BATCH_CHECK })),
    );
    const results = new Array<boolean | undefined>(requests.length);
    for (const item of response.result) {
      if (item.error?.internal_error) {
        throw new DependencyUnavailableError(
          DEPENDENCY,
          new Error(`OpenFGA batch check item failed: ${item.error.internal_error}`),
        );
      }
      if (item.error?.message || item.error?.input_error) {
        // A rejected item is a rejected request, as check() reports it.
        throw AppException.validation(
          `OpenFGA rejected batchCheck item: ${item.error.message ?? 'invalid input'}`,
          {
            openfga_code: item.error.input_error ?? null,
          },
        );
      }
      results[Number(item.correlationId)] = item.allowed === true;
    }
    return results.map((allowed, index) => {
      if (allowed === undefined) throw new Error(`OpenFGA batch check returned no result for item ${index}`);
      return allowed;
    });
  }

  override async listObjects(request: ListObjectsRequest): Promise<string[]> {
    await this.init();
    const response = await this.call('listObjects', () =>
      this.fga.listObjects(
        {
          user: request.user,
          relation: request.relation,
          type: request.type,
          contextualTuples: request.contextualTuples?.map(toFgaTuple),
        },
        this.traced({}),
      ),
    );
    return response.objects ?? [];
  }

  override async writeTuples(writes: TupleKey[], deletes: TupleKey[] = []): Promise<void> {
    const operations = planWrites(writes, deletes);
    if (operations.length === 0) return;
    await this.init();
    // Chunks run in order: beyond 100 tuples the call is no longer atomic, but it is idempotent.
    for (let start = 0; start < operations.length; start += OPENFGA_MAX_TUPLES_PER_WRITE) {
      const chunk = operations.slice(start, start + OPENFGA_MAX_TUPLES_PER_WRITE);
      const chunkWrites = chunk.filter((op) => op.kind === 'write').map((op) => toFgaTuple(op.tuple));
      const chunkDeletes = chunk.filter((op) => op.kind === 'delete').map((op) => toFgaTuple(op.tuple));
      await this.call('write', () =>
        this.fga.write(
          { writes: chunkWrites, deletes: chunkDeletes },
          this.traced({
            conflict: {
              onDuplicateWrites: loadedSdk().ClientWriteRequestOnDuplicateWrites.Ignore,
              onMissingDeletes: loadedSdk().ClientWriteRequestOnMissingDeletes.Ignore,
            },
          }),
        ),
      );
    }
  }

  override async readTuples(filter: ReadTuplesFilter): Promise<TupleKey[]> {
    await this.init();
    const tuples: TupleKey[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.call('read', () =>
        this.fga.read(
          { object: filter.object, relation: filter.relation, user: filter.user },
          this.traced({ pageSize: READ_PAGE_SIZE, continuationToken }),
        ),
      );
      for (const tuple of page.tuples ?? []) {
        tuples.push({ user: tuple.key.user, relation: tuple.key.relation, object: tuple.key.object });
      }
      continuationToken = page.continuation_token || undefined;
    } while (continuationToken);
    return tuples;
  }

  override async healthCheck(): Promise<void> {
    await this.init();
    await this.call('getStore', () => this.fga.getStore());
  }

  private async resolveTarget(): Promise<OpenFgaTarget> {
    const storeId = this.options.storeId ?? (await this.findOrCreateStore(this.options.storeName as string));
    if (this.options.storeId) {
      // Fails fast on a wrong OPENFGA_STORE_ID instead of on the first check.
      await this.call(
        'getStore',
        () => this.fga.getStore({ storeId }),
        'OPENFGA_STORE_ID names a store that does not exist',
      );
    }
    this.fga.storeId = storeId;
    const authorizationModelId = this.options.authorizationModelId ?? (await this.syncModel());
    if (this.options.authorizationModelId) {
      await this.call(
        'readAuthorizationModel',
        () => this.fga.readAuthorizationModel({ authorizationModelId }),
        'OPENFGA_AUTHORIZATION_MODEL_ID names a model that does not exist in the store',
      );
    }
    this.fga.authorizationModelId = authorizationModelId;
    return { storeId, authorizationModelId };
  }

  private async findOrCreateStore(name: string): Promise<string> {
    const matches: Store[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.call('listStores', () =>
        this.fga.listStores({ name, pageSize: 100, continuationToken }),
      );
      // Servers older than v1.5 ignore the name filter, so match here as well.
      matches.push(...(page.stores ?? []).filter((store) => store.name === name));
      continuationToken = page.continuation_token || undefined;
    } while (continuationToken);
    if (matches.length > 0) {
      // Deterministic when a race created two stores with the same name: the oldest wins.
      matches.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
      return matches[0].id;
    }
    const created = await this.call('createStore', () => this.fga.createStore({ name }));
    return created.id;
  }

  private async syncModel(): Promise<string> {
    const { model } = this.options;
    const wanted = (
      typeof model === 'string' ? loadSyntaxTransformer().transformDSLToJSONObject(model) : model
    ) as WriteAuthorizationModelRequest;
    const latest = await this.call('readLatestAuthorizationModel', () =>
      this.fga.readLatestAuthorizationModel(),
    );
    if (latest.authorization_model && sameModel(latest.authorization_model, wanted)) {
      return latest.authorization_model.id;
    }
    const written = await this.call('writeAuthorizationModel', () =>
      this.fga.writeAuthorizationModel(wanted),
    );
    return written.authorization_model_id;
  }

  /**
   * Runs an SDK call and maps failures; nothing from the request (headers, token) is kept.
   * A store or model that vanished (OpenFGA reset, dev endpoint restarted) drops the cached
   * target so the next call resolves it again; `whenMissing` names the config at fault instead.
   */
  private async call<T>(operation: string, run: () => Promise<T>, whenMissing?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const missing = missingTargetCode(error);
      if (missing && whenMissing) throw new Error(`${whenMissing} (${missing})`);
      if (missing) {
        this.ready = undefined;
        throw new DependencyUnavailableError(
          DEPENDENCY,
          new Error(`OpenFGA ${operation} failed: ${missing}`),
        );
      }
      throw translateError(operation, error);
    }
  }
}

type WriteOperation = { kind: 'write' | 'delete'; tuple: TupleKey };

/**
 * Drops duplicates, which OpenFGA rejects within one request. A tuple both deleted and written
 * ends up written, as with the embedded store (deletes, then writes), so only the write is sent.
 */
function planWrites(writes: TupleKey[], deletes: TupleKey[]): WriteOperation[] {
  const written = new Map(writes.map((tuple) => [tupleId(tuple), tuple]));
  const deleted = new Map(deletes.map((tuple) => [tupleId(tuple), tuple]));
  for (const id of written.keys()) deleted.delete(id);
  return [
    ...[...written.values()].map((tuple): WriteOperation => ({ kind: 'write', tuple })),
    ...[...deleted.values()].map((tuple): WriteOperation => ({ kind: 'delete', tuple })),
  ];
}

function tupleId(tuple: TupleKey): string {
  return `${tuple.object}#${tuple.relation}@${tuple.user}`;
}

function toFgaTuple(tuple: TupleKey): FgaTupleKey {
  return { user: tuple.user, relation: tuple.relation, object: tuple.object };
}

/**
 * Compares models without their ids: the same JSON is the same model. Otherwise they are compared
 * in the syntax transformer's normal form (DSL round trip), which drops metadata noise a server
 * may add; the parser is loaded only then.
 */
function sameModel(current: AuthorizationModel, wanted: Omit<AuthorizationModel, 'id'>): boolean {
  if (stableStringify(modelBody(current)) === stableStringify(modelBody(wanted))) return true;
  try {
    return normalizeModel(current) === normalizeModel(wanted);
  } catch {
    // A model the transformer cannot render is, by definition, not ours.
    return false;
  }
}

function modelBody(model: Omit<AuthorizationModel, 'id'>) {
  const { schema_version, type_definitions, conditions } = model;
  return { schema_version, type_definitions, conditions };
}

function normalizeModel(model: Omit<AuthorizationModel, 'id'>): string {
  const transformer = loadSyntaxTransformer();
  const dsl = transformer.transformJSONToDSL(modelBody(model));
  return stableStringify(transformer.transformDSLToJSONObject(dsl));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const MISSING_TARGET_CODES = new Set([
  'store_id_not_found',
  'authorization_model_not_found',
  'latest_authorization_model_not_found',
]);

function missingTargetCode(error: unknown): string | undefined {
  const { FgaApiNotFoundError, FgaApiValidationError } = loadedSdk();
  if (!(error instanceof FgaApiValidationError || error instanceof FgaApiNotFoundError)) return undefined;
  const code = error.apiErrorCode as string | undefined;
  return code && MISSING_TARGET_CODES.has(code) ? code : undefined;
}

/**
 * Network errors, 5xx, 429 (after the SDK's retries) and rejected credentials mean OpenFGA
 * cannot answer: DependencyUnavailableError (503). A 400/404 is a request the model rejects
 * (422, as the embedded adapter answers); anything else is a bug on our side.
 * The cause is rebuilt from status and OpenFGA's error code only, never the SDK error itself:
 * that keeps request bodies and headers out of logs.
 */
function translateError(operation: string, error: unknown): Error {
  const {
    FgaApiAuthenticationError,
    FgaApiError,
    FgaApiInternalError,
    FgaApiNotFoundError,
    FgaApiRateLimitExceededError,
    FgaApiValidationError,
    FgaValidationError,
  } = loadedSdk();
  if (error instanceof FgaApiValidationError || error instanceof FgaApiNotFoundError) {
    // Same mapping as EmbeddedAuthzClient: the caller sent something the model rejects.
    const code = error.apiErrorCode ? ` (${error.apiErrorCode})` : '';
    return AppException.validation(
      `OpenFGA rejected ${operation}${code}: ${error.apiErrorMessage ?? `HTTP ${error.statusCode}`}`,
      {
        openfga_code: error.apiErrorCode ?? null,
      },
    );
  }
  if (error instanceof FgaValidationError) {
    return new Error(`OpenFGA client rejected ${operation}: ${error.message}`);
  }
  if (
    error instanceof FgaApiAuthenticationError ||
    error instanceof FgaApiInternalError ||
    error instanceof FgaApiRateLimitExceededError ||
    (error instanceof FgaApiError && (error.statusCode ?? 500) >= 500)
  ) {
    const status = error.statusCode ? `HTTP ${error.statusCode}` : 'no response';
    return new DependencyUnavailableError(DEPENDENCY, new Error(`OpenFGA ${operation} failed: ${status}`));
  }
  if (error instanceof FgaApiError) {
    return new Error(`OpenFGA rejected ${operation}: HTTP ${error.statusCode}`);
  }
  // FgaError without a response: connection refused, timeout, DNS.
  const reason = error instanceof Error ? error.message.replace(/^FGA Error: /, '') : 'unknown error';
  return new DependencyUnavailableError(DEPENDENCY, new Error(`OpenFGA ${operation} failed: ${reason}`));
}
