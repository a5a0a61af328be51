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
  /** Throws when the backend cannot answer; used by readiness. */
  abstract healthCheck(): Promise<void>;
}
