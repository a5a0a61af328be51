import type { CheckRequest, ListObjectsRequest, TupleKey } from '../authz-client.js';
import { AuthzEngineError, AuthzErrorCode } from './authz-engine.error.js';
import type { CompiledModel, CompiledRelation, Rewrite } from './compiled-model.js';
import { OverlayTupleReader, TupleIndex, type TupleReader } from './tuple-index.js';
import { parseObject, parseUser, tupleToString, type ParsedUser } from './tuple-key.js';
import type { TupleStore } from './tuple-store.js';

/** OpenFGA's default `resolveNodeLimit`. */
export const MAX_RESOLUTION_DEPTH = 25;

// Three-valued result: a branch that loops back onto the path being evaluated is CYCLE
// ("unknown", Kleene logic). Only a definite answer is cached; CYCLE is `false` at the top,
// which is how OpenFGA answers `cycle_*` and `*_butnot_cycle` checks.
const FALSE = 0;
const TRUE = 1;
const CYCLE = 2;
type Outcome = typeof FALSE | typeof TRUE | typeof CYCLE;

/** One item of a batch: its answer, or why it could not be checked. */
export type CheckOutcome = { allowed: boolean } | { error: unknown };

interface PreparedCheck {
  type: string;
  user: ParsedUser;
  overlay: TupleIndex | undefined;
}

/**
 * Evaluates Check and ListObjects for one compiled model over a TupleStore, with OpenFGA's
 * semantics: type restrictions of the current model filter stored tuples (tuples that no longer
 * fit are ignored, never an error), contextual tuples are validated (2027) and overlaid, and the
 * resolution depth is capped at 25 (2002).
 */
export class AuthzEngine {
  constructor(
    readonly model: CompiledModel,
    private readonly store: TupleStore,
    private readonly maxDepth = MAX_RESOLUTION_DEPTH,
  ) {}

  async check(req: CheckRequest): Promise<boolean> {
    const prepared = this.prepareCheck(req);
    return this.evaluate(req, prepared, await this.store.snapshot());
  }

  /**
   * Checks that share one snapshot of the tuples, so a batch costs one freshness round trip of a
   * SQL store, not one per item. Each item is answered alone: an invalid one carries its error and
   * does not fail the others (OpenFGA's BatchCheck).
   */
  async checkBatch(requests: CheckRequest[]): Promise<CheckOutcome[]> {
    const prepared = requests.map((req): PreparedCheck | { error: unknown } => {
      try {
        return this.prepareCheck(req);
      } catch (error) {
        return { error };
      }
    });
    if (prepared.every((p) => 'error' in p)) return prepared as CheckOutcome[];
    const base = await this.store.snapshot();
    return prepared.map((p, i) => {
      if ('error' in p) return p;
      try {
        return { allowed: this.evaluate(requests[i], p, base) };
      } catch (error) {
        return { error };
      }
    });
  }

  private prepareCheck(req: CheckRequest): PreparedCheck {
    const object = parseObject(req.object);
    if (!object) throw AuthzEngineError.validation(`invalid object '${req.object}'`);
    const type = this.model.types.get(object.type);
    if (!type) throw AuthzEngineError.validation(`type '${object.type}' is not defined in the model`);
    if (!type.relations.has(req.relation)) {
      throw AuthzEngineError.validation(
        `relation '${object.type}#${req.relation}' is not defined in the model`,
      );
    }
    return {
      type: object.type,
      user: this.parseRequestUser(req.user),
      overlay: this.contextualIndex(req.contextualTuples),
    };
  }

  private evaluate(req: CheckRequest, prepared: PreparedCheck, base: TupleReader): boolean {
    const reader = prepared.overlay ? new OverlayTupleReader(base, prepared.overlay) : base;
    return new Evaluation(this.model, reader, prepared.user, req.user, this.maxDepth).check(
      req.object,
      prepared.type,
      req.relation,
    );
  }

  async listObjects(req: ListObjectsRequest): Promise<string[]> {
    const type = this.model.types.get(req.type);
    if (!type)
      throw new AuthzEngineError(
        AuthzErrorCode.TYPE_NOT_FOUND,
        `type '${req.type}' is not defined in the model`,
      );
    if (!type.relations.has(req.relation)) {
      throw new AuthzEngineError(
        AuthzErrorCode.RELATION_NOT_FOUND,
        `relation '${req.type}#${req.relation}' is not defined in the model`,
      );
    }
    const user = this.parseRequestUser(req.user);
    const overlay = this.contextualIndex(req.contextualTuples);
    const reader = await this.reader(overlay);
    const candidates = this.candidateObjects(reader, user, req.user, req.type, req.relation);
    const evaluation = new Evaluation(this.model, reader, user, req.user, this.maxDepth);
    const result: string[] = [];
    for (const object of candidates)
      if (evaluation.check(object, req.type, req.relation)) result.push(object);
    return result;
  }

