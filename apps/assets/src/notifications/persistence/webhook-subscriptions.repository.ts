import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantScope } from '@app/core';
import { ScopedRepository } from '@app/database';
import type { WebhookSubscriptionEntity } from './webhook.entities.js';
import { WEBHOOK_SUBSCRIPTIONS } from './webhook.tables.js';

interface SubscriptionRow {
  id: string;
  org_id: string;
  project_id: string | null;
  scope_key: string;
  url: string;
  events: string[];
  enabled: boolean;
  description: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  secret_rotated_at: Date;
}

const COLUMNS = `s.id, s.org_id, s.project_id, s.scope_key, s.url, s.events, s.enabled, s.description,
  s.created_by, s.created_at, s.updated_at, s.secret_rotated_at`;

function entityOf(r: SubscriptionRow): WebhookSubscriptionEntity {
  return {
    id: r.id,
    orgId: r.org_id,
    projectId: r.project_id,
    scopeKey: r.scope_key,
    url: r.url,
    events: r.events,
    enabled: r.enabled,
    description: r.description,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    secretRotatedAt: new Date(r.secret_rotated_at),
  };
}

export type SubscriptionChanges = Partial<
  Pick<WebhookSubscriptionEntity, 'url' | 'events' | 'enabled' | 'description'>
>;

/**
 * Subscriptions of exactly one scope: a project's, or the org's own (no header). A project scope
 * never sees the org's subscriptions here, since managing those takes org admin.
 */
@Injectable()
export class WebhookSubscriptionsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async insert(scope: TenantScope, row: WebhookSubscriptionEntity): Promise<void> {
    if (row.orgId !== scope.orgId || row.projectId !== scope.projectId)
      throw new Error('A subscription outside its tenant scope cannot be inserted');
    // INSERT … SELECT over the scope's own filter: the statement names its tenant like every other.
    await this.sql(
      scope,
      (tenant) => `INSERT INTO webhook_subscriptions (id, org_id, project_id, scope_key, url, events, enabled,
          description, created_by, created_at, updated_at, secret_rotated_at)
        SELECT CAST(:id AS uuid), :orgId, CAST(:projectId AS text), :scopeKey, :url, CAST(:events AS text[]),
               CAST(:enabled AS boolean), CAST(:description AS text), :createdBy, CAST(:createdAt AS timestamptz),
               CAST(:updatedAt AS timestamptz), CAST(:secretRotatedAt AS timestamptz)
         WHERE NOT EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.id = :id)`,
      { ...row },
    );
  }

  async find(scope: TenantScope, id: string): Promise<WebhookSubscriptionEntity | null> {
    const rows = await this.sql<SubscriptionRow>(
      scope,
      (tenant) =>
        `SELECT ${COLUMNS} FROM webhook_subscriptions s
          WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key AND s.id = :id`,
      { id, key: scope.projectId ?? '' },
    );
    return rows.length ? entityOf(rows[0]!) : null;
  }

  async list(
    scope: TenantScope,
    page: number,
    limit: number,
  ): Promise<[WebhookSubscriptionEntity[], number]> {
    const params = { key: scope.projectId ?? '', limit, offset: (page - 1) * limit };
    const [rows, count] = await Promise.all([
      this.sql<SubscriptionRow>(
        scope,
        (tenant) =>
          `SELECT ${COLUMNS} FROM webhook_subscriptions s
            WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key
            ORDER BY s.created_at, s.id LIMIT :limit OFFSET :offset`,
        params,
      ),
      this.sql<{ total: string }>(
        scope,
        (tenant) =>
          `SELECT count(*) AS total FROM webhook_subscriptions s
            WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key`,
        { key: params.key },
      ),
    ]);
    return [rows.map(entityOf), Number(count[0]?.total ?? 0)];
  }

  /** The row as updated, or null when it is gone. */
  async update(
    scope: TenantScope,
    id: string,
    changes: SubscriptionChanges,
    now: Date,
  ): Promise<WebhookSubscriptionEntity | null> {
    const rows = await this.sql<SubscriptionRow>(
      scope,
      (tenant) =>
        `UPDATE webhook_subscriptions s SET
            url = coalesce(:url, s.url),
            events = coalesce(:events, s.events),
            enabled = coalesce(:enabled, s.enabled),
            description = CASE WHEN :setDescription THEN :description ELSE s.description END,
            updated_at = :now
          WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key AND s.id = :id
          RETURNING ${COLUMNS}`,
      {
        id,
        key: scope.projectId ?? '',
        url: changes.url ?? null,
        events: changes.events ?? null,
        enabled: changes.enabled ?? null,
        setDescription: changes.description !== undefined,
        description: changes.description ?? null,
        now,
      },
    );
    return rows.length ? entityOf(rows[0]!) : null;
  }

  async markSecretRotated(
    scope: TenantScope,
    id: string,
    now: Date,
  ): Promise<WebhookSubscriptionEntity | null> {
    const rows = await this.sql<SubscriptionRow>(
      scope,
      (tenant) =>
        `UPDATE webhook_subscriptions s SET secret_rotated_at = :now, updated_at = :now
          WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key AND s.id = :id
          RETURNING ${COLUMNS}`,
      { id, key: scope.projectId ?? '', now },
    );
    return rows.length ? entityOf(rows[0]!) : null;
  }

  /** Deletes the subscription with its deliveries and their log (cascade); false when it was gone. */
  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      scope,
      (tenant) =>
        `DELETE FROM webhook_subscriptions s
          WHERE ${tenant(WEBHOOK_SUBSCRIPTIONS, 's')} AND s.scope_key = :key AND s.id = :id RETURNING s.id`,
      { id, key: scope.projectId ?? '' },
    );
    return rows.length > 0;
  }
}
