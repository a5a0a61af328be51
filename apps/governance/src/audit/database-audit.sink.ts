import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditSink, type AuditEventInput, scrubDetails } from '@app/audit';
import { AuditEventEntity } from './audit-event.entity.js';

/** Inserts one event through `manager`: the data source, or a transaction that also holds a change. */
export async function insertAuditEvent(manager: EntityManager, event: AuditEventInput): Promise<void> {
  const row: AuditEventEntity = {
    id: randomUUID(),
    timestamp: new Date(),
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
  await manager.getRepository(AuditEventEntity).insert(row as QueryDeepPartialEntity<AuditEventEntity>);
}

@Injectable()
export class DatabaseAuditSink extends AuditSink {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async record(event: AuditEventInput): Promise<void> {
    await insertAuditEvent(this.dataSource.manager, event);
  }
}
