import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SystemScope } from '@app/core';
import { ScopedRepository } from '@app/database';
import {
  CONNECTION_OPERATIONS,
  CONNECTION_ROTATIONS,
  CONNECTION_SECRET_VERSIONS,
  DATA_CONNECTIONS,
  SECRET_SWEEP_LEASES,
} from './connection.tables.js';

/** What Assets holds about the credentials of some resource URIs of one org. */
export interface CredentialsState {
  /** resource URI → the version its connection row points at (rows of any lifecycle). */
  current: Map<string, number>;
  /** resource URI → versions reserved by its pending operations (new and previous). */
  reserved: Map<string, Set<number>>;
  /**
   * resource URI → versions a rotation keeps readable for a grace period (the row's previous one,
   * and any a rotation has yet to retire): the retirement pass deletes them, never the sweep.
   */
  inGrace: Map<string, Set<number>>;
}

/** `data:<org>:` as a LIKE prefix, with LIKE's wildcards escaped. */
const uriPrefixPattern = (orgId: string): string => `data:${orgId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;

/** The org a per-org call is narrowed to: the sweep's SystemScope after `inOrg`. */
function orgOf(scope: SystemScope): string {
  if (scope.orgId === null)
    throw new Error(`${scope.job}: this call works on one org; narrow the scope with inOrg()`);
  return scope.orgId;
}

/**
 * The secret-store sweep's view of the Assets database: which orgs have ever had credentials, the
 * credentials state of a page of URIs, every URI an org has ever used, and the per-org lease that
 * lets only one replica sweep an org at a time. A system job: listing the orgs takes its
 * SystemScope, and everything else the same scope narrowed to one org.
 */
@Injectable()
export class SecretSweepRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Every org that has, or ever had, a connection's credentials (the version counter outlives rows). */
  async orgsWithCredentials(system: SystemScope): Promise<string[]> {
    const rows = await this.sql<{ org_id: string }>(
      system,
      (tenant) => `SELECT c.org_id FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')}
         UNION SELECT o.org_id FROM connection_operations o WHERE ${tenant(CONNECTION_OPERATIONS, 'o')}
         UNION SELECT split_part(v.resource_uri, ':', 2) FROM connection_secret_versions v WHERE ${tenant(CONNECTION_SECRET_VERSIONS, 'v')} AND v.resource_uri LIKE 'data:%'
         ORDER BY 1`,
    );
    return rows.map((r) => r.org_id).filter((org) => org.length > 0);
  }

  /** Read after the backend was listed, so a version written meanwhile is seen with its row or operation. */
  async credentialsState(scope: SystemScope, resourceUris: string[]): Promise<CredentialsState> {
    orgOf(scope);
    const state: CredentialsState = { current: new Map(), reserved: new Map(), inGrace: new Map() };
    if (resourceUris.length === 0) return state;
    const current = await this.sql<{ resource_uri: string; credentials_version: number }>(
      scope,
      (tenant) =>
        `SELECT c.resource_uri, c.credentials_version FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.resource_uri = ANY(:uris)`,
      { uris: resourceUris },
    );
    for (const row of current) state.current.set(row.resource_uri, Number(row.credentials_version));
    const inGrace = await this.sql<{ resource_uri: string; version: number }>(
      scope,
      (tenant) => `SELECT c.resource_uri, c.previous_credentials_version AS version FROM data_connections c
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.resource_uri = ANY(:uris) AND c.previous_credentials_version IS NOT NULL
        UNION SELECT r.resource_uri, CASE r.status WHEN 'rolled_back' THEN r.to_version ELSE r.from_version END
          FROM connection_rotations r
          WHERE ${tenant(CONNECTION_ROTATIONS, 'r')} AND r.resource_uri = ANY(:uris) AND r.status IN ('promoted', 'rolled_back')`,
      { uris: resourceUris },
    );
    for (const row of inGrace) {
      const versions = state.inGrace.get(row.resource_uri) ?? new Set<number>();
      versions.add(Number(row.version));
      state.inGrace.set(row.resource_uri, versions);
    }
    const pending = await this.sql<{
      resource_uri: string;
      secret_version: number;
      previous_secret_version: number | null;
    }>(
      scope,
      (
        tenant,
      ) => `SELECT o.resource_uri, o.secret_version, o.previous_secret_version FROM connection_operations o
          WHERE ${tenant(CONNECTION_OPERATIONS, 'o')} AND o.status = 'pending' AND o.resource_uri = ANY(:uris)`,
      { uris: resourceUris },
    );
    for (const op of pending) {
      const versions = state.reserved.get(op.resource_uri) ?? new Set<number>();
      versions.add(Number(op.secret_version));
      if (op.previous_secret_version !== null) versions.add(Number(op.previous_secret_version));
      state.reserved.set(op.resource_uri, versions);
    }
    return state;
  }

  /** Every data connection URI the org has ever used (live, mid-operation or deleted). */
  async knownResourceUris(scope: SystemScope): Promise<string[]> {
    const rows = await this.sql<{ resource_uri: string }>(
      scope,
      (
        tenant,
      ) => `SELECT v.resource_uri FROM connection_secret_versions v WHERE ${tenant(CONNECTION_SECRET_VERSIONS, 'v')} AND v.resource_uri LIKE :prefix ESCAPE '\\'
         UNION SELECT c.resource_uri FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')}
         UNION SELECT o.resource_uri FROM connection_operations o WHERE ${tenant(CONNECTION_OPERATIONS, 'o')}`,
      { prefix: uriPrefixPattern(orgOf(scope)) },
    );
    return rows.map((r) => r.resource_uri);
  }

  /**
   * Takes the org's sweep lease in one statement: only when nobody holds it (`lease_until` passed)
   * and the last completed sweep is at least `resweepAfterMs` old. Concurrent claims serialize on
   * the row; exactly one wins.
   */
  async claim(
    scope: SystemScope,
    holder: string,
    now: Date,
    leaseMs: number,
    resweepAfterMs: number,
  ): Promise<boolean> {
    const rows = await this.sql(
      scope,
      (
        tenant,
      ) => `INSERT INTO secret_sweep_leases AS l (org_id, holder, lease_until) VALUES (:org, :holder, :until)
         ON CONFLICT (org_id) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
          WHERE ${tenant(SECRET_SWEEP_LEASES, 'l')} AND l.lease_until <= :now AND (l.swept_at IS NULL OR l.swept_at <= :resweepBefore)
         RETURNING l.org_id`,
      {
        org: orgOf(scope),
        holder,
        until: new Date(now.getTime() + leaseMs),
        now,
        resweepBefore: new Date(now.getTime() - resweepAfterMs),
      },
    );
    return rows.length === 1;
  }

  /** Extends a lease this holder still has; false once another replica took the org over. */
  async renew(scope: SystemScope, holder: string, now: Date, leaseMs: number): Promise<boolean> {
    orgOf(scope);
    const rows = await this.sql(
      scope,
      (tenant) =>
        `UPDATE secret_sweep_leases l SET lease_until = :until WHERE ${tenant(SECRET_SWEEP_LEASES, 'l')} AND l.holder = :holder RETURNING l.org_id`,
      { holder, until: new Date(now.getTime() + leaseMs) },
    );
    return rows.length === 1;
  }

  /** Gives the org back; `completed` records the sweep so other replicas skip the org for a while. */
  async release(scope: SystemScope, holder: string, now: Date, completed: boolean): Promise<void> {
    orgOf(scope);
    await this.sql(
      scope,
      (
        tenant,
      ) => `UPDATE secret_sweep_leases l SET holder = NULL, lease_until = :now, swept_at = CASE WHEN CAST(:completed AS boolean) THEN :now ELSE l.swept_at END
        WHERE ${tenant(SECRET_SWEEP_LEASES, 'l')} AND l.holder = :holder`,
      { holder, now, completed },
    );
  }
}