  /** Throws AuthzEngineError 2027 when `tuple` cannot be written under the current model. */
  validateTuple(tuple: TupleKey): void {
    const problem = this.tupleProblem(tuple);
    if (problem) throw AuthzEngineError.invalidTuple(`invalid tuple '${tupleToString(tuple)}': ${problem}`);
  }

  private tupleProblem(t: TupleKey): string | undefined {
    const object = parseObject(t.object);
    if (!object) return 'malformed object';
    const user = parseUser(t.user);
    if (!user) return 'malformed user';
    const relation = this.model.types.get(object.type)?.relations.get(t.relation);
    if (!this.model.types.has(object.type)) return `type '${object.type}' is not defined`;
    if (!relation) return `relation '${object.type}#${t.relation}' is not defined`;
    const key = user.wildcard
      ? `${user.type}:*`
      : user.relation
        ? `${user.type}#${user.relation}`
        : user.type;
    if (!relation.allowed.has(key))
      return `'${key}' is not an allowed type restriction of '${object.type}#${t.relation}'`;
    return undefined;
  }

  private parseRequestUser(raw: string): ParsedUser {
    const user = parseUser(raw);
    if (!user) throw AuthzEngineError.validation(`invalid user '${raw}'`);
    const type = this.model.types.get(user.type);
    if (!type) throw AuthzEngineError.validation(`user type '${user.type}' is not defined in the model`);
    if (user.relation !== undefined && !type.relations.has(user.relation)) {
      throw AuthzEngineError.validation(
        `relation '${user.type}#${user.relation}' is not defined in the model`,
      );
    }
    return user;
  }

  private contextualIndex(tuples: TupleKey[] | undefined): TupleIndex | undefined {
    if (!tuples?.length) return undefined;
    const index = new TupleIndex();
    for (const t of tuples) {
      this.validateTuple(t);
      index.add(t);
    }
    return index;
  }

  private async reader(overlay: TupleIndex | undefined): Promise<TupleReader> {
    const base = await this.store.snapshot();
    return overlay ? new OverlayTupleReader(base, overlay) : base;
  }

  /**
   * Walks upwards from the user through tuples and the model's reverse edges and collects every
   * `type:id` that might hold `relation`. It over-approximates (intersections and exclusions are
   * treated as unions), so each candidate is then confirmed with a Check.
   */
  private candidateObjects(
    reader: TupleReader,
    user: ParsedUser,
    rawUser: string,
    type: string,
    relation: string,
  ): Set<string> {
    const candidates = new Set<string>();
    const seen = new Set<string>();
    const queue: Array<[string, string]> = [];
    const visit = (object: string, rel: string) => {
      const key = `${object}#${rel}`;
      if (seen.has(key)) return;
      seen.add(key);
      queue.push([object, rel]);
    };
    const starts = user.wildcard || user.relation !== undefined ? [rawUser] : [rawUser, `${user.type}:*`];
    for (const start of starts) for (const t of reader.tuplesByUser(start)) visit(t.object, t.relation);
    if (user.relation !== undefined) visit(user.object, user.relation);
    while (queue.length > 0) {
      const [object, rel] = queue.pop()!;
      const objectType = object.slice(0, object.indexOf(':'));
      if (objectType === type && rel === relation) candidates.add(object);
      for (const implied of this.model.impliedBy.get(`${objectType}#${rel}`) ?? []) visit(object, implied);
      const edges = this.model.ttuEdges.get(`${objectType}#${rel}`);
      if (edges) {
        for (const t of reader.tuplesByUser(object)) {
          for (const edge of edges) {
            if (t.relation === edge.tupleset && t.object.startsWith(`${edge.childType}:`))
              visit(t.object, edge.childRelation);
          }
        }
      }
      for (const t of reader.tuplesByUser(`${object}#${rel}`)) visit(t.object, t.relation);
    }
    return candidates;
  }
}

/** One request's evaluation: fixed user and reader, shared cache of definite answers. */
class Evaluation {
  private readonly cache = new Map<string, Outcome>();
  private readonly onPath = new Set<string>();
  private readonly parsedUsers = new Map<string, ParsedUser | undefined>();
  private readonly userKey: string;
  private readonly wildcardUser: string | undefined;

  constructor(
    private readonly model: CompiledModel,
    private readonly reader: TupleReader,
    private readonly user: ParsedUser,
    private readonly rawUser: string,
    private readonly maxDepth: number,
  ) {
    this.userKey = user.wildcard
      ? `${user.type}:*`
      : user.relation !== undefined
        ? `${user.type}#${user.relation}`
        : user.type;
    this.wildcardUser = user.wildcard || user.relation !== undefined ? undefined : `${user.type}:*`;
  }

  check(object: string, type: string, relation: string): boolean {
    return this.resolve(object, type, relation, 0) === TRUE;
  }

