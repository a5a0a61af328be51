import type { ClientBase } from 'pg';
import type { ReadTuplesFilter, TupleKey } from '../authz-client.js';
import type { TupleReader } from './tuple-index.js';

/** Where tuples live. Model-agnostic: validation against the model is the engine's job. */
export interface TupleStore {
  read(filter: ReadTuplesFilter): Promise<TupleKey[]>;
  /** Deletes, then writes, in one transaction; idempotent both ways. */
  write(writes: TupleKey[], deletes: TupleKey[]): Promise<void>;
  /**
   * SQL stores only: the same write on the caller's open transaction (so it commits with the
   * caller's other statements); `afterCommit` once that transaction committed.
   */
  writeInTransaction?(transaction: ClientBase, writes: TupleKey[], deletes: TupleKey[]): Promise<void>;
  afterCommit?(): Promise<void>;
  /**
   * A synchronous, consistent view for one top-level request. Evaluating without an await per
   * hop is what keeps Check in the microseconds.
   */
  snapshot(): Promise<TupleReader>;
}
