import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SystemScope, TenantScope } from '@app/core';
import { ScopedRepository } from '@app/database';
import { CONNECTION_HEALTH_CHECKS, DATA_CONNECTIONS } from './connection.tables.js';
import type { ConnectionHealth, HealthForecast } from './data-connection.entity.js';

/** A connection claimed for a check: what the check needs, nothing more. */
export interface DueConnection {
  id: string;
  orgId: string;
  projectId: string | null;
  resourceUri: string;
  connectionType: string;
  authType: string;
  config: Record<string, unknown>;
  selectedTables: string[];
  credentialsVersion: number;
  health: ConnectionHealth;
  intervalS: number | null;
}

export interface CheckResult {
  checkedAt: Date;
  health: ConnectionHealth;
  errorCode: string | null;
  message: string;
  latencyMs: number;
  warnings: string[];
  forecast: HealthForecast;
  nextCheckAt: Date;
}

export interface HealthCheckRow {
  id: string;
  checked_at: Date;
  health: ConnectionHealth;
  error_code: string | null;
  message: string;
  latency_ms: number;
  warnings: string[];
  forecast: HealthForecast | null;
}

/**
 * The scheduler's view of data_connections (claims, results) and the history of checks. Claims
 * go across tenants (the scheduler's SystemScope); everything about one connection in its own scope.
 */
