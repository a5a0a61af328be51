import type { ReadTuplesFilter, TupleKey } from '../authz-client.js';
import type { TupleReader } from './tuple-index.js';

/** Where tuples live. Model-agnostic: validation against the model is the engine's job. */
export interface TupleStore {
  read(filter: ReadTuplesFilter): Promise<TupleKey[]>;
  /** Deletes, then writes, in one transaction; idempotent both ways. */
  write(writes: TupleKey[], deletes: TupleKey[]): Promise<void>;
  /**
   * A synchronous, consistent view for one top-level request. Evaluating without an await per
   * hop is what keeps Check in the microseconds.
   */
  snapshot(): Promise<TupleReader>;
}
