import type { ClientBase } from 'pg';

/** A relationship tuple in OpenFGA's string form: user `user:alice` or `project:acme/p#viewer`. */
export interface TupleKey {
  user: string;
  relation: string;
  object: string;
}

export interface CheckRequest extends TupleKey {
  contextualTuples?: TupleKey[];
}

export interface ListObjectsRequest {
  user: string;
  relation: string;
  /** Object type, e.g. `data_connection`. */
  type: string;
  contextualTuples?: TupleKey[];
}

export interface ReadTuplesFilter {
  /** `type:id`, or `type:` for every object of the type (then `user` is required, as in OpenFGA). */
  object: string;
  relation?: string;
  user?: string;
}

/** Tuple writes on a transaction the caller owns; see AuthzClient.bindToTransaction. */
export interface TransactionalTupleWriter {
  /** Same contract as AuthzClient.writeTuples, inside the transaction. */
  writeTuples(writes: TupleKey[], deletes?: TupleKey[]): Promise<void>;
  /** Call once the transaction committed: the next check in this process then sees the change. */
  afterCommit(): Promise<void>;
}

/**
 * The authorization port. Adapters: OpenFgaAuthzClient (@openfga/sdk against an OpenFGA
 * server) and EmbeddedAuthzClient (our engine over tuples in Postgres). Both run the
 * contract suite in test/contracts/authz-client.contract.ts.
 */
export abstract class AuthzClient {
  abstract check(request: CheckRequest): Promise<boolean>;
  /** Same order as the input. */
  abstract batchCheck(requests: CheckRequest[]): Promise<boolean[]>;
  /** Full object ids (`data_connection:acme/p/db`). */
  abstract listObjects(request: ListObjectsRequest): Promise<string[]>;
  /** Idempotent: writing an existing tuple or deleting a missing one is not an error. */
  abstract writeTuples(writes: TupleKey[], deletes?: TupleKey[]): Promise<void>;
  abstract readTuples(filter: ReadTuplesFilter): Promise<TupleKey[]>;
  /**
   * Adapters whose tuples live in the caller's SQL database (the embedded engine over Postgres)
   * return a writer bound to `transaction`, so tuple changes commit or roll back with the caller's
   * other statements (its audit event). Remote adapters (OpenFGA) leave this undefined; their
   * writes are compensated instead. Only valid for a transaction on the database the adapter uses.
   */
  bindToTransaction?(transaction: ClientBase): TransactionalTupleWriter | undefined;
  /** Throws when the backend cannot answer; used by readiness. */
  abstract healthCheck(): Promise<void>;
}
