import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantScope } from '@app/core';
import { type AuditEventInput, scrubDetails } from '@app/audit';
import {
  ScopedRepository,
  type ScopedTransaction,
  type TenantEntityTable,
  tenantColumns,
  timeOrderedUuid,
} from '@app/database';
import { AuditEventEntity } from '../audit-event.entity.js';

/** The audit log belongs to orgs: an org's readers see its events of every project. */
export const AUDIT_EVENTS: TenantEntityTable<AuditEventEntity> = {
  ...tenantColumns('audit_events', 'org_id'),
  entity: AuditEventEntity,
  ownerOf: (row) => ({ orgId: row.orgId, projectId: null }),
};

/**
 * The row of an event as reported: a new time-ordered id (the log's index grows at its right edge)
 * and time, the org's log, no secret-looking details.
 */
export function auditEventRow(event: AuditEventInput): AuditEventEntity {
  const now = Date.now();
  return {
    id: timeOrderedUuid(now),
    timestamp: new Date(now),
    orgId: event.org_id,
    projectId: event.project_id ?? null,
    actorId: event.actor_id,
    actorType: event.actor_type,
    action: event.action,
    resourceType: event.resource_type,
    resourceId: event.resource_id ?? null,
    sourceService: event.source_service,
    requestId: event.request_id ?? null,
    traceId: event.trace_id ?? null,
    // Secret-looking keys are dropped at every depth, whoever posted the event.
    details: scrubDetails(event.details),
  };
}

/** The scope an event is written in: its org's log (the log belongs to orgs). */
export const eventScope = (event: AuditEventInput): TenantScope => ({ orgId: event.org_id, projectId: null });

export interface AuditSearch {
  projectId?: string;
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  /** resource_id starts with it (taken literally: `%` and `_` match only themselves). */
  resourceIdPrefix?: string;
  start?: Date;
  end?: Date;
  offset: number;
  limit: number;
}

/** The audit log, inside one org: its reads, and its appends (the log is never updated). */
@Injectable()
export class AuditEventsRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Newest first. */
  async search(scope: TenantScope, filters: AuditSearch): Promise<[AuditEventEntity[], number]> {
    return this.selectFrom(scope, AUDIT_EVENTS, 'e', (q) => {
      if (filters.projectId) q.andWhere('e.project_id = :project', { project: filters.projectId });
      if (filters.actorId) q.andWhere('e.actor_id = :actor', { actor: filters.actorId });
      if (filters.action) q.andWhere('e.action = :action', { action: filters.action });
      if (filters.resourceType) q.andWhere('e.resource_type = :rtype', { rtype: filters.resourceType });
      if (filters.resourceId) q.andWhere('e.resource_id = :rid', { rid: filters.resourceId });
      if (filters.resourceIdPrefix)
        q.andWhere(`e.resource_id LIKE :ridPrefix ESCAPE '\\'`, {
          ridPrefix: `${filters.resourceIdPrefix.replace(/[\\%_]/g, '\\$&')}%`,
        });
      if (filters.start) q.andWhere('e.timestamp >= :start', { start: filters.start });
      if (filters.end) q.andWhere('e.timestamp <= :end', { end: filters.end });
    })
      .orderBy('e.timestamp', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip(filters.offset)
      .take(filters.limit)
      .getManyAndCount();
  }

  /** Appends one event of the scope's org; on `tx` when it commits together with a change. */
  async append(scope: TenantScope, event: AuditEventEntity, tx?: ScopedTransaction): Promise<void> {
    await this.insertInto(scope, AUDIT_EVENTS, [event], tx);
  }

  /** Appends events of the scope's org in one statement: all of them or none. */
  async appendAll(scope: TenantScope, events: AuditEventEntity[]): Promise<void> {
    await this.insertInto(scope, AUDIT_EVENTS, events);
  }

  /** Appends an event as reported (see auditEventRow) to its org's log; on `tx` as `append`. */
  async appendEvent(event: AuditEventInput, tx?: ScopedTransaction): Promise<void> {
    await this.append(eventScope(event), auditEventRow(event), tx);
  }

  async findOne(scope: TenantScope, id: string): Promise<AuditEventEntity | null> {
    return this.selectFrom(scope, AUDIT_EVENTS, 'e', (q) => q.where('e.id = :id', { id })).getOne();
  }
}
