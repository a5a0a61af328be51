import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What Assets holds about the credentials of some resource URIs of one org. */
export interface CredentialsState {
  /** resource URI → the version its connection row points at (rows of any lifecycle). */
  current: Map<string, number>;
  /** resource URI → versions reserved by its pending operations (new and previous). */
  reserved: Map<string, Set<number>>;
}

type Rows<T> = T[] | [T[], number];
const rowsOf = <T>(result: Rows<T>): T[] => (Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

/** `data:<org>:` as a LIKE prefix, with LIKE's wildcards escaped. */
const uriPrefixPattern = (orgId: string): string => `data:${orgId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`;

/**
 * The secret-store sweep's view of the Assets database: which orgs have ever had credentials, the
 * credentials state of a page of URIs, every URI an org has ever used, and the per-org lease that
 * lets only one replica sweep an org at a time. Like the operations outbox, a system job: every
 * query is scoped to the org it is given.
 */
@Injectable()
export class SecretSweepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every org that has, or ever had, a connection's credentials (the version counter outlives rows). */
  async orgsWithCredentials(): Promise<string[]> {
    const rows = rowsOf(
      (await this.dataSource.query(
        `SELECT org_id FROM data_connections
         UNION SELECT org_id FROM connection_operations
         UNION SELECT split_part(resource_uri, ':', 2) FROM connection_secret_versions WHERE resource_uri LIKE 'data:%'
         ORDER BY 1`,
      )) as Rows<{ org_id: string }>,
    );
    return rows.map((r) => r.org_id).filter((org) => org.length > 0);
  }

  /** Read after the backend was listed, so a version written meanwhile is seen with its row or operation. */
  async credentialsState(orgId: string, resourceUris: string[]): Promise<CredentialsState> {
    const state: CredentialsState = { current: new Map(), reserved: new Map() };
    if (resourceUris.length === 0) return state;
    const current = rowsOf(
      (await this.dataSource.query(`SELECT resource_uri, credentials_version FROM data_connections WHERE org_id = $1 AND resource_uri = ANY($2)`, [
        orgId,
        resourceUris,
      ])) as Rows<{ resource_uri: string; credentials_version: number }>,
    );
    for (const row of current) state.current.set(row.resource_uri, Number(row.credentials_version));
    const pending = rowsOf(
      (await this.dataSource.query(
        `SELECT resource_uri, secret_version, previous_secret_version FROM connection_operations
          WHERE org_id = $1 AND status = 'pending' AND resource_uri = ANY($2)`,
        [orgId, resourceUris],
      )) as Rows<{ resource_uri: string; secret_version: number; previous_secret_version: number | null }>,
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
  async knownResourceUris(orgId: string): Promise<string[]> {
    const rows = rowsOf(
      (await this.dataSource.query(
        `SELECT resource_uri FROM connection_secret_versions WHERE resource_uri LIKE $1 ESCAPE '\\'
         UNION SELECT resource_uri FROM data_connections WHERE org_id = $2
         UNION SELECT resource_uri FROM connection_operations WHERE org_id = $2`,
        [uriPrefixPattern(orgId), orgId],
      )) as Rows<{ resource_uri: string }>,
    );
    return rows.map((r) => r.resource_uri);
  }

  /**
   * Takes the org's sweep lease in one statement: only when nobody holds it (`lease_until` passed)
   * and the last completed sweep is at least `resweepAfterMs` old. Concurrent claims serialize on
   * the row; exactly one wins.
   */
  async claim(orgId: string, holder: string, now: Date, leaseMs: number, resweepAfterMs: number): Promise<boolean> {
    const rows = rowsOf(
      (await this.dataSource.query(
        `INSERT INTO secret_sweep_leases AS l (org_id, holder, lease_until) VALUES ($1, $2, $3)
         ON CONFLICT (org_id) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
          WHERE l.lease_until <= $4 AND (l.swept_at IS NULL OR l.swept_at <= $5)
         RETURNING org_id`,
        [orgId, holder, new Date(now.getTime() + leaseMs), now, new Date(now.getTime() - resweepAfterMs)],
      )) as Rows<{ org_id: string }>,
    );
    return rows.length === 1;
  }

  /** Extends a lease this holder still has; false once another replica took the org over. */
  async renew(orgId: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
    const rows = rowsOf(
      (await this.dataSource.query(`UPDATE secret_sweep_leases SET lease_until = $3 WHERE org_id = $1 AND holder = $2 RETURNING org_id`, [
        orgId,
        holder,
        new Date(now.getTime() + leaseMs),
      ])) as Rows<{ org_id: string }>,
    );
    return rows.length === 1;
  }

  /** Gives the org back; `completed` records the sweep so other replicas skip the org for a while. */
  async release(orgId: string, holder: string, now: Date, completed: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE secret_sweep_leases SET holder = NULL, lease_until = $3, swept_at = CASE WHEN $4::boolean THEN $3 ELSE swept_at END
        WHERE org_id = $1 AND holder = $2`,
      [orgId, holder, now, completed],
    );
  }
}