@Injectable()
export class HealthChecksRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Places the first check of connections that have none (new, or a changed interval): spread
   * uniformly over one interval, so a burst of creates never becomes a burst of checks.
   */
  async placeUnscheduled(system: SystemScope, now: Date, defaultIntervalS: number): Promise<number> {
    const rows = await this.sql<{ id: string }>(
      system,
      (tenant) => `UPDATE data_connections c
          SET next_check_at = CAST(:now AS timestamptz) + random() * coalesce(c.health_check_interval_s, :defaultS) * interval '1 second'
        WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.lifecycle = 'active' AND c.next_check_at IS NULL
          AND coalesce(c.health_check_interval_s, -1) <> 0
        RETURNING c.id`,
      { now, defaultS: defaultIntervalS },
    );
    return rows.length;
  }

  /**
   * Claims due connections, oldest due first and at most `perOrg` of one org, by moving their
   * `next_check_at` past the lease: another replica skips them (SKIP LOCKED, then the new time),
   * and a check that never records (the replica died) is due again once the lease is over.
   */
  async claimDue(
    system: SystemScope,
    now: Date,
    limits: { total: number; perOrg: number; leaseMs: number },
  ): Promise<DueConnection[]> {
    const rows = await this.sql<{
      id: string;
      org_id: string;
      project_id: string | null;
      resource_uri: string;
      connection_type: string;
      auth_type: string;
      config: Record<string, unknown>;
      selected_tables: string[];
      credentials_version: number;
      health: ConnectionHealth;
      health_check_interval_s: number | null;
    }>(
      system,
      (
        tenant,
      ) => `UPDATE data_connections c SET next_check_at = CAST(:now AS timestamptz) + :leaseMs * interval '1 millisecond'
        WHERE c.id IN (
          SELECT d.id FROM data_connections d
           WHERE d.id IN (
             SELECT ranked.id FROM (
               SELECT w.id, row_number() OVER (PARTITION BY w.org_id ORDER BY w.next_check_at) AS nth
                 FROM (
                   SELECT r.id, r.org_id, r.next_check_at FROM data_connections r
                    WHERE ${tenant(DATA_CONNECTIONS, 'r')} AND r.lifecycle = 'active' AND r.next_check_at <= :now
                      AND coalesce(r.health_check_interval_s, -1) <> 0 AND r.status <> 'DISABLED'
                    ORDER BY r.next_check_at LIMIT :window) w
             ) ranked WHERE ranked.nth <= :perOrg)
             AND d.next_check_at <= :now
           ORDER BY d.next_check_at
           LIMIT :total
           FOR UPDATE SKIP LOCKED)
        RETURNING c.id, c.org_id, c.project_id, c.resource_uri, c.connection_type, c.auth_type, c.config,
                  c.selected_tables, c.credentials_version, c.health, c.health_check_interval_s`,
      // Ranking looks at the oldest due connections only (a window), not at every one that is due.
      {
        now,
        leaseMs: limits.leaseMs,
        perOrg: limits.perOrg,
        total: limits.total,
        window: Math.max(64, limits.total * 8),
      },
    );
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      projectId: r.project_id,
      resourceUri: r.resource_uri,
      connectionType: r.connection_type,
      authType: r.auth_type,
      config: r.config,
      selectedTables: r.selected_tables,
      credentialsVersion: r.credentials_version,
      health: r.health,
      intervalS: r.health_check_interval_s,
    }));
  }

  /**
   * The result and the connection's new state in one transaction, and the health it had before
   * (null when the connection went away meanwhile: nothing is written then). History beyond
   * `keep` results per connection is pruned in the same transaction.
   */
  async record(
    scope: TenantScope,
    connectionId: string,
    result: CheckResult,
    keep: number,
  ): Promise<{ previous: ConnectionHealth } | null> {
    const ok = result.health === 'healthy' || result.health === 'degraded';
    return this.transaction(async (tx) => {
      const [before] = await this.sql<{ health: ConnectionHealth }>(
        scope,
        (tenant) =>
          `SELECT c.health FROM data_connections c WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND c.lifecycle = 'active' FOR UPDATE`,
        { id: connectionId },
        tx,
      );
      if (!before) return null;
      await this.sql(
        scope,
        (tenant) => `UPDATE data_connections c SET health = :health, last_checked_at = :checkedAt,
            last_healthy_at = CASE WHEN :ok THEN CAST(:checkedAt AS timestamptz) ELSE c.last_healthy_at END,
            consecutive_failures = CASE WHEN :ok THEN 0 ELSE c.consecutive_failures + 1 END,
            next_check_at = CASE WHEN coalesce(c.health_check_interval_s, -1) = 0 THEN NULL ELSE CAST(:next AS timestamptz) END,
            health_forecast = :forecast
          WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id`,
        {
          id: connectionId,
          health: result.health,
          checkedAt: result.checkedAt,
          ok,
          next: result.nextCheckAt,
          forecast: JSON.stringify(result.forecast),
        },
        tx,
      );
      // Written through the tenant filter: a result outside the scope inserts nothing.
      await this.sql(
        scope,
        (tenant) => `INSERT INTO connection_health_checks
            (id, connection_id, org_id, project_id, checked_at, health, error_code, message, latency_ms, warnings, forecast)
          SELECT :resultId, :id, n.org_id, n.project_id, :checkedAt, :health, :errorCode, :message, :latencyMs, :warnings, :forecast
            FROM (SELECT CAST(:orgId AS text) AS org_id, CAST(:projectId AS text) AS project_id) n
           WHERE ${tenant(CONNECTION_HEALTH_CHECKS, 'n')}`,
        {
          resultId: randomUUID(),
          id: connectionId,
          orgId: scope.orgId,
          projectId: scope.projectId,
          checkedAt: result.checkedAt,
          health: result.health,
          errorCode: result.errorCode,
          message: result.message,
          latencyMs: result.latencyMs,
          warnings: JSON.stringify(result.warnings),
          forecast: JSON.stringify(result.forecast),
        },
        tx,
      );
      await this.sql(
        scope,
        (
          tenant,
        ) => `DELETE FROM connection_health_checks h WHERE ${tenant(CONNECTION_HEALTH_CHECKS, 'h')} AND h.id IN (
            SELECT o.id FROM connection_health_checks o WHERE o.connection_id = :id
             ORDER BY o.checked_at DESC, o.id DESC OFFSET :keep)`,
        { id: connectionId, keep },
        tx,
      );
      return { previous: before.health };
    });
  }

  /** Puts a claimed connection back on the schedule without a result (its check could not run). */
  async reschedule(scope: TenantScope, connectionId: string, at: Date): Promise<void> {
    await this.sql(
      scope,
      (tenant) =>
        `UPDATE data_connections c SET next_check_at = :at WHERE ${tenant(DATA_CONNECTIONS, 'c')} AND c.id = :id AND coalesce(c.health_check_interval_s, -1) <> 0`,
      { id: connectionId, at },
    );
  }

  /** Newest first; `total` counts every result kept. */
  async history(
    scope: TenantScope,
    connectionId: string,
    page: number,
    limit: number,
  ): Promise<[HealthCheckRow[], number]> {
    const [rows, [count]] = await Promise.all([
      this.sql<HealthCheckRow>(
        scope,
        (
          tenant,
        ) => `SELECT h.id, h.checked_at, h.health, h.error_code, h.message, h.latency_ms, h.warnings, h.forecast
            FROM connection_health_checks h WHERE ${tenant(CONNECTION_HEALTH_CHECKS, 'h')} AND h.connection_id = :id
           ORDER BY h.checked_at DESC, h.id DESC OFFSET :offset LIMIT :limit`,
        { id: connectionId, offset: (page - 1) * limit, limit },
      ),
      this.sql<{ total: string }>(
        scope,
        (tenant) =>
          `SELECT count(*) AS total FROM connection_health_checks h WHERE ${tenant(CONNECTION_HEALTH_CHECKS, 'h')} AND h.connection_id = :id`,
        { id: connectionId },
      ),
    ]);
    return [rows, Number(count?.total ?? 0)];
  }
}
