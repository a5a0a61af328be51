import { loadSyntaxTransformer } from '../model/syntax-transformer.js';
import { AuthzEngineError } from './authz-engine.error.js';

/** OpenFGA's JSON model shape (WriteAuthorizationModel body), schema 1.1. */
export interface AuthorizationModelJson {
  schema_version: string;
  type_definitions: TypeDefinitionJson[];
  conditions?: Record<string, unknown>;
}

export interface TypeDefinitionJson {
  type: string;
  relations?: Record<string, UsersetJson>;
  metadata?: {
    relations?: Record<string, { directly_related_user_types?: RelationReferenceJson[] } | undefined>;
  } | null;
}

export interface RelationReferenceJson {
  type: string;
  relation?: string;
  wildcard?: object;
  condition?: string;
}

export interface UsersetJson {
  this?: object;
  computedUserset?: { object?: string; relation?: string };
  tupleToUserset?: { tupleset: { relation?: string }; computedUserset: { relation?: string } };
  union?: { child: UsersetJson[] };
  intersection?: { child: UsersetJson[] };
  difference?: { base: UsersetJson; subtract: UsersetJson };
}

export type Rewrite =
  | { readonly kind: 'direct' }
  | { readonly kind: 'computed'; readonly relation: string }
  | { readonly kind: 'ttu'; readonly tupleset: string; readonly relation: string }
  | { readonly kind: 'union' | 'intersection'; readonly children: readonly Rewrite[] }
  | { readonly kind: 'exclusion'; readonly base: Rewrite; readonly subtract: Rewrite };

export interface CompiledRelation {
  readonly type: string;
  readonly name: string;
  readonly rewrite: Rewrite;
  readonly directlyRelated: readonly RelationReferenceJson[];
  /** Allowed user shapes as keys: `user`, `user:*`, `group#member`. */
  readonly allowed: ReadonlySet<string>;
}

export interface CompiledType {
  readonly name: string;
  readonly relations: ReadonlyMap<string, CompiledRelation>;
}

/** An edge used by ListObjects to walk from a tupleset parent up to the relation that reads it. */
export interface TtuEdge {
  readonly childType: string;
  readonly childRelation: string;
  readonly tupleset: string;
}

export interface CompiledModel {
  readonly json: AuthorizationModelJson;
  readonly types: ReadonlyMap<string, CompiledType>;
  /** `type#relation` → relations of the same type whose rewrite mentions it (ListObjects). */
  readonly impliedBy: ReadonlyMap<string, readonly string[]>;
  /** `parentType#relation` → relations that read it through `relation from tupleset` (ListObjects). */
  readonly ttuEdges: ReadonlyMap<string, readonly TtuEdge[]>;
}

const CONDITIONS_UNSUPPORTED = 'conditions are not supported by the embedded engine';

export function allowedKey(ref: { type: string; relation?: string; wildcard?: unknown }): string {
  if (ref.wildcard) return `${ref.type}:*`;
  return ref.relation ? `${ref.type}#${ref.relation}` : ref.type;
}

