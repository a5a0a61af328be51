import type { TupleKey } from '../authz-client.js';

/** A parsed user: `type:id`, `type:*` (wildcard) or `type:id#relation` (userset). */
export interface ParsedUser {
  readonly type: string;
  readonly id: string;
  /** `type:id` part; for a userset the object it points at. */
  readonly object: string;
  readonly relation?: string;
  readonly wildcard: boolean;
}

// Same shapes OpenFGA accepts: a type has no ':', '#', '@' or spaces; an id has no '#', ':' or spaces.
const OBJECT_RE = /^([^:#@\s]{1,254}):([^#:\s]{1,256})$/;
const USER_RE = /^([^:#@\s]{1,254}):([^#:\s]{1,256})(?:#([^:#@\s]{1,50}))?$/;
const RELATION_RE = /^[^:#@\s]{1,50}$/;

export function parseObject(object: string): { type: string; id: string } | undefined {
  const m = OBJECT_RE.exec(object);
  return m ? { type: m[1], id: m[2] } : undefined;
}

export function parseUser(user: string): ParsedUser | undefined {
  const m = USER_RE.exec(user);
  if (!m) return undefined;
  const [, type, id, relation] = m;
  const wildcard = id === '*';
  if (wildcard && relation !== undefined) return undefined;
  return { type, id, object: `${type}:${id}`, relation, wildcard };
}

export function isValidRelationName(relation: string): boolean {
  return RELATION_RE.test(relation);
}

/** The type part of `type:id…`, without validation (hot path). */
export function typeOf(objectOrUser: string): string {
  const i = objectOrUser.indexOf(':');
  return i < 0 ? objectOrUser : objectOrUser.slice(0, i);
}

export function tupleToString(t: TupleKey): string {
  return `${t.object}#${t.relation}@${t.user}`;
}
