import { parseDataResourceUri } from '@app/authz';
import type { CredentialsState } from '../persistence/secret-sweep.repository.js';

/** A secret the backend holds under a resource path, its URI resolved where possible. */
export interface SweepEntry {
  resourceUri: string | null;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export type SweepDeletionReason = 'orphan_connection_gone' | 'orphan_version_superseded';
export type SweepKeepReason =
  'current' | 'reserved' | 'in_grace' | 'young' | 'unresolved' | 'foreign' | 'not_ours';

export type SweepDecision =
  { action: 'delete'; reason: SweepDeletionReason } | { action: 'keep'; reason: SweepKeepReason };

const CREDENTIALS = /^credentials-v([1-9][0-9]{0,9})$/;

/**
 * Whether the sweep deletes one secret (a pure rule; the sweeper only carries it out):
 * - never a secret it cannot place (URI unknown, or not a data connection of this org);
 * - never the version a connection row points at, nor one a pending operation reserves, nor one a
 *   rotation keeps readable for its grace period (the retirement pass deletes those);
 * - never anything written within the grace period (by its latest write);
 * - otherwise a `credentials-v<n>` whose connection is gone or points at another version, and
 *   any other secret of a connection that is gone (no row and no pending operation).
 * Versions are never reused, so a version that is an orphan now can never become current again.
 */
export function planSweep(
  entry: SweepEntry,
  orgId: string,
  state: CredentialsState,
  now: number,
  graceMs: number,
): SweepDecision {
  const uri = entry.resourceUri;
  if (uri === null) return { action: 'keep', reason: 'unresolved' };
  if (parseDataResourceUri(uri)?.orgId !== orgId) return { action: 'keep', reason: 'foreign' };
  const current = state.current.get(uri);
  const reserved = state.reserved.get(uri);
  const match = CREDENTIALS.exec(entry.name);
  const version = match ? Number(match[1]) : null;
  if (version !== null && reserved?.has(version)) return { action: 'keep', reason: 'reserved' };
  if (version !== null && current === version) return { action: 'keep', reason: 'current' };
  if (version !== null && state.inGrace.get(uri)?.has(version)) return { action: 'keep', reason: 'in_grace' };
  const gone = current === undefined && reserved === undefined;
  // Other secrets of a live connection are its owners' business, not the sweep's.
  if (version === null && !gone) return { action: 'keep', reason: 'not_ours' };
  const written = Math.max(Date.parse(entry.createdAt), Date.parse(entry.updatedAt));
  if (!Number.isFinite(written) || now - written < graceMs) return { action: 'keep', reason: 'young' };
  return { action: 'delete', reason: gone ? 'orphan_connection_gone' : 'orphan_version_superseded' };
}
