import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantScope } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { ScopedRepository, type ScopedTransaction, type TenantTable } from '@app/database';
import { AUDIT_EVENTS, auditEventRow } from '../../audit/index.js';

/** An organization's row is its own tenant: its `id` is the org. */
export const ORGANIZATIONS: TenantTable = { name: 'organizations', org: (alias) => `${alias}.id` };

/** Organization rows, written by the bootstrap CLI in the scope of the org it creates. */
@Injectable()
export class OrganizationsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Creates the scope's org, or renames it when it exists (idempotent). An org other than the
   * scope's fails the tenant filter and nothing is written.
   */
  async upsert(scope: TenantScope, name: string, tx?: ScopedTransaction): Promise<void> {
    const rows = await this.sql(
      scope,
      (tenant) => `INSERT INTO organizations AS o (id, name)
        SELECT n.id, n.name FROM (SELECT CAST(:id AS text) AS id, CAST(:name AS text) AS name) n WHERE ${tenant(ORGANIZATIONS, 'n')}
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
        RETURNING o.id`,
      { id: scope.orgId, name },
      tx,
    );
    if (rows.length === 0) throw new Error('organization outside its tenant scope');
  }

  /**
   * Creates or renames the scope's org (as `upsert`) in one transaction with its audit event,
   * which is inserted first: both commit, or neither does.
   */
  async createWithEvent(scope: TenantScope, name: string, event: AuditEventInput): Promise<void> {
    await this.transaction(async (tx) => {
      await this.insertInto(scope, AUDIT_EVENTS, [auditEventRow(event)], tx);
      await this.upsert(scope, name, tx);
    });
  }
}