/** Compiles DSL text or OpenFGA's JSON model into the engine's form, validating references. */
export function compileModel(input: string | AuthorizationModelJson): CompiledModel {
  const json = typeof input === 'string' ? parseDsl(input) : input;
  if (json.schema_version !== '1.1') {
    throw AuthzEngineError.validation(
      `unsupported schema version ${String(json.schema_version)}; only 1.1 is supported`,
    );
  }
  if (json.conditions && Object.keys(json.conditions).length > 0) {
    throw AuthzEngineError.validation(CONDITIONS_UNSUPPORTED);
  }
  const defs = json.type_definitions ?? [];
  const typeNames = new Set<string>();
  for (const def of defs) {
    if (!def.type || !/^[^:#@\s]{1,254}$/.test(def.type))
      throw AuthzEngineError.validation(`invalid type name '${def.type}'`);
    if (typeNames.has(def.type))
      throw AuthzEngineError.validation(`type '${def.type}' is defined more than once`);
    typeNames.add(def.type);
  }
  const relationExists = (type: string, relation: string): boolean =>
    defs.some((d) => d.type === type && d.relations !== undefined && relation in d.relations);

  const types = new Map<string, CompiledType>();
  for (const def of defs) {
    const relations = new Map<string, CompiledRelation>();
    for (const [name, userset] of Object.entries(def.relations ?? {})) {
      const directlyRelated = def.metadata?.relations?.[name]?.directly_related_user_types ?? [];
      for (const ref of directlyRelated) {
        if (ref.condition) throw AuthzEngineError.validation(CONDITIONS_UNSUPPORTED);
        if (!typeNames.has(ref.type)) {
          throw AuthzEngineError.validation(
            `${def.type}#${name}: type restriction references unknown type '${ref.type}'`,
          );
        }
        if (ref.relation && !relationExists(ref.type, ref.relation)) {
          throw AuthzEngineError.validation(
            `${def.type}#${name}: type restriction references unknown relation '${ref.type}#${ref.relation}'`,
          );
        }
        if (ref.relation && ref.wildcard) {
          throw AuthzEngineError.validation(
            `${def.type}#${name}: a wildcard restriction cannot name a relation`,
          );
        }
      }
      const rewrite = compileRewrite(userset, def, name, defs, relationExists);
      if (usesDirect(rewrite) && directlyRelated.length === 0) {
        throw AuthzEngineError.validation(
          `${def.type}#${name}: a directly assignable relation needs type restrictions`,
        );
      }
      relations.set(name, {
        type: def.type,
        name,
        rewrite,
        directlyRelated,
        allowed: new Set(directlyRelated.map(allowedKey)),
      });
    }
    types.set(def.type, { name: def.type, relations });
  }
  const { impliedBy, ttuEdges } = buildReverseEdges(types);
  return { json, types, impliedBy, ttuEdges };
}

function parseDsl(dsl: string): AuthorizationModelJson {
  try {
    return loadSyntaxTransformer().transformDSLToJSONObject(dsl) as unknown as AuthorizationModelJson;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw AuthzEngineError.validation(`invalid model DSL: ${message}`);
  }
}

function compileRewrite(
  u: UsersetJson,
  def: TypeDefinitionJson,
  relation: string,
  defs: TypeDefinitionJson[],
  relationExists: (type: string, relation: string) => boolean,
): Rewrite {
  const where = `${def.type}#${relation}`;
  const recurse = (child: UsersetJson) => compileRewrite(child, def, relation, defs, relationExists);
  if (u.this !== undefined) return { kind: 'direct' };
  if (u.computedUserset) {
    const target = u.computedUserset.relation ?? '';
    if (!relationExists(def.type, target)) {
      throw AuthzEngineError.validation(
        `${where}: computed relation '${target}' is not defined on '${def.type}'`,
      );
    }
    return { kind: 'computed', relation: target };
  }
  if (u.tupleToUserset) {
    const tupleset = u.tupleToUserset.tupleset.relation ?? '';
    const target = u.tupleToUserset.computedUserset.relation ?? '';
    const tuplesetRewrite = def.relations?.[tupleset];
    if (!tuplesetRewrite) {
      throw AuthzEngineError.validation(
        `${where}: tupleset relation '${tupleset}' is not defined on '${def.type}'`,
      );
    }
    if (tuplesetRewrite.this === undefined) {
      throw AuthzEngineError.validation(
        `${where}: tupleset relation '${tupleset}' must be directly assignable`,
      );
    }
    const parents = def.metadata?.relations?.[tupleset]?.directly_related_user_types ?? [];
    if (parents.some((p) => p.relation || p.wildcard)) {
      throw AuthzEngineError.validation(
        `${where}: tupleset relation '${tupleset}' may only allow plain object types`,
      );
    }
    if (!parents.some((p) => relationExists(p.type, target))) {
      throw AuthzEngineError.validation(
        `${where}: relation '${target}' is not defined on any type of '${tupleset}'`,
      );
    }
    return { kind: 'ttu', tupleset, relation: target };
  }
  if (u.union) return { kind: 'union', children: u.union.child.map(recurse) };
  if (u.intersection) return { kind: 'intersection', children: u.intersection.child.map(recurse) };
  if (u.difference)
    return { kind: 'exclusion', base: recurse(u.difference.base), subtract: recurse(u.difference.subtract) };
  throw AuthzEngineError.validation(`${where}: unsupported or empty relation definition`);
}

function usesDirect(r: Rewrite): boolean {
  switch (r.kind) {
    case 'direct':
      return true;
    case 'union':
    case 'intersection':
      return r.children.some(usesDirect);
    case 'exclusion':
      return usesDirect(r.base) || usesDirect(r.subtract);
    default:
      return false;
  }
}

function buildReverseEdges(types: Map<string, CompiledType>) {
  const impliedBy = new Map<string, string[]>();
  const ttuEdges = new Map<string, TtuEdge[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const type of types.values()) {
    for (const rel of type.relations.values()) {
      // Over-approximate on purpose (subtracted operands included): ListObjects re-checks every candidate.
      const seenComputed = new Set<string>();
      const seenTtu = new Set<string>();
      const visit = (r: Rewrite): void => {
        switch (r.kind) {
          case 'computed':
            if (!seenComputed.has(r.relation)) {
              seenComputed.add(r.relation);
              push(impliedBy, `${type.name}#${r.relation}`, rel.name);
            }
            return;
          case 'ttu': {
            if (seenTtu.has(`${r.tupleset}#${r.relation}`)) return;
            seenTtu.add(`${r.tupleset}#${r.relation}`);
            const parents = type.relations.get(r.tupleset)?.directlyRelated ?? [];
            for (const parent of parents) {
              if (!types.get(parent.type)?.relations.has(r.relation)) continue;
              push(ttuEdges, `${parent.type}#${r.relation}`, {
                childType: type.name,
                childRelation: rel.name,
                tupleset: r.tupleset,
              });
            }
            return;
          }
          case 'union':
          case 'intersection':
            r.children.forEach(visit);
            return;
          case 'exclusion':
            visit(r.base);
            visit(r.subtract);
            return;
          case 'direct':
            return;
        }
      };
      visit(rel.rewrite);
    }
  }
  return { impliedBy, ttuEdges };
}
