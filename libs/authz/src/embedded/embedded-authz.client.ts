import type { ClientBase } from 'pg';
import { AppException } from '@app/core';
import {
  AuthzClient,
  type CheckRequest,
  type ListObjectsRequest,
  type ReadTuplesFilter,
  type TransactionalTupleWriter,
  type TupleKey,
} from '../authz-client.js';
import { AuthzEngine } from '../engine/authz.engine.js';
import { AuthzEngineError } from '../engine/authz-engine.error.js';
import { compileModel, type AuthorizationModelJson } from '../engine/compiled-model.js';
import type { TupleStore } from '../engine/tuple-store.js';

/** AuthzClient over the embedded OpenFGA engine; the store decides where tuples live. */
export class EmbeddedAuthzClient extends AuthzClient {
  constructor(
    private readonly engine: AuthzEngine,
    private readonly store: TupleStore,
  ) {
    super();
  }

  static fromDsl(model: string | AuthorizationModelJson, store: TupleStore): EmbeddedAuthzClient {
    return new EmbeddedAuthzClient(new AuthzEngine(compileModel(model), store), store);
  }

  async check(request: CheckRequest): Promise<boolean> {
    return this.translate(() => this.engine.check(request));
  }

  /** One snapshot for the whole batch; the first invalid item fails it, as check() would. */
  async batchCheck(requests: CheckRequest[]): Promise<boolean[]> {
    const outcomes = await this.engine.checkBatch(requests);
    return outcomes.map((outcome) => {
      if ('error' in outcome)
        return this.translate(() => {
          throw outcome.error;
        });
      return outcome.allowed;
    });
  }

  async listObjects(request: ListObjectsRequest): Promise<string[]> {
    return this.translate(() => this.engine.listObjects(request));
  }

  async writeTuples(writes: TupleKey[], deletes: TupleKey[] = []): Promise<void> {
    // Writes must fit the model (as OpenFGA's Write); deletes need not, so stale tuples can be removed.
    this.translate(() => writes.forEach((t) => this.engine.validateTuple(t)));
    await this.translate(() => this.store.write(writes, deletes));
  }

  /** Undefined unless the tuples live in SQL (PostgresTupleStore). */
  override bindToTransaction(transaction: ClientBase): TransactionalTupleWriter | undefined {
    const store = this.store;
    if (!store.writeInTransaction || !store.afterCommit) return undefined;
    return {
      writeTuples: async (writes: TupleKey[], deletes: TupleKey[] = []) => {
        this.translate(() => writes.forEach((t) => this.engine.validateTuple(t)));
        await this.translate(() => store.writeInTransaction!(transaction, writes, deletes));
      },
      afterCommit: () => store.afterCommit!(),
    };
  }

  async readTuples(filter: ReadTuplesFilter): Promise<TupleKey[]> {
    return this.store.read(filter);
  }

  async healthCheck(): Promise<void> {
    try {
      await this.store.read({ object: 'health:probe', relation: 'probe' });
    } catch {
      throw AppException.unavailable('authorization store');
    }
  }

  /** Engine errors are caller mistakes (bad tuple, unknown relation, model too deep): 4xx. */
  private translate<T>(fn: () => T): T {
    const wrap = (err: unknown): never => {
      if (err instanceof AuthzEngineError)
        throw AppException.validation(err.message, { authz_error_code: err.code });
      throw err;
    };
    try {
      const result = fn();
      return (result instanceof Promise ? result.catch(wrap) : result) as T;
    } catch (err) {
      return wrap(err);
    }
  }
}
