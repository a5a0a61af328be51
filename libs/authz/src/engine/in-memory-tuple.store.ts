import type { ReadTuplesFilter, TupleKey } from '../authz-client.js';
import { AuthzEngineError } from './authz-engine.error.js';
import { TupleIndex, type TupleReader } from './tuple-index.js';
import { parseObject, parseUser, isValidRelationName, tupleToString } from './tuple-key.js';
import type { TupleStore } from './tuple-store.js';

/** Process-local store for tests, the CLI and single-node dev setups. */
export class InMemoryTupleStore implements TupleStore {
  private readonly index = new TupleIndex();

  constructor(initial: TupleKey[] = []) {
    for (const t of initial) this.index.add(assertWellFormed(t));
  }

  get size(): number {
    return this.index.size;
  }

  async read(filter: ReadTuplesFilter): Promise<TupleKey[]> {
    return this.index.read(filter);
  }

  async write(writes: TupleKey[], deletes: TupleKey[]): Promise<void> {
    // Validate everything first so a bad tuple leaves the store untouched (all-or-nothing).
    writes.forEach(assertWellFormed);
    deletes.forEach(assertWellFormed);
    for (const t of deletes) this.index.remove(t);
    for (const t of writes) this.index.add(t);
  }

  async snapshot(): Promise<TupleReader> {
    return this.index;
  }
}

export function assertWellFormed(t: TupleKey): TupleKey {
  if (!parseObject(t.object) || !isValidRelationName(t.relation) || !parseUser(t.user)) {
    throw AuthzEngineError.invalidTuple(`malformed tuple '${tupleToString(t)}'`);
  }
  return t;
}
