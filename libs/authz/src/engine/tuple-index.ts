import type { ReadTuplesFilter, TupleKey } from '../authz-client.js';
import { typeOf } from './tuple-key.js';

/**
 * Synchronous read access the evaluator needs. A store hands one out per top-level request
 * (`TupleStore.snapshot()`), so a Check does a single await and then runs without I/O.
 */
export interface TupleReader {
  /** Whether `object#relation@user` is stored, `user` compared verbatim (`user:*`, `group:x#member` included). */
  has(object: string, relation: string, user: string): boolean;
  /** Every user stored for `object#relation`. */
  users(object: string, relation: string): Iterable<string>;
  /** Only the userset users (`type:id#relation`) stored for `object#relation`. */
  usersets(object: string, relation: string): Iterable<string>;
  /** Tuples whose user is exactly `user` (ListObjects walks these upwards). */
  tuplesByUser(user: string): Iterable<TupleKey>;
}

const EMPTY: readonly never[] = [];

/** In-memory tuple index keyed for Check (object#relation → users) and ListObjects (user → tuples). */
export class TupleIndex implements TupleReader {
  private readonly byObjectRelation = new Map<string, Set<string>>();
  private readonly usersetsByObjectRelation = new Map<string, Set<string>>();
  private readonly relationsByObject = new Map<string, Set<string>>();
  private readonly byUser = new Map<string, Map<string, TupleKey>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(t: TupleKey): boolean {
    const key = `${t.object}#${t.relation}`;
    let users = this.byObjectRelation.get(key);
    if (!users) this.byObjectRelation.set(key, (users = new Set()));
    if (users.has(t.user)) return false;
    users.add(t.user);
    if (t.user.includes('#')) {
      let usersets = this.usersetsByObjectRelation.get(key);
      if (!usersets) this.usersetsByObjectRelation.set(key, (usersets = new Set()));
      usersets.add(t.user);
    }
    let relations = this.relationsByObject.get(t.object);
    if (!relations) this.relationsByObject.set(t.object, (relations = new Set()));
    relations.add(t.relation);
    let tuples = this.byUser.get(t.user);
    if (!tuples) this.byUser.set(t.user, (tuples = new Map()));
    tuples.set(key, { object: t.object, relation: t.relation, user: t.user });
    this.count++;
    return true;
  }

  remove(t: TupleKey): boolean {
    const key = `${t.object}#${t.relation}`;
    const users = this.byObjectRelation.get(key);
    if (!users?.delete(t.user)) return false;
    if (users.size === 0) {
      this.byObjectRelation.delete(key);
      const relations = this.relationsByObject.get(t.object);
      relations?.delete(t.relation);
      if (relations?.size === 0) this.relationsByObject.delete(t.object);
    }
    const usersets = this.usersetsByObjectRelation.get(key);
    if (usersets?.delete(t.user) && usersets.size === 0) this.usersetsByObjectRelation.delete(key);
    const tuples = this.byUser.get(t.user);
    tuples?.delete(key);
    if (tuples?.size === 0) this.byUser.delete(t.user);
    this.count--;
    return true;
  }

  clear(): void {
    this.byObjectRelation.clear();
    this.usersetsByObjectRelation.clear();
    this.relationsByObject.clear();
    this.byUser.clear();
    this.count = 0;
  }

  has(object: string, relation: string, user: string): boolean {
    return this.byObjectRelation.get(`${object}#${relation}`)?.has(user) ?? false;
  }

  users(object: string, relation: string): Iterable<string> {
    return this.byObjectRelation.get(`${object}#${relation}`) ?? EMPTY;
  }

  usersets(object: string, relation: string): Iterable<string> {
    return this.usersetsByObjectRelation.get(`${object}#${relation}`) ?? EMPTY;
  }

  tuplesByUser(user: string): Iterable<TupleKey> {
    return this.byUser.get(user)?.values() ?? EMPTY;
  }

  /** OpenFGA Read semantics: `object` is `type:id`, or `type:` together with `user`. */
  read(filter: ReadTuplesFilter): TupleKey[] {
    const out: TupleKey[] = [];
    const matches = (t: TupleKey) =>
      (filter.relation === undefined || t.relation === filter.relation) &&
      (filter.user === undefined || t.user === filter.user);
    const typeOnly = filter.object === '' || filter.object.endsWith(':');
    if (filter.user !== undefined && (typeOnly || filter.relation === undefined)) {
      const type = typeOf(filter.object);
      for (const t of this.tuplesByUser(filter.user)) {
        if (
          (filter.object === '' || (typeOnly ? typeOf(t.object) === type : t.object === filter.object)) &&
          matches(t)
        ) {
          out.push({ ...t });
        }
      }
      return out;
    }
    if (typeOnly) {
      // A type-wide read without a user is not allowed by OpenFGA either; keep it cheap but correct.
      const type = typeOf(filter.object);
      for (const tuples of this.byUser.values()) {
        for (const t of tuples.values())
          if ((filter.object === '' || typeOf(t.object) === type) && matches(t)) out.push({ ...t });
      }
      return out;
    }
    const relations =
      filter.relation !== undefined
        ? [filter.relation]
        : (this.relationsByObject.get(filter.object) ?? EMPTY);
    for (const relation of relations) {
      for (const user of this.users(filter.object, relation)) {
        if (filter.user === undefined || user === filter.user)
          out.push({ object: filter.object, relation, user });
      }
    }
    return out;
  }
}

/** Stored tuples plus a request's contextual tuples, which OpenFGA treats as if written. */
export class OverlayTupleReader implements TupleReader {
  constructor(
    private readonly base: TupleReader,
    private readonly overlay: TupleIndex,
  ) {}

  has(object: string, relation: string, user: string): boolean {
    return this.overlay.has(object, relation, user) || this.base.has(object, relation, user);
  }

  *users(object: string, relation: string): Iterable<string> {
    yield* this.overlay.users(object, relation);
    for (const u of this.base.users(object, relation)) if (!this.overlay.has(object, relation, u)) yield u;
  }

  *usersets(object: string, relation: string): Iterable<string> {
    yield* this.overlay.usersets(object, relation);
    for (const u of this.base.usersets(object, relation)) if (!this.overlay.has(object, relation, u)) yield u;
  }

  *tuplesByUser(user: string): Iterable<TupleKey> {
    yield* this.overlay.tuplesByUser(user);
    for (const t of this.base.tuplesByUser(user))
      if (!this.overlay.has(t.object, t.relation, t.user)) yield t;
  }
}
