import type { ConnectionType } from './connection-type.js';
import { CONNECTION_TYPE_REGISTRY, configDefault, defaultAuthType } from './connection-type.registry.js';

/**
 * Rebind protection: stored credentials were issued for one destination, over one transport and
 * for one auth method, and must never silently follow a change of any of them. What counts as
 * destination and transport is declared once per type in the registry (`destination_fields`,
 * `transport_fields` with their levels, `default_endpoint_scheme`); these functions only compare.
 * Every comparison fills in schema defaults, so removing a field counts as its default.
 */
export interface TypeSnapshot {
  type: ConnectionType;
  config: Record<string, unknown>;
}

/**
 * Names of destination fields (where credentials would be sent) that differ between two configs,
 * comparing with schema defaults filled in. A type change is reported as `['connection_type']`.
 */
export function destinationChanged(
  type: ConnectionType,
  before: TypeSnapshot,
  after: TypeSnapshot,
): string[] {
  if (before.type !== after.type || before.type !== type) return ['connection_type'];
  const changed: string[] = [];
  for (const field of CONNECTION_TYPE_REGISTRY[type].destination_fields) {
    const fallback = configDefault(type, field);
    const a = before.config[field] ?? fallback;
    const b = after.config[field] ?? fallback;
    if (field === 'ssh_tunnel' ? bastionOf(a) !== bastionOf(b) : a !== b) changed.push(field);
  }
  return changed;
}

/**
 * What decides where a tunnel's traffic goes and whom it trusts: the bastion, the user, the auth
 * method and the pinned host key (the server-set public keys are not the user's choice).
 */
function bastionOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'direct';
  const t = value as Record<string, unknown>;
  return JSON.stringify([
    t.host,
    t.port ?? 22,
    t.username,
    t.auth_method ?? 'managed_key',
    t.host_key_fingerprint ?? null,
  ]);
}

/** `https:`/`http:` of an endpoint as given, else the scheme the type uses without one. */
function endpointScheme(type: ConnectionType, config: Record<string, unknown>): string | undefined {
  const fallback = CONNECTION_TYPE_REGISTRY[type].default_endpoint_scheme;
  if (!fallback) return undefined;
  const value = config['endpoint'];
  if (value === undefined || value === null) return `${fallback}:`;
  if (typeof value !== 'string') return 'invalid:';
  return /^https:\/\//i.test(value) ? 'https:' : /^http:\/\//i.test(value) ? 'http:' : 'invalid:';
}

/**
 * Names of transport-security fields whose effective value (schema defaults filled in, so that
 * removing a field counts as its default) is weaker after than before. A value outside the
 * field's known levels counts as the weakest: unknown never passes as safe.
 */
export function transportWeakened(
  type: ConnectionType,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const weakened: string[] = [];
  for (const [field, levels] of Object.entries(CONNECTION_TYPE_REGISTRY[type].transport_fields)) {
    const fallback = configDefault(type, field);
    const rank = (config: Record<string, unknown>) => levels.indexOf(config[field] ?? fallback);
    if (rank(after) < rank(before)) weakened.push(field);
  }
  const [schemeBefore, schemeAfter] = [endpointScheme(type, before), endpointScheme(type, after)];
  if (schemeBefore === 'https:' && schemeAfter !== 'https:') weakened.push('endpoint');
  return weakened;
}

/**
 * The rebind rule as one pure decision: the fields whose change means stored credentials would go
 * to another destination or over weaker transport. Non-empty = the update needs new credentials
 * (answered as 422 REBIND_REQUIRES_CREDENTIALS with these as `changed_fields`).
 */
export function rebindChanges(before: TypeSnapshot, after: TypeSnapshot): string[] {
  const changed = destinationChanged(after.type, before, after);
  if (changed.includes('connection_type')) return changed;
  return [...new Set([...changed, ...transportWeakened(after.type, before.config, after.config)])];
}

/**
 * Why validated settings (`after`, with its `auth_type` filled in) cannot keep the stored
 * credentials: another type, another auth method or another destination. Reported by the input
 * validator as `credentials` "is required when …"; undefined when they can stay.
 */
export function credentialsRequiredReason(before: TypeSnapshot, after: TypeSnapshot): string | undefined {
  const changed = destinationChanged(after.type, before, after);
  if (changed.includes('connection_type')) return 'connection_type changes';
  const beforeAuth = before.config['auth_type'] ?? defaultAuthType(before.type);
  if (beforeAuth !== after.config['auth_type']) return 'auth_type changes';
  if (changed.length > 0) return `destination fields change (${changed.join(', ')})`;
  return undefined;
}