  private resolve(object: string, type: string, relation: string, depth: number): Outcome {
    if (depth >= this.maxDepth) throw AuthzEngineError.resolutionTooComplex(this.maxDepth);
    const key = `${object}#${relation}`;
    // A userset always contains itself (OpenFGA: a "self-defining" tuple).
    if (this.rawUser === key) return TRUE;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.onPath.has(key)) return CYCLE;
    const rel = this.model.types.get(type)?.relations.get(relation);
    if (!rel) return FALSE;
    this.onPath.add(key);
    let outcome: Outcome;
    try {
      outcome = this.rewrite(rel.rewrite, object, rel, depth);
    } finally {
      this.onPath.delete(key);
    }
    if (outcome !== CYCLE) this.cache.set(key, outcome);
    return outcome;
  }

  private rewrite(r: Rewrite, object: string, rel: CompiledRelation, depth: number): Outcome {
    switch (r.kind) {
      case 'direct':
        return this.direct(object, rel, depth);
      case 'computed':
        return this.resolve(object, rel.type, r.relation, depth + 1);
      case 'ttu':
        return this.tupleToUserset(object, rel, r.tupleset, r.relation, depth);
      case 'union':
        return this.any(r.children, (child) => this.rewrite(child, object, rel, depth));
      case 'intersection': {
        let result: Outcome = TRUE;
        let error: unknown;
        for (const child of r.children) {
          let outcome: Outcome;
          try {
            outcome = this.rewrite(child, object, rel, depth);
          } catch (err) {
            error ??= err;
            continue;
          }
          if (outcome === FALSE) return FALSE;
          if (outcome === CYCLE) result = CYCLE;
        }
        if (error !== undefined) throw error;
        return result;
      }
      case 'exclusion': {
        const base = this.rewrite(r.base, object, rel, depth);
        if (base === FALSE) return FALSE;
        const subtract = this.rewrite(r.subtract, object, rel, depth);
        if (subtract === TRUE) return FALSE;
        return base === CYCLE || subtract === CYCLE ? CYCLE : TRUE;
      }
    }
  }

  /** Direct assignment: exact user, the type's wildcard, then usersets — each only if the model still allows it. */
  private direct(object: string, rel: CompiledRelation, depth: number): Outcome {
    const { reader } = this;
    if (rel.allowed.has(this.userKey) && reader.has(object, rel.name, this.rawUser)) return TRUE;
    if (
      this.wildcardUser &&
      rel.allowed.has(this.wildcardUser) &&
      reader.has(object, rel.name, this.wildcardUser)
    )
      return TRUE;
    const union = new UnionAccumulator();
    for (const userset of reader.usersets(object, rel.name)) {
      const u = this.parse(userset);
      if (!u || u.relation === undefined || !rel.allowed.has(`${u.type}#${u.relation}`)) continue;
      if (union.add(() => this.resolve(u.object, u.type, u.relation!, depth + 1))) return TRUE;
    }
    return union.result();
  }

  private tupleToUserset(
    object: string,
    rel: CompiledRelation,
    tupleset: string,
    relation: string,
    depth: number,
  ): Outcome {
    const tuplesetRelation = this.model.types.get(rel.type)?.relations.get(tupleset);
    if (!tuplesetRelation) return FALSE;
    const union = new UnionAccumulator();
    for (const parent of this.reader.users(object, tupleset)) {
      const p = this.parse(parent);
      // Only plain objects whose type the tupleset still allows and that define the relation.
      if (!p || p.wildcard || p.relation !== undefined || !tuplesetRelation.allowed.has(p.type)) continue;
      if (!this.model.types.get(p.type)?.relations.has(relation)) continue;
      if (union.add(() => this.resolve(p.object, p.type, relation, depth + 1))) return TRUE;
    }
    return union.result();
  }

  private any<T>(items: readonly T[], evaluate: (item: T) => Outcome): Outcome {
    const union = new UnionAccumulator();
    for (const item of items) if (union.add(() => evaluate(item))) return TRUE;
    return union.result();
  }

  private parse(user: string): ParsedUser | undefined {
    if (this.parsedUsers.has(user)) return this.parsedUsers.get(user);
    const parsed = parseUser(user);
    this.parsedUsers.set(user, parsed);
    return parsed;
  }
}

/** Union: TRUE wins, even over an error in a sibling branch (OpenFGA resolves branches concurrently). */
class UnionAccumulator {
  private cycle = false;
  private error: unknown;
  private failed = false;

  /** Evaluates one branch; returns true when the union is decided (TRUE). */
  add(evaluate: () => Outcome): boolean {
    let outcome: Outcome;
    try {
      outcome = evaluate();
    } catch (err) {
      if (!this.failed) this.error = err;
      this.failed = true;
      return false;
    }
    if (outcome === CYCLE) this.cycle = true;
    return outcome === TRUE;
  }

  result(): Outcome {
    if (this.failed) throw this.error;
    return this.cycle ? CYCLE : FALSE;
  }
}
